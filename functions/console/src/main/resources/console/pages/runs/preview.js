// A manager's preview of a run as the programme is now (nothing stored), then committing it.
import { api, html, show } from '/common.js'
import { table, warningText, checkboxes, checkAnswers, errorSummary, titleWith, form, whenSubmitted, inWords, money, panel } from '/components/index.js'
import { programmeName, programmeCrumbs, programmePath } from '../programmes/names.js'
import { totalsList, localitiesTable, whereTheMoneyWent } from './summary.js'
import { commitRun } from './commit.js'

const NOT_CONFIRMED = { confirm: 'Confirm that you have checked this preview' }

function differences (run) {
  const changes = run.comparedWithRun.differences.filter(d => d.changeGbp !== '0.00' || d.previousStatus !== d.status)
  const names = Object.fromEntries(run.rows.map(r => [r.partnershipId, r.partnershipName]))
  const was = (status, amount) => status ? inWords(status) + ', ' + money(amount) : 'Not in the run'
  return changes.length === 0
    ? html`<p class="govuk-body">No partnership's grant differs from the last committed run.</p>`
    : table({
      caption: changes.length + (changes.length === 1 ? ' partnership differs' : ' partnerships differ') + ' from the last committed run',
      captionSize: 's',
      head: ['Partnership', 'Was', 'Now', { text: 'Change', numeric: true }],
      rows: changes.map(d => [names[d.partnershipId] ?? d.partnershipId, was(d.previousStatus, d.previousFinalGrantGbp), was(d.status, d.finalGrantGbp), money(d.changeGbp)])
    })
}

export async function previewPage ({ programmeId }, errors = {}, previewed = null) {
  const base = programmePath(programmeId)
  const [run, name] = previewed ?? await Promise.all([
    api(base + '/allocation-runs', 'POST', JSON.stringify({ mode: 'DRY_RUN' })), programmeName(programmeId)])
  show(titleWith('Preview of ' + name, errors), html`
    ${errorSummary(errors)}
    <span class="govuk-caption-l">${name}</span>
    <h1 class="govuk-heading-l">Preview the allocation run</h1>
    <p class="govuk-body">Nothing is stored until you commit it.</p>
    ${(run.warnings ?? []).map(warning => warningText(warning))}
    ${totalsList(run.totals)}
    ${whereTheMoneyWent(run.localities)}
    ${localitiesTable(run.localities)}
    <h2 class="govuk-heading-m">Difference from the last committed run</h2>
    ${run.comparedWithRun ? differences(run) : html`<p class="govuk-body">No run has been committed yet.</p>`}
    <h2 class="govuk-heading-m">Commit this run</h2>
    <p class="govuk-body">Next you check what committing does, and commit it.</p>
    ${form({
      id: 'commit-form',
      buttons: [{ text: 'Continue', id: 'commit' }],
      content: checkboxes({
        id: 'confirm', legend: 'Before you commit', error: errors.confirm,
        items: [{ value: 'checked', text: 'I have checked this preview' }]
      })
    })}`,
  programmeCrumbs(programmeId, name))
  whenSubmitted('commit-form', {
    check: values => values.confirm.length === 0 ? NOT_CONFIRMED : {},
    send: async () => ({}),
    refused: (values, problems) => previewPage({ programmeId }, problems, [run, name]),
    done: () => checkRunPage(programmeId, run, name)
  })
}

/** Check your answers: what committing stores and whom it tells; then the commit, its progress if long, and its confirmation. */
function checkRunPage (programmeId, run, name, errors = {}) {
  const base = programmePath(programmeId)
  const changed = run.comparedWithRun ? run.comparedWithRun.changed : null
  show(titleWith('Check the run before you commit it', errors), html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
    ${errorSummary(errors)}
    <span class="govuk-caption-l">${name}</span>
    <h1 class="govuk-heading-l">Check the run before you commit it</h1>
    ${checkAnswers([
      {
        heading: 'The programme',
        rows: [
          { key: 'Programme', value: name, change: '/load', changes: 'the programme (load a new version)' },
          ['Partnerships funded', run.totals.funded + ' of ' + run.totals.rows]
        ]
      },
      {
        heading: 'The money',
        rows: [
          ['Base grants', money(run.totals.baseGrantsGbp)],
          ['Withdrawn money shared among the funded', money(run.totals.redistributionGbp)],
          ['Final grants', money(run.totals.finalGrantsGbp)],
          ['Unallocated', money(run.totals.unallocatedGbp)],
          ['Against the last committed run', changed === null ? 'The first run of this programme'
            : changed === 0 ? 'No partnership\'s grant differs' : changed + (changed === 1 ? ' partnership differs' : ' partnerships differ')]
        ]
      },
      {
        heading: 'Who is told',
        rows: [
          ['Partnerships', 'Each partnership\'s contacts are emailed their notice'],
          ['Finance', 'The finance files are written and finance is emailed links to them']
        ]
      }
    ])}
    ${warningText('Committing stores this run for good. It cannot be undone.')}
    ${form({ id: 'commit-run', buttons: [{ text: 'Commit the run', id: 'commit-run-button' }], cancel: { href: base + '/preview', text: 'Back to the preview' }, content: html`` })}
    </div></div>`,
  programmeCrumbs(programmeId, name, ['Preview', base + '/preview']))
  whenSubmitted('commit-run', {
    fields: { inputHash: 'commit-run-button', mode: 'commit-run-button' },
    otherwise: 'commit-run-button',
    send: () => commitRun(programmeId, run.inputHash),
    refused: (values, problems) => checkRunPage(programmeId, run, name, problems),
    done: committed => committedPage(programmeId, name, committed)
  })
}

function committedPage (programmeId, name, committed) {
  const base = programmePath(programmeId)
  show('Run committed', html`${panel({
      title: 'Run committed',
      body: html`Reference <strong>${committed.runId}</strong><br>${money(committed.totals.finalGrantsGbp)} to ${committed.totals.funded} partnerships`
    })}
    <p class="govuk-body">The notices and the finance files follow in a few moments.</p>
    <p class="govuk-body"><a class="govuk-link" href="${base}/runs/${encodeURIComponent(committed.runId)}">See the run</a></p>`,
  programmeCrumbs(programmeId, name))
}
