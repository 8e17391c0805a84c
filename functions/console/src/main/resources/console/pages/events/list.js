// A programme's events: workshops, Action Learning Set meetings and regional seminars, how full each is,
// its Action Learning Sets, and (for the manager and auditors) the registrations and attendance as CSVs.
import { api, html, show, hasRole } from '/common.js'
import { table, tag, downloadLink } from '/components/index.js'
import { programmeName, programmeCrumbs } from '../programmes/names.js'
import { eventsPath, eventPath, setPath, when, topicInWords } from './parts.js'

export async function eventsPage ({ programmeId }) {
  const [{ events, learningSets }, name] = await Promise.all([api(eventsPath(programmeId)), programmeName(programmeId)])
  const manager = hasRole('programme-manager')
  show('Events', html`
    <span class="govuk-caption-l">${name}</span>
    <h1 class="govuk-heading-l">Events</h1>
    ${manager ? html`<p class="govuk-body"><a class="govuk-link" href="${eventsPath(programmeId)}/new">Set up an event</a></p>` : ''}
    ${events.length === 0
      ? html`<p class="govuk-body">No event has been set up yet.</p>`
      : table({
        caption: 'Events, soonest first',
        head: ['Event', 'Kind', 'When', 'Topic', { text: 'Places left', numeric: true }, { text: 'Waiting', numeric: true }],
        rows: events.map(event => [
          html`<a class="govuk-link" href="${eventPath(programmeId, event.eventId)}">${event.title}</a>${event.cancelled ? html` ${tag('CANCELLED')}` : ''}`,
          tag(event.kind), when(event), topicInWords(event.topic), String(event.placesLeft), String(event.waiting)])
      })}
    ${learningSets.length === 0 ? '' : html`<h2 class="govuk-heading-m">Action Learning Sets</h2>
      <ul class="govuk-list">${learningSets.map(set => html`<li><a class="govuk-link" href="${setPath(programmeId, set.setId)}">${set.name}</a></li>`)}</ul>`}
    ${manager || hasRole('auditor') ? html`<h2 class="govuk-heading-m">Files</h2><ul class="govuk-list">
      <li>${downloadLink({ path: '/programmes/' + encodeURIComponent(programmeId) + '/event-registrations.csv', name: programmeId + '-event-registrations.csv', text: 'Download every registration (event-registrations.csv)' })}</li>
      <li>${downloadLink({ path: '/programmes/' + encodeURIComponent(programmeId) + '/event-attendance.csv', name: programmeId + '-event-attendance.csv', text: 'Download who attended (event-attendance.csv)' })}</li>
    </ul>` : ''}`,
  programmeCrumbs(programmeId, name))
}
