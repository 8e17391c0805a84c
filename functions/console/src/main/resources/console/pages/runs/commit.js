// Committing a run. A large programme is committed in the background: its progress, read from the
// job every two seconds, until the run is whole; then the run's totals, as the server worked them out.
import { api, html, show, ApiError } from '/common.js'
import { inWords, progress, updateProgress } from '/components/index.js'
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
    ${progress({ id: 'commit', label: 'Rows written', value: job.rowsWritten, max: job.rowsTotal, status: progressText(job) })}`, [['Programmes', '/'], ['The programme', base]])
  while (job.state === 'QUEUED' || job.state === 'RUNNING') {
    await new Promise(resolve => setTimeout(resolve, 2000))
    job = await api(job.status)
    if (!updateProgress('commit', { value: job.rowsWritten, status: progressText(job) })) {
      return new Promise(() => {}) // the manager went to another page; the commit carries on without us
    }
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
