// Scrutiny's side of governance (G9): which theme groups were reviewed in the last 365 days, the
// reviews with their states, a review scoped to a theme group's indicators, its evidence (oral,
// written, data, a visit) and findings that cite it. A scrutiny meeting agrees the report (a decision
// recorded on the meeting's page). The API says who may: a scrutiny member or the clerk.
import { api, show, showFormPage } from '/common.js'
import { html, table, tag, longDate, inWords, banner, field, select, radios, checkboxes, form, whenSubmitted, summaryList } from '/components/index.js'
import { lines } from '../monitoring/parts.js'
import { governancePath, reviewsPath, reviewPath, governanceCrumbs, readGovernance, personName, aboutInWords, atItsField, newKey } from './parts.js'

/** A review's state as a tag ("CLOSED" is a reminder's word elsewhere, so a closed review says so itself). */
const reviewTag = state => state === 'CLOSED' ? tag('COMPLETED', { text: 'Closed' }) : tag(state)

const bodyName = (bodies, bodyId) => bodies.find(b => b.id === bodyId)?.name ?? bodyId

export async function reviewsPage ({ registerId }, notice = null) {
  const [{ bodies }, coverage, reviews] = await Promise.all([readGovernance(registerId),
    api(governancePath(registerId) + '/coverage'), api(reviewsPath(registerId))])
  show('Scrutiny reviews', html`
    ${notice ? banner({ heading: notice, success: true }) : ''}
    <span class="govuk-caption-l">${registerId}</span>
    <h1 class="govuk-heading-l">Scrutiny reviews</h1>
    <p class="govuk-body"><a class="govuk-link" href="${reviewsPath(registerId)}/new">Scope a review of a theme group</a></p>
    ${table({
      caption: 'Which theme groups were reviewed in the last 365 days', captionSize: 'm', firstCellIsHeader: true,
      head: ['Theme group', 'Reviewed', 'Last report agreed'],
      rows: coverage.groups.map(g => [bodyName(bodies, g.body), tag(g.covered ? 'COVERED' : 'NOT_COVERED'), g.lastReportOn ? longDate(g.lastReportOn) : 'Never'])
    })}
    ${reviews.reviews.length === 0 ? html`<p class="govuk-body">No review has been scoped yet.</p>` : table({
      caption: 'Reviews', captionSize: 'm', firstCellIsHeader: true,
      head: ['Review', 'Theme group', 'State', 'Evidence', 'Findings'],
      rows: reviews.reviews.map(r => [html`<a class="govuk-link" href="${reviewPath(registerId, r.id)}">${r.id}</a>`, bodyName(bodies, r.body),
        reviewTag(r.state), String(r.evidence.length), String(r.findings.length)])
    })}`, governanceCrumbs(registerId))
}

export async function scopePage ({ registerId }) {
  const { register, bodies } = await readGovernance(registerId)
  scopeForm({ register, bodies, key: newKey() }, {}, {})
}

function scopeForm (page, typed, errors) {
  const { register, bodies } = page
  const registerId = register.registerId
  showFormPage({ title: 'Scope a review', caption: registerId, errors, crumbs: governanceCrumbs(registerId) }, form({
    id: 'scope-form', submit: 'Scope the review', cancel: { href: reviewsPath(registerId), text: 'Back to the reviews' },
    content: html`
      ${field({ id: 'id', label: 'Short id of the review', width: '20', spellcheck: false, hint: 'Unique in the register, like srv-stronger-2010', value: typed.id, error: errors.id })}
      ${select({ id: 'body', label: 'Theme group it reviews', placeholder: 'Choose a theme group', value: typed.body, error: errors.body, items: bodies.filter(b => b.kind === 'THEME_GROUP').map(b => ({ value: b.id, text: b.name })) })}
      ${checkboxes({ id: 'indicators', legend: 'Indicators it looks at', values: typed.indicators, error: errors.indicators, items: register.indicators.map(i => ({ value: i.id, text: aboutInWords(register, i.id) })) })}`
  }))
  whenSubmitted('scope-form', {
    fields: { id: { id: 'id', label: 'The short id' }, review: { id: 'id', label: 'The short id' }, body: { id: 'body', label: 'The theme group' }, indicators: { id: 'indicators', label: 'The indicators' } },
    send: values => atItsField(() => api(reviewsPath(registerId), 'POST', JSON.stringify({ id: values.id.trim(), body: values.body, indicators: values.indicators ?? [] }), page.key), { NOT_ALLOWED: 'id' }),
    refused: (values, found) => scopeForm(page, values, found),
    done: review => {
      history.pushState(null, '', reviewPath(registerId, review.id))
      return reviewPage({ registerId, reviewId: review.id }, 'The review ' + review.id + ' is scoped.')
    }
  })
}

export async function reviewPage ({ registerId, reviewId }, notice = null) {
  const [{ register, bodies }, review] = await Promise.all([readGovernance(registerId), api(reviewPath(registerId, reviewId))])
  const open = !review.report
  show('Review ' + review.id, html`
    ${notice ? banner({ heading: notice, success: true }) : ''}
    <span class="govuk-caption-l">Scrutiny review of ${bodyName(bodies, review.body)}</span>
    <h1 class="govuk-heading-l">Review ${review.id}</h1>
    ${summaryList([
      ['State', reviewTag(review.state)],
      ['Scoped', personName(register, review.scoped.by) + ' on ' + longDate(review.scoped.on)],
      ['Indicators', lines(review.indicators.map(i => aboutInWords(register, i)))],
      ['Report', review.report ? 'Agreed on ' + longDate(review.report.on) + ' (decision ' + review.report.decision + ')' : 'Not agreed yet']
    ])}
    ${open ? lines([
      html`<a class="govuk-link" href="${reviewPath(registerId, review.id)}/evidence">Record evidence</a>`,
      review.evidence.length > 0 && html`<a class="govuk-link" href="${reviewPath(registerId, review.id)}/findings">Write a finding</a>`
    ]) : ''}
    ${review.evidence.length === 0 ? html`<p class="govuk-body">No evidence has been recorded yet.</p>` : table({
      caption: 'Evidence', firstCellIsHeader: true, head: ['Evidence', 'Kind', 'Summary', 'Recorded'],
      rows: review.evidence.map(e => [e.id, inWords(e.kind), e.summary, personName(register, e.by) + ' on ' + longDate(e.on)])
    })}
    ${review.findings.length === 0 ? html`<p class="govuk-body">No finding has been written yet.</p>` : table({
      caption: 'Findings', firstCellIsHeader: true, head: ['Finding', 'What was found', 'Evidence it cites'],
      rows: review.findings.map(f => [f.id, f.text, f.evidence.join(', ')])
    })}
    ${review.recommendations.length === 0 ? '' : table({
      caption: 'The report\'s recommendations', firstCellIsHeader: true, head: ['Recommendation', 'To', 'Where it stands'],
      rows: review.recommendations.map(r => [r.id, personName(register, r.to), html`${tag(r.state)}<br>${r.words}`])
    })}`, governanceCrumbs(registerId).concat([['Scrutiny reviews', reviewsPath(registerId)]]))
}

const EVIDENCE_KINDS = ['ORAL', 'WRITTEN', 'DATA', 'VISIT'].map(kind => ({ value: kind, text: inWords(kind) }))

/** A review step of one form (evidence, or a finding): its page, what it sends, and the review again. */
async function stepPage ({ registerId, reviewId }, step) {
  const review = await api(reviewPath(registerId, reviewId))
  stepForm({ registerId, review, step, key: newKey() }, {}, {})
}

function stepForm (page, typed, errors) {
  const { registerId, review, step } = page
  showFormPage({ title: step.title, caption: 'Review ' + review.id, errors, crumbs: governanceCrumbs(registerId).concat([['The review', reviewPath(registerId, review.id)]]) }, form({
    id: 'step-form', submit: step.button, cancel: { href: reviewPath(registerId, review.id), text: 'Back to the review' },
    content: html`${field({ id: 'id', label: 'Short id', width: '20', spellcheck: false, hint: 'Unique in the register, like ' + review.id + '-' + step.example, value: typed.id, error: errors.id })}
      ${step.content(review, typed, errors)}`
  }))
  whenSubmitted('step-form', {
    fields: step.fields,
    send: values => atItsField(() => api(reviewPath(registerId, review.id) + step.path, 'POST', JSON.stringify({ id: values.id.trim(), ...step.body(values) }), page.key), step.byCode),
    refused: (values, found) => stepForm(page, values, found),
    done: () => {
      history.pushState(null, '', reviewPath(registerId, review.id))
      return reviewPage({ registerId, reviewId: review.id }, step.done)
    }
  })
}

const EVIDENCE = {
  title: 'Record evidence', button: 'Record the evidence', path: '/evidence', example: 'e1',
  fields: { id: { id: 'id', label: 'The short id' }, kind: { id: 'kind', label: 'The kind' }, summary: { id: 'summary', label: 'The summary' } },
  byCode: { NOT_ALLOWED: 'id', FINAL: 'id' },
  content: (review, typed, errors) => html`
    ${radios({ id: 'kind', legend: 'What kind of evidence', value: typed.kind, error: errors.kind, items: EVIDENCE_KINDS })}
    ${field({ id: 'summary', label: 'Summary', rows: 4, value: typed.summary, error: errors.summary })}`,
  body: values => ({ kind: values.kind, summary: values.summary.trim() }),
  done: 'The evidence is recorded.'
}

const FINDING = {
  title: 'Write a finding', button: 'Save the finding', path: '/findings', example: 'f1',
  fields: { id: { id: 'id', label: 'The short id' }, text: { id: 'text', label: 'The finding' }, evidence: { id: 'evidence', label: 'The evidence it cites' } },
  byCode: { NOT_ALLOWED: 'id', FINAL: 'id', NO_EVIDENCE: 'evidence' },
  content: (review, typed, errors) => html`
    ${field({ id: 'text', label: 'What was found', rows: 4, value: typed.text, error: errors.text })}
    ${checkboxes({ id: 'evidence', legend: 'The evidence it cites', hint: 'A finding cites at least one of the review\'s evidence.', values: typed.evidence, error: errors.evidence, items: review.evidence.map(e => ({ value: e.id, text: e.id + ' (' + inWords(e.kind).toLowerCase() + '): ' + e.summary })) })}`,
  body: values => ({ text: values.text.trim(), evidence: values.evidence ?? [] }),
  done: 'The finding is saved.'
}

export const evidencePage = params => stepPage(params, EVIDENCE)
export const findingPage = params => stepPage(params, FINDING)
