// A programme's page: its committed runs, newest first, and what can be done with it.
import { api, html, show } from '/common.js'
import { table, money, dateTime } from '/components/index.js'
import { programmeName, programmePath } from './names.js'
import { budgetPath } from '../budgets/budget.js'

export async function programmePage ({ programmeId }) {
  const base = programmePath(programmeId)
  const [{ runs }, name] = await Promise.all([api(base + '/allocation-runs'), programmeName(programmeId)])
  show(name, html`
    <span class="govuk-caption-l">${name}</span>
    <h1 class="govuk-heading-l">Allocation runs</h1>
    ${runs.length === 0
      ? html`<p class="govuk-body">No run has been committed yet.</p>`
      : table({
        caption: 'Committed runs, newest first',
        head: ['Committed', 'Reference', { text: 'Funded partnerships', numeric: true }, { text: 'Final grants', numeric: true }],
        rows: runs.map(run => [
          html`<a class="govuk-link" href="${base}/runs/${encodeURIComponent(run.runId)}">${dateTime(run.committedAt)}</a>`,
          run.runId, String(run.totals.funded), money(run.totals.finalGrantsGbp)])
      })}
    <ul class="govuk-list">
      <li><a class="govuk-link" href="${base}/preview">Preview a run of the programme as it is now</a></li>
      <li><a class="govuk-link" href="${base}/bulletin">Write a bulletin</a></li>
      <li><a class="govuk-link" href="${base}/support">Support days</a></li>
      <li><a class="govuk-link" href="${base}/audit">Audit trail</a></li>
      <li><a class="govuk-link" href="${budgetPath(programmeId)}">Budget: how much is left, and of which pot</a></li>
      <li><a class="govuk-link" href="${base}/events">Events: workshops, Action Learning Sets and seminars</a></li>
      <li><a class="govuk-link" href="${base}/assessment-table">Competency of the partnerships, by domain</a></li>
    </ul>`,
  [['Programmes', '/']])
}
