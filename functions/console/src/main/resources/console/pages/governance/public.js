// What the public sees of a partnership's governance, without signing in (G11): the decisions of the
// board, scrutiny and the theme groups from the next working day after each meeting, the actions and
// recommendations they made, each answer from its day, and exempt items as their body, meeting and kind
// only; with the open data to download. Every state and sentence is the API's.
import { show, problem } from '/common.js'
import { html, table, tag, longDate } from '/components/index.js'

const id = value => encodeURIComponent(value)
export const publicGovernancePath = registerId => '/public/registers/' + id(registerId) + '/governance'
const openData = (registerId, file) => '/api/public/registers/' + id(registerId) + '/governance/' + file

const KINDS = {
  ACTION: 'Action',
  RECOMMENDATION: 'Recommendation',
  NOTED: 'Noted',
  VARIATION: 'New due date for an action',
  DROP: 'Action dropped',
  REPORT: 'Scrutiny report agreed'
}

// A state in words, its tag red when late, green when done, grey otherwise (the colours of OVERDUE,
// FUNDED and NO_DATA in words.js): the colour only repeats the words.
const STATES = {
  OPEN: ['Not started', 'NO_DATA'],
  IN_PROGRESS: ['In progress', 'NO_DATA'],
  COMPLETED: ['Completed', 'FUNDED'],
  DROPPED: ['Dropped', 'NO_DATA'],
  AWAITING_RESPONSE: ['Awaiting an answer', 'NO_DATA'],
  RESPONSE_OVERDUE: ['Answer overdue', 'OVERDUE'],
  REJECTED: ['Rejected', 'NO_DATA'],
  IMPLEMENTING: ['Being carried out', 'NO_DATA'],
  IMPLEMENTATION_OVERDUE: ['An action is overdue', 'OVERDUE'],
  IMPLEMENTED: ['Implemented', 'FUNDED'],
  NOT_IMPLEMENTED: ['Not implemented', 'NO_DATA']
}

function stateTag (state, overdue) {
  const [words, colour] = STATES[state] ?? [state, 'NO_DATA']
  return tag(overdue ? 'OVERDUE' : colour, { text: words })
}

const ANSWERS = { ACCEPTED: 'Accepted', REJECTED: 'Rejected', PARTIAL: 'Partly accepted' }

/** What a decision decided, in a sentence; an exempt one says only that it is exempt. */
function decided (decision, nameOf) {
  if (decision.exempt) {
    return 'Exempt from publication (' + decision.exempt.toLowerCase() + '): only the body, meeting and kind of decision are published'
  }
  const t = decision.terms
  switch (t.kind) {
    case 'ACTION': return nameOf(t.owner) + ' to act by ' + longDate(t.due) + '. Done when: ' + t.criterion
    case 'RECOMMENDATION': return 'Recommended to ' + nameOf(t.to) + ': ' + t.text
    case 'NOTED': return 'Noted: ' + t.reason
    case 'VARIATION': return 'Action ' + t.action + ' now due ' + longDate(t.due) + '. Why: ' + t.reason
    case 'DROP': return 'Action ' + t.action + ' dropped. Why: ' + t.reason
    default: return 'Report of review ' + t.review + ' agreed, with ' + t.recommendations.length + ' recommendation' + (t.recommendations.length === 1 ? '' : 's')
  }
}

export async function publicGovernancePage ({ registerId }) {
  const response = await fetch('/api/public/registers/' + id(registerId) + '/governance/decisions')
  if (!response.ok) {
    return problem('Not found', 'There is no published register ' + registerId + '.')
  }
  const log = await response.json()
  const bodyName = bodyId => log.bodies.find(b => b.id === bodyId)?.name ?? bodyId
  const names = new Map([...log.actions.map(a => [a.owner, a.ownerName]), ...log.recommendations.map(r => [r.to, r.toName])])
  const nameOf = person => names.get(person) ?? person
  show('Decisions, actions and recommendations', html`
    <span class="govuk-caption-l">${registerId}</span>
    <h1 class="govuk-heading-l">Decisions, actions and recommendations</h1>
    <p class="govuk-body">What the partnership's board, its scrutiny panel and its theme groups decided. Each decision is
      published on the next working day after its meeting, and a scrutiny report on the day it is agreed. An answer to a
      recommendation is published on the day it is given. Some items are exempt, for personal, commercial or legal
      reasons: for those, only the body, the meeting and the kind of decision are published.</p>
    <p class="govuk-body"><a class="govuk-link" href="/public/registers/${id(registerId)}">Performance figures</a></p>

    <h2 class="govuk-heading-m">Download the open data</h2>
    <p class="govuk-body">The same public records as CSV files, one line a record:</p>
    <ul class="govuk-list govuk-list--bullet govuk-list--spaced">
      <li><a class="govuk-link" href="${openData(registerId, 'decisions.csv')}">Decisions (CSV)</a></li>
      <li><a class="govuk-link" href="${openData(registerId, 'actions.csv')}">Actions (CSV)</a></li>
      <li><a class="govuk-link" href="${openData(registerId, 'recommendations.csv')}">Recommendations (CSV)</a></li>
    </ul>

    ${listed('Decisions', 'decision', log.decisions, {
      caption: 'Decisions, by meeting',
      head: ['Meeting', 'Body', 'Item', 'Kind', 'What was decided'],
      rows: [...log.decisions].reverse().map(d => [
        longDate(d.meeting), bodyName(d.body), d.item ?? 'Exempt item', KINDS[d.kind] ?? d.kind, decided(d, nameOf)
      ])
    })}
    ${listed('Actions', 'action', log.actions, {
      caption: 'Actions and where each stands today',
      head: ['Action', 'Owner', 'Decided by', 'Where it stands'],
      rows: log.actions.map(a => [a.criterion, a.ownerName, bodyName(a.decidedBy), html`${stateTag(a.state, a.overdue)} ${a.words}`])
    })}
    ${listed('Recommendations', 'recommendation', log.recommendations, {
      caption: 'Recommendations and their answers',
      head: ['Recommendation', 'Made to', 'Made by', 'Where it stands', 'Answer'],
      rows: log.recommendations.map(r => [
        r.text, r.toName, bodyName(r.body), html`${stateTag(r.state, false)} ${r.words}`,
        r.answer ? ANSWERS[r.answer.answer] + ' on ' + longDate(r.answer.on) + (r.answer.reason ? ': ' + r.answer.reason : '') : 'Not answered yet'
      ])
    })}`)
}

/** A part of the log under its heading: its table, or that nothing of the kind is published yet. */
function listed (heading, kind, records, tableOf) {
  return html`<h2 class="govuk-heading-m">${heading}</h2>
    ${records.length === 0
      ? html`<p class="govuk-body">No ${kind} has been published yet.</p>`
      : table({ ...tableOf, captionSize: 's' })}`
}
