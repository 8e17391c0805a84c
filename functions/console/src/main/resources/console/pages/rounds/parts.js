// What the round's pages share: where a round's pages are, who is signed in and as whom in the
// round, the names of its organisations and issues, and reads the caller may not be allowed yet.
import { api, ApiError, bindingIn, hasRole } from '/common.js'
import { html, longDate } from '/components/index.js'

export const roundPath = roundId => '/rounds/' + encodeURIComponent(roundId)
export const proposalPath = (roundId, proposalId) => roundPath(roundId) + '/proposals/' + encodeURIComponent(proposalId)
export const crumbs = (roundId, name) => [['Home', '/'], [name || 'The round', roundPath(roundId)]]

/** Whether the signed-in person has a role (the API checks; this only chooses what to offer). */
export const has = role => hasRole(role)
/** The person the signed-in user is in the round: a board member, sub-group's issue or panel member id. */
export const person = roundId => bindingIn(roundId).personId
/** The organisation a proposer sends proposals for. */
export const organisation = roundId => bindingIn(roundId).organisationId

/** An organisation's name, or its id if the round does not know it. */
export function organisationName (round, id) {
  return round.organisations.find(o => o.id === id)?.name ?? id
}

/** An issue's title, or its id. */
export function issueTitle (round, id) {
  return round.issues.find(issue => issue.id === id)?.title ?? id
}

/** A specification's title: its issue's ("spec-crime" is "Crime and community safety"). */
export function specificationTitle (round, specificationId) {
  return issueTitle(round, specificationId.replace(/^spec-/, ''))
}

/** "2002-02-10T14:30" (a meeting's local time, as the API keeps it) as "10 February 2002 at 2:30pm". */
export function meetingTime (at) {
  const [day, time = '00:00'] = String(at).split('T')
  const [hour, minute] = time.split(':').map(Number)
  const clock = hour === 12 && minute === 0 ? 'midday'
    : (hour % 12 || 12) + ':' + String(minute).padStart(2, '0') + (hour < 12 ? 'am' : 'pm')
  return longDate(day) + ' at ' + clock
}

/** A list of short lines, as a GOV.UK list. */
export function lines (items) {
  return html`<ul class="govuk-list">${items.map(item => html`<li>${item}</li>`)}</ul>`
}

/** A read the caller may not be allowed yet (blind scores, an unpublished decision, a panel not named): null then. */
export async function optional (path) {
  try {
    return await api(path)
  } catch (failure) {
    if (failure instanceof ApiError && [403, 404, 409].includes(failure.status)) {
      return null
    }
    throw failure
  }
}

/** The panels of the round's selected issues: each specification's, or null where none is named yet. */
export async function panelsOf (roundId, round) {
  const ids = (round.selected || []).map(issue => 'spec-' + issue)
  const panels = await Promise.all(ids.map(id => optional(roundPath(roundId) + '/panels/' + encodeURIComponent(id))))
  return ids.map((id, i) => ({ specification: id, panel: panels[i] }))
}
