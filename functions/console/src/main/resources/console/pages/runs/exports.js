// Finance's files of a run: links that work for a while, and the manifest of their checksums.
import { api, html, show } from '/common.js'
import { dateTime } from '/components/index.js'
import { programmeName, programmeCrumbs } from '../programmes/names.js'
import { runPath, runPagePath } from './rows.js'

const WHAT = {
  'payments.csv': 'the payment file',
  'allocations.csv': 'every partnership\'s grant and reason',
  'manifest.json': 'each file\'s size and SHA-256 checksum',
  'run-report.html': 'the run report, with its chart of every grant'
}

export async function exportsPage ({ programmeId, runId }) {
  const [exported, name] = await Promise.all([api(runPath(programmeId, runId) + '/exports'), programmeName(programmeId)])
  show('Finance files', html`
    <span class="govuk-caption-l">${name}</span>
    <h1 class="govuk-heading-l">Finance files</h1>
    <p class="govuk-body">The links work until ${dateTime(exported.expiresAt)}.</p>
    <ul class="govuk-list">${Object.entries(exported.files).map(([file, link]) =>
      html`<li><a class="govuk-link" href="${link}" download="${file}">${file}</a>${WHAT[file] ? ': ' + WHAT[file] : ''}</li>`)}</ul>`,
  programmeCrumbs(programmeId, name, ['Allocation run', runPagePath(programmeId, runId)]))
}
