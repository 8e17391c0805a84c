// A proposer's meetings with the panel: when, where, for how long and who attends (never the panel's notes).
import { api, show } from '/common.js'
import { html, summaryList } from '/components/index.js'
import { roundPath, proposalPath, crumbs, meetingTime, lines } from './parts.js'

export async function proposerMeetingsPage (roundId, proposalId) {
  const path = proposalPath(roundId, proposalId)
  const [round, proposal, { meetings }] = await Promise.all([api(roundPath(roundId)), api(path), api(path + '/meetings')])
  show('Your meeting with the panel', html`
    <span class="govuk-caption-l">${proposal.title}</span>
    <h1 class="govuk-heading-l">Your meeting with the panel</h1>
    ${meetings.length === 0
      ? html`<p class="govuk-body">The panel has not asked to meet you. If it does, you will see it here and be emailed the invitation.</p>`
      : html`<p class="govuk-body">The invitation was emailed to your organisation.</p>${meetings.map(m => summaryList([
        ['When', meetingTime(m.at)],
        ['How long', m.minutes + ' minutes'],
        ['Where', m.place || 'To be confirmed'],
        ['Who from the panel attends', m.attendees.length > 0 ? lines(m.attendees) : 'To be confirmed']
      ]))}`}
    <p class="govuk-body"><a class="govuk-link" href="${path}">Back to your proposal</a></p>`,
  crumbs(roundId, round.name).concat([[proposal.title, path]]))
}
