// The manager cancels an event that has not begun: a confirmation page saying what cancelling does, with the
// reason everyone registered or waiting is told by email; then the event's page, which says it is cancelled.
import { api, html, show } from '/common.js'
import { summaryList, field, form, whenSubmitted, warningText, errorSummary, titleWith } from '/components/index.js'
import { programmeName } from '../programmes/names.js'
import { eventPath, eventsCrumbs, when } from './parts.js'
import { eventPage } from './event.js'

export async function cancelEventPage ({ programmeId, eventId }, values = {}, errors = {}) {
  const here = eventPath(programmeId, eventId)
  const [event, name] = await Promise.all([api(here), programmeName(programmeId)])
  const told = event.placesTaken + event.waiting
  show(titleWith('Cancel ' + event.title, errors), html`
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
    ${errorSummary(errors)}
    <span class="govuk-caption-l">${name}</span>
    <h1 class="govuk-heading-l">Cancel this event</h1>
    ${summaryList([
      ['Event', event.title],
      ['When', when(event)],
      ['Registered', event.placesTaken + ' with a place, ' + event.waiting + ' waiting'],
      ['Facilitated by', event.facilitators.join(', ')],
      event.costInWords && ['Committed to the budget', event.costInWords]
    ])}
    ${warningText('Cancelling emails the ' + (told === 1 ? 'one person' : told + ' people') + ' registered or waiting, with your reason, gives the facilitators\' days back and releases what the event committed to the budget. It cannot be undone.')}
    ${form({
      id: 'cancel-event-form',
      submit: 'Cancel the event and tell everyone',
      cancel: { href: here, text: 'Keep the event' },
      content: field({ id: 'reason', label: 'Why is it cancelled?', hint: 'Everyone registered or waiting is told this', rows: 3, value: values.reason, error: errors.reason })
    })}
    </div></div>`, eventsCrumbs(programmeId, name).concat([[event.title, here]]))
  whenSubmitted('cancel-event-form', {
    fields: { reason: { id: 'reason', label: 'Why is it cancelled?' } },
    send: typed => api(here + '/cancel', 'POST', JSON.stringify({ reason: typed.reason })),
    refused: (typed, problems) => cancelEventPage({ programmeId, eventId }, typed, problems),
    done: () => eventPage({ programmeId, eventId }, 'The event is cancelled. Everyone registered or waiting has been told by email.')
  })
}
