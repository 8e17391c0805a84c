// Finance's files of a run: links that work for a while, and the manifest of their checksums.
import { api, html, show, ApiError } from '/common.js'
import { dateTime } from '/components/index.js'
import { programmeName, programmeCrumbs } from '../programmes/names.js'
import { runPath, runPagePath } from './rows.js'

const WHAT = {
  'payments.csv': 'the payment file',
  'allocations.csv': 'every partnership\'s grant and reason',
  'manifest.json': 'each file\'s size and SHA-256 checksum',
  'run-report.html': 'the run report, with its chart of every grant',
  'budget.csv': 'the programme\'s budget lines from the ledger: budget, committed, paid and remaining',
  'ledger.csv': 'every entry of the programme\'s ledger, its source record and who made it'
}

/** The files' links, or null while they are still being written (the API answers 404 or 409 until then). */
export async function exportedOrNull (programmeId, runId) {
  try {
    return await api(runPath(programmeId, runId) + '/exports')
  } catch (failure) {
    if (failure instanceof ApiError && [404, 409].includes(failure.status)) {
      return null
    }
    throw failure
  }
}

const wait = milliseconds => new Promise(resolve => setTimeout(resolve, milliseconds))

export async function exportsPage ({ programmeId, runId }) {
  const crumbs = name => programmeCrumbs(programmeId, name, ['Allocation run', runPagePath(programmeId, runId)])
  let [exported, name] = await Promise.all([exportedOrNull(programmeId, runId), programmeName(programmeId)])
  if (!exported) {
    // Long work: the page says so, and shows the files itself as soon as they are written.
    show('Finance files', html`
      <span class="govuk-caption-l">${name}</span>
      <h1 class="govuk-heading-l">Finance files</h1>
      <p class="govuk-body" id="export-status" aria-live="polite">The files are being written. They appear here as soon as they are ready; you need not reload the page.</p>`,
    crumbs(name))
    while (!exported) {
      await wait(2000)
      if (!document.getElementById('export-status')) {
        return // the person went to another page
      }
      exported = await exportedOrNull(programmeId, runId)
    }
  }
  show('Finance files', html`
    <span class="govuk-caption-l">${name}</span>
    <h1 class="govuk-heading-l">Finance files</h1>
    <p class="govuk-body">The links work until ${dateTime(exported.expiresAt)}.</p>
    <ul class="govuk-list">${Object.entries(exported.files).map(([file, link]) =>
      html`<li><a class="govuk-link" href="${link}" download="${file}">${file}</a>${WHAT[file] ? ': ' + WHAT[file] : ''}</li>`)}</ul>`,
  crumbs(name))
}
