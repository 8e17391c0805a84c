// The manager sets up an event: its kind, topic, day and times, where (or its online link), places,
// the advisers who facilitate it (their days come from their contracts) and its presenters.
import { api, html, showFormPage } from '/common.js'
import { field, radios, checkboxes, dateInput, isoDay, form, whenSubmitted } from '/components/index.js'
import { programmeName } from '../programmes/names.js'
import { eventsPath, eventPath, eventsCrumbs } from './parts.js'
import { eventPage } from './event.js'

const KINDS = [
  { value: 'WORKSHOP', text: 'Workshop' },
  { value: 'ACTION_LEARNING_SET', text: 'Action Learning Set meeting' },
  { value: 'REGIONAL_SEMINAR', text: 'Regional seminar' }
]

const FIELDS = {
  eventId: { id: 'eventId', label: 'Reference' },
  kind: { id: 'kind', label: 'Kind of event' },
  title: { id: 'title', label: 'Title' },
  topic: { id: 'topic', label: 'Topic' },
  date: { id: 'date', label: 'Date' },
  starts: { id: 'starts', label: 'Start time' },
  ends: { id: 'ends', label: 'End time' },
  place: { id: 'place', label: 'Place' },
  onlineLink: { id: 'onlineLink', label: 'Online link' },
  capacity: { id: 'capacity', label: 'Places' },
  facilitators: { id: 'facilitators', label: 'Facilitating advisers' },
  facilitatorDays: { id: 'facilitatorDays', label: 'Days each facilitator gives' },
  presenters: { id: 'presenters', label: 'Presenters' },
  setId: { id: 'setId', label: 'Action Learning Set' },
  cost: { id: 'cost', label: 'Cost' }
}

const lines = text => String(text ?? '').split('\n').map(line => line.trim()).filter(Boolean)

export async function newEventPage ({ programmeId }, values = {}, errors = {}) {
  const [balances, { learningSets }, name] = await Promise.all([
    api('/programmes/' + encodeURIComponent(programmeId) + '/support-balances'), api(eventsPath(programmeId)),
    programmeName(programmeId)])
  showFormPage({ title: 'Set up an event', caption: name, errors, crumbs: eventsCrumbs(programmeId, name) }, form({
    id: 'event-form',
    buttons: [{ text: 'Set up the event', id: 'create-event' }],
    cancel: { href: eventsPath(programmeId), text: 'Back to the events' },
    content: html`
      ${field({ id: 'eventId', label: 'Reference', hint: 'Lower-case letters, digits and hyphens, such as governance-workshop-2008-03', width: '20', spellcheck: false, value: values.eventId, error: errors.eventId })}
      ${radios({ id: 'kind', legend: 'Kind of event', items: KINDS, value: values.kind, error: errors.kind })}
      ${field({ id: 'title', label: 'Title', value: values.title, error: errors.title })}
      ${field({ id: 'topic', label: 'Topic', hint: 'The competency domain it is about, such as performance-management or governance-and-accountability', width: '20', spellcheck: false, value: values.topic, error: errors.topic })}
      ${dateInput({ id: 'date', legend: 'Date', hint: 'For example, 14 6 2007', value: values.date, error: errors.date })}
      ${field({ id: 'starts', label: 'Start time', hint: 'On the 24-hour clock, such as 10:00', width: '5', value: values.starts, error: errors.starts })}
      ${field({ id: 'ends', label: 'End time', hint: 'Such as 13:00', width: '5', value: values.ends, error: errors.ends })}
      ${field({ id: 'place', label: 'Place', hint: 'Leave empty for an event held online only', value: values.place, error: errors.place })}
      ${field({ id: 'onlineLink', label: 'Online link (optional)', hint: 'A web address starting https://', type: 'url', spellcheck: false, value: values.onlineLink, error: errors.onlineLink })}
      ${field({ id: 'capacity', label: 'Places', hint: 'From 1 to 40; when they are taken, people join a waiting list', width: '3', inputmode: 'numeric', value: values.capacity, error: errors.capacity })}
      ${checkboxes({ id: 'facilitators', legend: 'Facilitating advisers', hint: 'Their days come from their contracts, as bookings do', items: balances.advisers.map(a => ({ value: a.id, text: a.name + ' (' + a.remainingDays + ' days left)' })), values: [].concat(values.facilitators ?? []), error: errors.facilitators })}
      ${field({ id: 'facilitatorDays', label: 'Days each facilitator gives', hint: 'In half-day steps, like 0.5 or 1.0', width: '4', inputmode: 'decimal', suffix: 'days', value: values.facilitatorDays, error: errors.facilitatorDays })}
      ${field({ id: 'presenters', label: 'Presenters (optional)', hint: 'One a line: practitioners, speakers', rows: 3, value: values.presenters, error: errors.presenters })}
      ${field({ id: 'cost', label: 'Cost (optional)', hint: 'What the event costs (venue, catering, presenters), like 1250.00: it is committed to the programme\'s budget when the event is set up. Leave it empty if it costs nothing.', prefix: '£', width: '10', inputmode: 'decimal', value: values.cost, error: errors.cost })}
      ${learningSets.length === 0 ? '' : radios({ id: 'setId', legend: 'Action Learning Set (for a set\'s meeting only)', items: [{ value: '', text: 'None' }, ...learningSets.map(set => ({ value: set.setId, text: set.name }))], value: values.setId ?? '', error: errors.setId })}`
  }))
  whenSubmitted('event-form', {
    fields: FIELDS,
    otherwise: 'facilitatorDays', // a refusal naming no field is an adviser's contract passed: the days are too many
    send: typed => api(eventPath(programmeId, typed.eventId || '-'), 'PUT', JSON.stringify({
      kind: typed.kind, title: typed.title, topic: typed.topic, date: isoDay(typed.date), starts: typed.starts, ends: typed.ends,
      place: typed.place, onlineLink: typed.onlineLink, capacity: typed.capacity, facilitators: [].concat(typed.facilitators ?? []),
      facilitatorDays: typed.facilitatorDays, presenters: lines(typed.presenters), setId: typed.setId || null,
      ...((typed.cost ?? '').trim() ? { cost: typed.cost.trim() } : {})
    })),
    refused: (typed, problems) => newEventPage({ programmeId }, typed, problems),
    done: event => {
      history.pushState(null, '', eventPath(programmeId, event.eventId))
      return eventPage({ programmeId, eventId: event.eventId }, 'The event is set up.')
    }
  })
}
