// The contracts: finance's view of every one with its files, and the lead organisation's own
// contract, which it accepts in the console (once; who and when are kept).
import { api, show } from '/common.js'
import { html, table, tag, details, money, longDate, dateTime, summaryList, panel, errorSummary, titleWith, form, whenSubmitted } from '/components/index.js'
import { roundPath, proposalPath, crumbs, organisationName, lines } from './parts.js'

function commitments (round, c) {
  const theme = id => round.crossCuttingThemes.find(t => t.id === id)?.title ?? id
  return summaryList([
    ['Milestones', lines(c.milestones.map(m => (/^\d{4}-\d{2}-\d{2}$/.test(m.due) ? longDate(m.due) : m.due) + ': ' + m.description))],
    ['Outputs', lines(c.outputs.map(o => o.measure + ': ' + o.annualTarget + ' a year'))],
    ['Cross-cutting commitments', lines(Object.entries(c.crossCuttingCommitments).map(([id, text]) => theme(id) + ': ' + text))]
  ])
}

function acceptance (c) {
  return c.accepted ? html`${tag('ACCEPTED')} by ${c.acceptedBy} on ${dateTime(c.acceptedAt)}` : tag('NOT_ACCEPTED_YET')
}

export async function contractsPage (roundId) {
  const base = roundPath(roundId)
  const [round, { contracts, files }] = await Promise.all([api(base), api(base + '/contracts')])
  show('Contracts', html`
    <span class="govuk-caption-l">${round.name}</span>
    <h1 class="govuk-heading-l">Contracts</h1>
    ${table({
      caption: contracts.length + ' contracts, four instalments a year in advance',
      head: ['Lead organisation', 'Proposal', { text: 'A year', numeric: true }, { text: 'In all', numeric: true }, 'First instalment', 'Accepted'],
      rows: contracts.map(c => [organisationName(round, c.lead), html`<a class="govuk-link" href="${proposalPath(roundId, c.proposal)}">${c.proposal}</a>`,
        money(c.annualAmount), money(c.total), money(c.instalments[0].amount) + ' on ' + longDate(c.instalments[0].due), acceptance(c)])
    })}
    ${contracts.map(c => details({ summary: 'What ' + organisationName(round, c.lead) + ' commits to', content: commitments(round, c) }))}
    <h2 class="govuk-heading-m">Files for finance</h2>
    <p class="govuk-body">Each link works for a limited time. The manifest lists every file's SHA-256.</p>
    ${lines(Object.entries(files).map(([name, link]) => html`<a class="govuk-link" href="${link}" download="${name}">${name}</a>`))}`,
  crumbs(roundId, round.name))
}

export async function contractPage (roundId, proposalId, errors = {}) {
  const path = proposalPath(roundId, proposalId)
  const [round, decision] = await Promise.all([api(roundPath(roundId)), api(path + '/decision')])
  const c = decision.contract
  if (!c) {
    return show('Your contract', html`<h1 class="govuk-heading-l">Your contract</h1>
      <p class="govuk-body">${decision.title} has no contract: ${decision.reason}</p>`, crumbs(roundId, round.name))
  }
  show(titleWith('Your contract', errors), html`
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
    ${errorSummary(errors)}
    <span class="govuk-caption-l">${decision.title}</span>
    <h1 class="govuk-heading-l">Your contract</h1>
    ${summaryList([
      ['With', organisationName(round, c.lead)],
      ['A year', money(c.annualAmount)],
      ['In all', money(c.total) + ' over ' + c.years + ' years'],
      ['First instalment', money(c.instalments[0].amount) + ' on ' + longDate(c.instalments[0].due)],
      ['Accepted', acceptance(c)]
    ])}
    </div></div>
    ${table({
      caption: 'Instalments, paid in advance', captionSize: 's',
      head: [{ text: 'Instalment', numeric: true }, 'Due', { text: 'Amount', numeric: true }],
      rows: c.instalments.map(i => [i.number, longDate(i.due), money(i.amount)])
    })}
    <h2 class="govuk-heading-m">What you commit to</h2>
    ${commitments(round, c)}
    ${c.accepted ? '' : form({ id: 'accept', submit: 'Accept the contract', content: html`<p class="govuk-body">By accepting, ${organisationName(round, c.lead)} agrees to deliver the milestones and outputs above and to report on them.</p>` })}`,
  crumbs(roundId, round.name).concat([[decision.title, path]]))
  if (!c.accepted) {
    whenSubmitted('accept', {
      send: () => api(roundPath(roundId) + '/contracts/' + encodeURIComponent(c.id) + '/accept', 'POST'),
      refused: (v, found) => contractPage(roundId, proposalId, found),
      done: accepted => show('Contract accepted', html`
        <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
        ${panel({ title: 'Contract accepted', body: html`By ${accepted.acceptedBy} on ${dateTime(accepted.acceptedAt)}` })}
        <p class="govuk-body">The first instalment, ${money(c.instalments[0].amount)}, is due on ${longDate(c.instalments[0].due)}.</p>
        <p class="govuk-body"><a class="govuk-link" href="${path}">Back to your proposal</a></p>
        </div></div>`, crumbs(roundId, round.name))
    })
  }
}
