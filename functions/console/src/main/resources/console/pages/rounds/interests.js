// Conflicts of interest: a panel member declares against each proposal before opening it, and the
// manager records an interest a member declares late (audited; the member's score then stops counting).
import { api, show } from '/common.js'
import { html, select, field, checkboxes, banner, errorSummary, titleWith, form, whenSubmitted } from '/components/index.js'
import { roundPath, crumbs, person, organisationName, lines, panelsOf } from './parts.js'

export async function declarePage (roundId, values = {}, errors = {}) {
  const base = roundPath(roundId)
  const [round, mine] = await Promise.all([api(base), api(base + '/declarations/' + encodeURIComponent(person(roundId)))])
  const toAnswer = mine.declared ? mine.proposals.filter(p => mine.awaiting.includes(p.id)) : mine.proposals
  const title = p => mine.proposals.find(q => q.id === p)?.title ?? p
  show(titleWith('Declare your interests', errors), html`
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
    ${errorSummary(errors)}
    ${mine.declared && toAnswer.length === 0
      ? html`<h1 class="govuk-heading-l">Your interests are declared</h1>
        <p class="govuk-body">${mine.interests.length === 0 ? 'You declared no interest.' : html`You declared an interest in:`}</p>
        ${mine.interests.length > 0 ? lines(mine.interests.map(title)) : ''}
        <p class="govuk-body">You will not see or score those, nor any your organisation leads or partners.</p>
        <p class="govuk-body"><a class="govuk-link" href="${base}/proposals">The proposals you score</a></p>`
      : form({ id: 'declare', submit: 'Declare', content: checkboxes({
        id: 'interests',
        legend: mine.declared ? 'New proposals: do you have an interest in any of them?' : 'Do you have an interest in any of these proposals?',
        legendSize: 'l',
        isPageHeading: true,
        hint: 'You declare against each proposal before you can open it. Those led or partnered by your own organisation are kept from you anyway.',
        items: toAnswer.map(p => ({ value: p.id, text: p.title, hint: 'Led by ' + organisationName(round, p.lead) + ', with ' + (p.partners.map(id => organisationName(round, id)).join(', ') || 'no partner') })),
        values: values.interests,
        error: errors.interests
      }) })}
    </div></div>`, crumbs(roundId, round.name))
  if (!mine.declared || toAnswer.length > 0) {
    whenSubmitted('declare', {
      fields: { interests: { id: 'interests', label: 'Your interests' }, proposals: { id: 'interests', label: 'Your interests' } },
      send: v => api(base + '/declarations/' + encodeURIComponent(person(roundId)), 'PUT', JSON.stringify({
        interests: v.interests, proposals: toAnswer.map(p => p.id)
      })),
      refused: (v, found) => declarePage(roundId, v, found),
      done: () => declarePage(roundId)
    })
  }
}

export async function lateInterestPage (roundId, notice = null, values = {}, errors = {}) {
  const base = roundPath(roundId)
  const [round, { proposals }] = await Promise.all([api(base), api(base + '/proposals')])
  const panels = await panelsOf(roundId, round)
  const members = panels.flatMap(({ panel }) => panel ? panel.members : [])
  show(titleWith('Record a late-declared interest', errors), html`
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
    ${errorSummary(errors)}
    ${notice ? banner({ heading: notice, success: true }) : ''}
    <span class="govuk-caption-l">${round.name}</span>
    <h1 class="govuk-heading-l">Record a late-declared interest</h1>
    <p class="govuk-body">When a panel member tells you of an interest after they declared, record it here. Their score of that proposal stops counting; the audit trail keeps who recorded it and why.</p>
    ${form({ id: 'late-interest', submit: 'Record the late interest', content: html`
      ${select({ id: 'member', label: 'Panel member', placeholder: 'Choose the member', items: members.map(m => ({ value: m.id, text: m.name + ' (' + organisationName(round, m.organisation) + ')' })), value: values.member, error: errors.member })}
      ${select({ id: 'proposal', label: 'Proposal', placeholder: 'Choose the proposal', items: proposals.map(p => ({ value: p.id, text: p.title })), value: values.proposal, error: errors.proposal })}
      ${field({ id: 'reason', label: 'What they told you, and when', rows: 3, value: values.reason, error: errors.reason })}` })}
    </div></div>`, crumbs(roundId, round.name))
  whenSubmitted('late-interest', {
    fields: { reason: { id: 'reason', label: 'The reason' }, memberId: { id: 'member', label: 'The member' }, proposalId: { id: 'proposal', label: 'The proposal' } },
    check: v => Object.fromEntries([
      !v.member && ['member', 'Choose the panel member'],
      !v.proposal && ['proposal', 'Choose the proposal']
    ].filter(Boolean)),
    send: v => api(base + '/proposals/' + encodeURIComponent(v.proposal) + '/late-interests/' + encodeURIComponent(v.member), 'PUT',
      JSON.stringify({ reason: v.reason.trim() })),
    refused: (v, found) => lateInterestPage(roundId, null, v, found),
    done: (answer, v) => lateInterestPage(roundId, 'The late interest of ' + members.find(m => m.id === v.member).name + ' in '
      + proposals.find(p => p.id === v.proposal).title + ' is recorded: their score of it no longer counts.')
  })
}
