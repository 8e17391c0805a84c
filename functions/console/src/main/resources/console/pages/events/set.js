// An Action Learning Set: its facilitator and members, and the notes of its meetings, which only its members
// and its facilitator may read (the manager sees who is in it, not what it said); the facilitator writes them.
import { api, html, show, hasRole, bindingIn, ApiError } from '/common.js'
import { summaryList, radios, field, form, whenSubmitted, banner, errorSummary, titleWith, longDate } from '/components/index.js'
import { programmeName } from '../programmes/names.js'
import { eventsPath, setPath, eventsCrumbs } from './parts.js'

async function notesOrNone (programmeId, setId) {
  try {
    return (await api(setPath(programmeId, setId) + '/notes')).notes
  } catch (refused) {
    if (refused instanceof ApiError && refused.status === 403) {
      return null
    }
    throw refused
  }
}

export async function setPage ({ programmeId, setId }, notice = null, values = {}, errors = {}) {
  const here = setPath(programmeId, setId)
  const [set, { events }, name] = await Promise.all([api(here), api(eventsPath(programmeId)), programmeName(programmeId)])
  const notes = hasRole('adviser', 'partnership-member') ? await notesOrNone(programmeId, setId) : null
  const meetings = events.filter(event => event.setId === setId)
  const facilitating = hasRole('adviser') && bindingIn(programmeId).adviserId === set.facilitator
  show(titleWith(set.name, errors), html`
    ${errorSummary(errors)}
    ${notice ? banner({ heading: notice, success: true }) : ''}
    <span class="govuk-caption-l">${name}: Action Learning Set</span>
    <h1 class="govuk-heading-l">${set.name}</h1>
    ${summaryList([
      ['Facilitator', set.facilitator],
      ['Members', set.members.map(member => member.name + ' (' + member.partnershipId + ')').join(', ')],
      ['Meetings', meetings.length === 0 ? 'None set up yet' : meetings.map(meeting => longDate(meeting.date)).join(', ')]
    ])}
    <h2 class="govuk-heading-m">Notes of its meetings</h2>
    ${notes === null
      ? html`<p class="govuk-body">A set's notes are for its members and its facilitator only.</p>`
      : notes.length === 0
        ? html`<p class="govuk-body">No notes have been written yet.</p>`
        : notes.map(note => html`<h3 class="govuk-heading-s">Meeting ${note.meetingId}</h3><p class="govuk-body">${note.text}</p>`)}
    ${facilitating && meetings.length > 0 ? form({
      id: 'notes-form',
      buttons: [{ text: 'Save the notes', id: 'save-notes' }],
      content: html`
        ${radios({ id: 'meetingId', legend: 'Which meeting?', items: meetings.map(meeting => ({ value: meeting.eventId, text: meeting.title + ', ' + longDate(meeting.date) })), value: values.meetingId, error: errors.meetingId })}
        ${field({ id: 'text', label: 'Notes', hint: 'Only the set\'s members and you will see them', rows: 6, value: values.text, error: errors.text })}`
    }) : ''}`,
  eventsCrumbs(programmeId, name))
  if (facilitating && meetings.length > 0) {
    whenSubmitted('notes-form', {
      fields: { meetingId: { id: 'meetingId', label: 'The meeting' }, text: { id: 'text', label: 'Notes' } },
      send: typed => api(here + '/notes/' + encodeURIComponent(typed.meetingId || '-'), 'PUT', JSON.stringify({ text: typed.text })),
      refused: (typed, problems) => setPage({ programmeId, setId }, null, typed, problems),
      done: () => setPage({ programmeId, setId }, 'The notes are saved.')
    })
  }
}
