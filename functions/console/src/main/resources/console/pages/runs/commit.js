// Committing a run. A large programme is committed in the background: its progress, read from the
// job every two seconds, until the run is whole; then the run's totals, as the server worked them out.
import { api, html, show, ApiError } from '/common.js'
import { inWords } from '/components/index.js'
import { programmePath } from '../programmes/names.js'

export async function commitRun (programmeId, inputHash) {
  const base = programmePath(programmeId)
  const answer = await api(base + '/allocation-runs', 'POST', JSON.stringify({ mode: 'COMMIT', inputHash }))
  return answer.jobId ? followCommitJob(programmeId, answer) : answer
}

async function followCommitJob (programmeId, job) {
  const base = programmePath(programmeId)
  show('Committing the run', html`<h1 class="govuk-heading-l">Committing the run</h1>
    <p class="govuk-body">This programme is large, so its run is being written in the background. It becomes
      visible only once every row is written. You can leave this page: the commit carries on, and the run will
      be in the programme's list of runs.</p>
    <div class="govuk-form-group">
      <label class="govuk-label" for="commit-progress">Rows written</label>
      <progress class="app-progress" id="commit-progress" max="${job.rowsTotal}" value="${job.rowsWritten}"></progress>
      <p class="govuk-body" id="commit-status" aria-live="polite">${progressText(job)}</p>
    </div>`, [['Programmes', '/'], ['The programme', base]])
  while (job.state === 'QUEUED' || job.state === 'RUNNING') {
    await new Promise(resolve => setTimeout(resolve, 2000))
    job = await api(job.status)
    const bar = document.getElementById('commit-progress')
    if (!bar) {
      return new Promise(() => {}) // the manager went to another page; the commit carries on without us
    }
    bar.value = job.rowsWritten
    document.getElementById('commit-status').textContent = progressText(job)
  }
  if (job.state === 'FAILED') {
    throw new ApiError(409, { message: job.failure })
  }
  return api(base + '/allocation-runs/' + encodeURIComponent(job.runId) + '?limit=1')
}

function progressText (job) {
  return inWords(job.state) + ': ' + job.rowsWritten.toLocaleString('en-GB') + ' of ' + job.rowsTotal.toLocaleString('en-GB') +
    ' partnerships\' rows written.'
}
