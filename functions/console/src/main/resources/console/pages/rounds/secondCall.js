// A published round's manager opens a second call for the money left unawarded: what it would get (the API's
// preview, every amount in the API's words), a warning, then the button; once opened, the second call's page.
import { api, show } from '/common.js'
import { html, summaryList, warningText, errorSummary, titleWith, form, whenSubmitted } from '/components/index.js'
import { roundPath, crumbs, lines } from './parts.js'
import { roundPage } from './round.js'

export const secondCallPath = roundId => roundPath(roundId) + '/second-call'

export async function secondCallPage (roundId, errors = {}) {
  const [round, preview] = await Promise.all([api(roundPath(roundId)), api(secondCallPath(roundId))])
  const ready = preview.status === 'READY'
  show(titleWith('Open a second call', errors), html`
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
    ${errorSummary(errors)}
    <span class="govuk-caption-l">${round.name}</span>
    <h1 class="govuk-heading-l">Open a second call for the money left</h1>
    ${ready
      ? html`
        ${summaryList([
          ['The second call', preview.name],
          ['Its fund', preview.fund.inWords],
          ['Carried from this round', lines(preview.carried.map(year => year.year + ': ' + year.amountInWords +
            (year.offered ? '' : ', carried but not offered: the year has begun')))],
          ['Carried in all', preview.carriedInAllInWords]
        ])}
        ${warningText('Opening it sets up the second call with this round\'s board, priorities and rules, binds this round\'s managers, finance officers and auditors in it, and moves the money left out of this round\'s budget. It cannot be undone.')}
        ${form({ id: 'second-call', submit: 'Open the second call', cancel: { href: roundPath(roundId), text: 'Back to the round' }, content: html`` })}`
      : html`
        <p class="govuk-body">${preview.message}</p>
        ${lines([
          preview.alreadyOpen && html`<a class="govuk-link" href="${roundPath(preview.roundId)}">${preview.name}</a>`,
          html`<a class="govuk-link" href="${roundPath(roundId)}">Back to the round</a>`
        ].filter(Boolean))}`}
    </div></div>`, crumbs(roundId, round.name))
  if (ready) {
    // One key per page drawn: pressed again after a lost answer, the API opens it once.
    const key = { 'idempotency-key': crypto.randomUUID() }
    whenSubmitted('second-call', {
      send: () => api(secondCallPath(roundId), 'POST', undefined, key),
      refused: (values, found) => secondCallPage(roundId, found),
      done: answer => {
        history.pushState(null, '', roundPath(answer.roundId))
        return roundPage(answer.roundId, 'The second call is open, for ' + answer.fund.annualAmountInWords + ' a year from ' + answer.fund.firstYear + '.')
      }
    })
  }
}
