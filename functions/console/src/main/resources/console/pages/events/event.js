// An event's page: what, when and where; its calendar file; a member registers their partnership's people,
// sees where each stands ("You are number 2 on the waiting list") and cancels; the facilitator records who came.
import { api, html, show, hasRole, bindingIn, claims } from '/common.js'
import { summaryList, tag, field, checkboxes, form, whenSubmitted, banner, errorSummary, titleWith, downloadLink, button, warningText } from '/components/index.js'
import { programmeName } from '../programmes/names.js'
import { eventsPath, eventPath, eventsCrumbs, when, topicInWords } from './parts.js'

/** Where a registration stands, in words: the signed-in person's own as "You ...". */
export function standing (registration, myEmail) {
  const you = myEmail && registration.email.toLowerCase() === myEmail.toLowerCase()
  const who = you ? 'You' : registration.name
  if (registration.state === 'PLACE') {
    return who + (you ? ' have' : ' has') + ' a place'
  }
  if (registration.state === 'WAITING') {
    return who + (you ? ' are' : ' is') + ' number ' + registration.waitingPosition + ' on the waiting list'
  }
  return who + (you ? ' have' : ' has') + ' cancelled'
}

export async function eventPage ({ programmeId, eventId }, notice = null, values = {}, errors = {}) {
  const here = eventPath(programmeId, eventId)
  const [event, name] = await Promise.all([api(here), programmeName(programmeId)])
  const me = bindingIn(programmeId)
  const myEmail = claims().email
  const cancelled = event.cancelled
  const mayRegister = !cancelled && (hasRole('programme-manager') || (hasRole('partnership-member') && me.partnershipId))
  const facilitating = !cancelled && hasRole('adviser') && event.facilitators.includes(me.adviserId)
  const open = event.registrations.filter(r => r.state !== 'CANCELLED')
  const cancellable = mayRegister ? open : []
  show(titleWith(event.title, errors), html`
    ${errorSummary(errors)}
    ${notice ? banner({ heading: notice, success: true }) : ''}
    <span class="govuk-caption-l">${name}</span>
    <h1 class="govuk-heading-l">${event.title}</h1>
    ${cancelled ? warningText('This event was cancelled on ' + cancelled.atInWords + ': ' + cancelled.reason, { id: 'event-cancelled' }) : ''}
    ${summaryList([
      ['Kind', tag(event.kind)],
      ['Topic', topicInWords(event.topic)],
      ['When', when(event)],
      event.place && ['Where', event.place],
      event.onlineLink && ['Online', html`<a class="govuk-link" href="${event.onlineLink}">${event.onlineLink}</a>`],
      ['Places', event.placesLeft + ' of ' + event.capacity + ' left' + (event.waiting ? ', ' + event.waiting + ' waiting' : '')],
      ['Facilitated by', event.facilitators.join(', ')],
      event.presenters.length > 0 && ['Presenters', event.presenters.join(', ')]
    ])}
    <p class="govuk-body">${downloadLink({ path: here + '/calendar.ics', name: eventId + '.ics', text: 'Add it to your calendar (download ' + eventId + '.ics)' })}</p>
    ${open.length === 0 ? '' : html`<h2 class="govuk-heading-m">${hasRole('partnership-member') ? 'Your partnership\'s registrations' : 'Registrations'}</h2>
      <ul class="govuk-list" id="registrations">${open.map(r => html`<li>${standing(r, myEmail)}</li>`)}</ul>`}
    ${cancellable.length === 0 ? '' : form({
      id: 'cancel-form',
      buttons: cancellable.map(r => ({ text: (r.state === 'PLACE' ? 'Give up ' : 'Leave the waiting list for ') + r.name + (r.state === 'PLACE' ? '\'s place' : ''), value: r.registrationId, secondary: true })),
      content: html``
    })}
    ${mayRegister ? html`<h2 class="govuk-heading-m">Register someone</h2>` : ''}
    ${mayRegister ? form({
      id: 'register-form',
      buttons: [{ text: 'Register', id: 'register' }],
      content: html`
        ${hasRole('programme-manager') ? field({ id: 'partnershipId', label: 'Their partnership', hint: 'The partnership\'s id, such as coventry', width: '20', value: values.partnershipId, error: errors.partnershipId }) : ''}
        ${field({ id: 'name', label: 'Their name', width: '20', autocomplete: 'name', value: values.name, error: errors.name })}
        ${field({ id: 'email', label: 'Their email address', hint: 'Invitations, a place given from the waiting list and the reminder go here', type: 'email', width: '20', autocomplete: 'email', spellcheck: false, value: values.email, error: errors.email })}`
    }) : ''}
    ${facilitating ? form({
      id: 'attendance-form',
      buttons: [{ text: 'Record who attended', id: 'record-attendance' }],
      content: checkboxes({ id: 'attended', legend: 'Who attended?', hint: 'Everyone with a place who is not ticked is recorded as absent', items: event.registrations.filter(r => r.state === 'PLACE').map(r => ({ value: r.registrationId, text: r.name + ' (' + r.partnershipId + ')' })), values: event.registrations.filter(r => r.attended).map(r => r.registrationId), error: errors.attended })
    }) : ''}
    ${!cancelled && hasRole('programme-manager') ? html`<h2 class="govuk-heading-m">If it cannot go ahead</h2>
      ${button({ text: 'Cancel this event', href: here + '/cancel', warning: true, id: 'cancel-event' })}` : ''}
    <p class="govuk-body"><a class="govuk-link" href="${eventsPath(programmeId)}">Back to the events</a></p>`,
  eventsCrumbs(programmeId, name))
  if (cancellable.length > 0) {
    whenSubmitted('cancel-form', {
      send: (typed, registrationId) => api(here + '/registrations/' + encodeURIComponent(registrationId) + '/cancel', 'POST'),
      refused: (typed, problems) => eventPage({ programmeId, eventId }, null, {}, problems),
      done: cancelled => eventPage({ programmeId, eventId }, cancelled.name + ' is no longer registered.')
    })
  }
  if (mayRegister) {
    whenSubmitted('register-form', {
      fields: { partnershipId: { id: hasRole('programme-manager') ? 'partnershipId' : 'name', label: 'Their partnership' }, name: { id: 'name', label: 'Their name' }, email: { id: 'email', label: 'Their email address' } },
      send: typed => api(here + '/registrations', 'POST', JSON.stringify({
        partnershipId: hasRole('programme-manager') ? typed.partnershipId : me.partnershipId, name: typed.name, email: typed.email
      })),
      refused: (typed, problems) => eventPage({ programmeId, eventId }, null, typed, problems),
      done: registration => eventPage({ programmeId, eventId }, standing(registration, myEmail) + '.')
    })
  }
  if (facilitating) {
    whenSubmitted('attendance-form', {
      fields: { attended: { id: 'attended', label: 'Who attended' } },
      otherwise: 'attended',
      send: typed => api(here + '/attendance', 'POST', JSON.stringify({ attended: [].concat(typed.attended ?? []) })),
      refused: (typed, problems) => eventPage({ programmeId, eventId }, null, typed, problems),
      done: () => eventPage({ programmeId, eventId }, 'Attendance recorded.')
    })
  }
}
