// A return: the lead contact's form while it is open, overdue or sent back (each measure's output as
// a whole number, what was achieved, what is next, evidence for the milestones; saved as a draft or
// submitted), and otherwise what was submitted, version by version, with its reviews.
import { api, show, showFormPage } from '/common.js'
import { html, field, form, whenSubmitted, summaryList, tag, longDate, panel, banner } from '/components/index.js'
import { insetText } from '/components/index.js'
import { agreementCrumbs, readAgreement, returnPath, returnTitle, dueInWords, isLeadContact, mayReview, isManager, has, lines, byOn, plainRefusals } from './parts.js'

const OWED = ['OPEN', 'OVERDUE', 'RETURNED']
const WHOLE_NUMBER = /^\d+$/

export function findReturn (agreement, returnKey) {
  const found = agreement.returns.find(r => r.key === returnKey)
  if (!found) {
    throw new Error('The agreement has no return ' + returnKey + '.')
  }
  return found
}

/** What the boxes start with: what was typed, else the draft, else the version sent back. */
function startingValues (agreement, record, typed) {
  if (typed) {
    return typed
  }
  const from = record.draft ?? (record.state === 'RETURNED' ? record.versions[record.versions.length - 1] : null)
  const values = { achieved: from?.achieved ?? '', next: from?.next ?? '' }
  agreement.outputs.forEach((o, i) => { values['output-' + i] = from?.outputs?.[o.measure] ?? '' })
  openMilestones(agreement).forEach(m => { values['evidence-' + m.key] = from?.milestoneEvidence?.[m.key] ?? '' })
  return values
}

const openMilestones = agreement => agreement.milestones.filter(m => m.state === 'PLANNED' || m.state === 'LATE')

/** The API's fields → the page's fields, with the words the summary uses. */
function fieldsOf (agreement) {
  const fields = { achieved: { id: 'achieved', label: 'What was achieved' }, next: { id: 'next', label: 'What is next' } }
  agreement.outputs.forEach((o, i) => { fields['outputs.' + o.measure] = { id: 'output-' + i, label: o.measure } })
  openMilestones(agreement).forEach(m => { fields['milestoneEvidence.' + m.key] = { id: 'evidence-' + m.key, label: 'The evidence for "' + m.description + '"' } })
  fields.outputs = { id: agreement.outputs.length > 0 ? 'output-0' : 'achieved', label: 'The outputs' }
  fields.milestoneEvidence = { id: 'achieved', label: 'The milestone evidence' }
  return fields
}

/** Problems found before asking the API: an output that is not a whole number cannot be sent as one. */
function wholeNumbers (agreement, typed) {
  const problems = {}
  agreement.outputs.forEach((o, i) => {
    const value = String(typed['output-' + i] ?? '').trim()
    if (value !== '' && !WHOLE_NUMBER.test(value)) {
      problems['output-' + i] = 'Enter ' + o.measure.toLowerCase() + ' as a whole number, like 12'
    }
  })
  return problems
}

function body (agreement, typed) {
  const outputs = {}
  agreement.outputs.forEach((o, i) => {
    const value = String(typed['output-' + i] ?? '').trim()
    if (value !== '') {
      outputs[o.measure] = Number(value)
    }
  })
  const milestoneEvidence = {}
  openMilestones(agreement).forEach(m => {
    const text = String(typed['evidence-' + m.key] ?? '').trim()
    if (text) {
      milestoneEvidence[m.key] = text
    }
  })
  const evidence = Object.keys(milestoneEvidence).length > 0 ? { milestoneEvidence } : {}
  return JSON.stringify({ outputs, achieved: typed.achieved.trim(), next: typed.next.trim(), ...evidence })
}

async function returnForm (agreement, record, typed, errors, notice) {
  const values = startingValues(agreement, record, typed)
  const lastReview = record.reviews[record.reviews.length - 1]
  showFormPage({ title: 'Send the ' + returnTitle(record), caption: agreement.title, errors, crumbs: agreementCrumbs(agreement.id) }, html`
    ${notice ? banner({ heading: notice, success: true }) : ''}
    <p class="govuk-body">${dueInWords(record)}. It covers ${longDate(record.quarterStart)} to ${longDate(record.quarterEnd)}.</p>
    ${record.state === 'RETURNED' && lastReview ? insetText('Sent back by ' + byOn(lastReview) + ': ' + lastReview.reason) : ''}
    ${form({
      id: 'return-form',
      buttons: [{ text: 'Submit the return', value: 'submit', id: 'submit-return' }, { text: 'Save as a draft', value: 'draft', id: 'save-draft', secondary: true }],
      cancel: { href: '/agreements', text: 'Back to your agreements' },
      content: html`
        <h2 class="govuk-heading-m">Outputs this quarter</h2>
        ${agreement.outputs.map((o, i) => field({ id: 'output-' + i, label: o.measure, hint: 'A whole number for the quarter. The target is ' + o.annualTarget + ' a year.', width: '5', inputmode: 'numeric', spellcheck: false, value: values['output-' + i], error: errors['output-' + i] }))}
        <h2 class="govuk-heading-m">Progress</h2>
        ${field({ id: 'achieved', label: 'What was achieved', rows: 5, value: values.achieved, error: errors.achieved })}
        ${field({ id: 'next', label: 'What is next', rows: 5, value: values.next, error: errors.next })}
        ${openMilestones(agreement).length > 0 ? html`<h2 class="govuk-heading-m">Milestones</h2>
          <p class="govuk-body">Evidence for a milestone reached. The officer reads it and records the milestone as achieved.</p>
          ${openMilestones(agreement).map(m => field({ id: 'evidence-' + m.key, label: 'Evidence for "' + m.description + '" (due ' + longDate(m.due) + ')', hint: 'Optional', rows: 3, value: values['evidence-' + m.key], error: errors['evidence-' + m.key] }))}` : ''}`
    })}`)
  whenSubmitted('return-form', {
    check: typed => wholeNumbers(agreement, typed),
    fields: fieldsOf(agreement),
    send: (typed, action) => api(returnPath(agreement.id, record.key) + (action === 'draft' ? '/draft' : '/submit'), action === 'draft' ? 'PUT' : 'POST', body(agreement, typed)),
    refused: (typed, problems) => returnForm(agreement, record, typed, plainRefusals(problems, { achieved: 'what was achieved this quarter', next: 'what is next' })),
    done: (after, typed, action) => action === 'draft'
      ? returnForm(after, findReturn(after, record.key), null, {}, 'Draft saved. Nothing is sent until you submit the return.')
      : submitted(after, findReturn(after, record.key))
  })
}

function submitted (agreement, record) {
  show('Return submitted', html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
    ${panel({ title: 'Return submitted', body: html`The ${returnTitle(record)} of ${agreement.title}` })}
    <p class="govuk-body">The officer reviews it and accepts it or sends it back saying what to fix. What you submitted is kept as it is.</p>
    <p class="govuk-body"><a class="govuk-link" href="/agreements">Back to your agreements</a></p>
    </div></div>`, agreementCrumbs(agreement.id))
}

/** One submitted version as a summary list: each measure's output, the words, the evidence. */
export function versionSummary (agreement, version) {
  const evidence = Object.entries(version.milestoneEvidence ?? {})
  const description = key => agreement.milestones.find(m => m.key === key)?.description ?? key
  return summaryList([
    ['Submitted', byOn(version)],
    ...agreement.outputs.map(o => [o.measure, String(version.outputs?.[o.measure] ?? 0)]),
    ['What was achieved', version.achieved],
    ['What is next', version.next],
    evidence.length > 0 && ['Milestone evidence', lines(evidence.map(([key, text]) => description(key) + ': ' + text))]
  ])
}

/** What the staff may do with a return from here (the API checks each). */
function actions (agreement, record) {
  const path = returnPath(agreement.id, record.key)
  return lines([
    record.state === 'SUBMITTED' && mayReview() && html`<a class="govuk-link" href="${path}/review">Review this return</a>`,
    !['ACCEPTED', 'SKIPPED'].includes(record.state) && has('programme-manager', 'officer') && html`<a class="govuk-link" href="${path}/vary">Change the due date</a>`,
    ['OPEN', 'OVERDUE', 'RETURNED'].includes(record.state) && isManager() && html`<a class="govuk-link" href="${path}/skip">Skip this return</a>`
  ])
}

async function returnView (agreement, record) {
  const versions = record.versions.map((version, i) => html`<h2 class="govuk-heading-m">Version ${i + 1}</h2>
    ${versionSummary(agreement, version)}
    ${record.reviews[i] ? html`<p class="govuk-body">${record.reviews[i].accepted ? 'Accepted' : 'Sent back'} by ${byOn(record.reviews[i])}${record.reviews[i].reason ? ': ' + record.reviews[i].reason : ''}.</p>` : ''}`)
  show(returnTitle(record), html`
    <span class="govuk-caption-l">${agreement.title}</span>
    <h1 class="govuk-heading-l">${returnTitle(record)}</h1>
    ${summaryList([
      ['Status', tag(record.state)],
      ['Due', dueInWords(record)],
      ['Covers', longDate(record.quarterStart) + ' to ' + longDate(record.quarterEnd)],
      ['Opens', longDate(record.opensOn)],
      ...record.variations.map(v => ['Due date changed', 'From ' + longDate(v.from) + ' to ' + longDate(v.to) + ' by ' + byOn(v) + ': ' + v.reason]),
      record.skip && ['Skipped', byOn(record.skip) + ': ' + record.skip.reason]
    ])}
    ${isLeadContact() ? '' : actions(agreement, record)}
    ${versions.length > 0 ? versions : html`<p class="govuk-body">Nothing has been submitted yet.</p>`}`, agreementCrumbs(agreement.id))
}

export async function returnPage ({ agreementId, returnKey }) {
  const agreement = await readAgreement(agreementId)
  const record = findReturn(agreement, returnKey)
  return isLeadContact() && OWED.includes(record.state) ? returnForm(agreement, record, null, {}) : returnView(agreement, record)
}
