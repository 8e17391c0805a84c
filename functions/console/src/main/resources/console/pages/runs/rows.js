// A run with every row: the API answers rows a page at a time, so the rest are read page by page.
import { api, loading } from '/common.js'

export async function runWithAllRows (path) {
  const run = await api(path + '?limit=5000')
  while (run.rowsPage.next) {
    loading('Loading rows: ' + run.rows.length + ' of ' + run.rowsPage.total + '…')
    const page = await api(path + '?limit=5000&after=' + encodeURIComponent(run.rowsPage.next))
    run.rows.push(...page.rows)
    run.rowsPage = page.rowsPage
  }
  return run
}

export function runPath (programmeId, runId) {
  return '/programmes/' + encodeURIComponent(programmeId) + '/allocation-runs/' + encodeURIComponent(runId)
}

export function runPagePath (programmeId, runId) {
  return '/programmes/' + encodeURIComponent(programmeId) + '/runs/' + encodeURIComponent(runId)
}
