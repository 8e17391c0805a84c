// A committed run: its totals, where the money went, each locality, and every partnership's grant
// with its reason, filtered as you type.
import { api, html, show } from '/common.js'
import { table, field, tag, money, dateTime } from '/components/index.js'
import { programmeName, programmeCrumbs } from '../programmes/names.js'
import { runWithAllRows, runPath, runPagePath } from './rows.js'
import { exportedOrNull } from './exports.js'
import { totalsList, localitiesTable, whereTheMoneyWent, whereTheMoneyWentByTier } from './summary.js'

export async function runPage ({ programmeId, runId }) {
  const [run, name, tiers] = await Promise.all([runWithAllRows(runPath(programmeId, runId)), programmeName(programmeId),
    api(runPath(programmeId, runId) + '/tiers')])
  const here = runPagePath(programmeId, runId)
  show('Allocation run of ' + dateTime(run.committedAt), html`
    <span class="govuk-caption-l">${name}</span>
    <h1 class="govuk-heading-l">Allocation run of ${dateTime(run.committedAt)}</h1>
    ${totalsList(run.totals, [['Reference', runId]])}
    <ul class="govuk-list">
      <li><a class="govuk-link" href="${here}/exports">Finance files</a></li>
      <li><a class="govuk-link" href="${here}/notices">Notices and their delivery</a></li>
      <li id="report" hidden></li>
    </ul>
    ${whereTheMoneyWent(run.localities)}
    ${whereTheMoneyWentByTier(tiers)}
    ${localitiesTable(run.localities)}
    <h2 class="govuk-heading-m">Partnerships</h2>
    ${field({ id: 'filter', type: 'search', label: 'Find a partnership', hint: 'Type part of its name; the table shows only those that match.', width: 'one-half', controls: 'rows' })}
    <p class="govuk-body" id="shown" aria-live="polite">${run.rows.length} partnerships shown</p>
    ${table({
      id: 'rows',
      label: 'Partnerships',
      head: ['Partnership', 'Status', { text: 'Final grant', numeric: true }, 'Why'],
      rows: run.rows.map(r => ({
        attributes: { 'data-name': r.partnershipName.toLowerCase() },
        cells: [
          html`<a class="govuk-link" href="${here}/partnerships/${encodeURIComponent(r.partnershipId)}">${r.partnershipName}</a>`,
          tag(r.status), money(r.finalGrantGbp), { text: r.reason, classes: 'grants-reason' }]
      }))
    })}`,
  programmeCrumbs(programmeId, name))
  const filter = document.getElementById('filter')
  filter.addEventListener('input', () => {
    const wanted = filter.value.trim().toLowerCase()
    let shown = 0
    document.querySelectorAll('#rows tbody tr').forEach(row => {
      row.hidden = !row.dataset.name.includes(wanted)
      shown += row.hidden ? 0 : 1
    })
    document.getElementById('shown').textContent = shown + (shown === 1 ? ' partnership shown' : ' partnerships shown')
  })
  showTheReportWhenWritten(programmeId, runId)
}

/** The run report (its chart of every grant) is one of the finance files: linked here once the export is complete. */
async function showTheReportWhenWritten (programmeId, runId) {
  for (let tries = 0; tries < 60; tries++) {
    const exported = await exportedOrNull(programmeId, runId).catch(() => null)
    const item = document.getElementById('report')
    if (!item) {
      return // the person went to another page
    }
    const report = exported?.files['run-report.html']
    if (report) {
      item.innerHTML = html`<a class="govuk-link" href="${report}">The run report, with its chart of every grant</a>`.text
      item.hidden = false
      return
    }
    await new Promise(resolve => setTimeout(resolve, 3000))
  }
}
