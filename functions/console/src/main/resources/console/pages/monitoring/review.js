// The reviewer's side of returns: the queue (oldest submission first, those submitted late marked)
// with what is still outstanding, and the review of one return: accept it, or send it back naming
// the sections to fix.
import { api, show, showFormPage } from '/common.js'
import { html, table, tag, longDate, radios, checkboxes, field, form, whenSubmitted, panel } from '/components/index.js'
import { agreementCrumbs, agreementPath, readAgreement, returnPath, returnTitle, lateness, lines, plainRefusals } from './parts.js'
import { findReturn, versionSummary } from './returns.js'

const SECTIONS = [
  { value: 'outputs', text: 'The outputs' },
  { value: 'achieved', text: 'What was achieved' },
  { value: 'next', text: 'What is next' },
  { value: 'milestoneEvidence', text: 'The milestone evidence' }
]

function waitingRow (w) {
  return [
    html`<a class="govuk-link" href="${returnPath(w.agreementId, w.returnKey)}/review">${returnTitle(w)}<span class="govuk-visually-hidden"> of ${w.title}</span></a>`,
    w.title,
    w.organisationName,
    longDate(w.submittedOn) + (w.version > 1 ? ' (version ' + w.version + ')' : ''),
    longDate(w.due),
    w.overdue ? html`${tag('OVERDUE')} ${lateness(w.workingDaysLate)}` : 'On time'
  ]
}

export async function reviewQueuePage () {
  const queue = await api('/review-queue')
  show('Returns to review', html`
    <h1 class="govuk-heading-l">Returns to review</h1>
    <p class="govuk-body">As of ${longDate(queue.asOf)}. The oldest submission is first.</p>
    ${queue.waiting.length === 0
      ? html`<p class="govuk-body">No return is waiting for review.</p>`
      : table({
        caption: queue.waiting.length === 1 ? '1 return waiting' : queue.waiting.length + ' returns waiting',
        head: ['Return', 'Agreement', 'Organisation', 'Submitted', 'Due', 'Sent in'],
        rows: queue.waiting.map(waitingRow)
      })}
    ${queue.outstanding.length === 0 ? '' : table({
      caption: 'Still to come in',
      head: ['Return', 'Agreement', 'Due', 'Status'],
      rows: queue.outstanding.map(o => [
        html`<a class="govuk-link" href="${returnPath(o.agreementId, o.returnKey)}">${returnTitle(o)}<span class="govuk-visually-hidden"> of ${o.title}</span></a>`,
        o.title, longDate(o.due), html`${tag(o.state)} ${lateness(o.workingDaysLate)}`])
    })}`, [['Home', '/']])
}

function send (agreement, record, typed) {
  const path = returnPath(agreement.id, record.key)
  if (typed.decision === 'accept') {
    return api(path + '/accept', 'POST', '{}')
  }
  return api(path + '/send-back', 'POST', JSON.stringify({ reason: typed.reason.trim(), sections: typed.sections ?? [] }))
}

export async function reviewPage ({ agreementId, returnKey }, typed = {}, errors = {}, agreement = null) {
  const current = agreement ?? await readAgreement(agreementId)
  const record = findReturn(current, returnKey)
  const latest = record.versions[record.versions.length - 1]
  const crumbs = agreementCrumbs(agreementId).concat([[returnTitle(record), returnPath(agreementId, returnKey)]])
  if (record.state !== 'SUBMITTED' || !latest) {
    return show('Nothing to review', html`<h1 class="govuk-heading-l">Nothing to review</h1>
      <p class="govuk-body">The ${returnTitle(record)} of ${agreementId} is not waiting for review.</p>
      <p class="govuk-body"><a class="govuk-link" href="/review-queue">Back to the returns to review</a></p>`, crumbs)
  }
  showFormPage({ title: 'Review the ' + returnTitle(record), caption: agreementId, errors, crumbs }, html`
    <p class="govuk-body">Version ${record.versions.length}${record.workingDaysLate ? ', sent in ' + lateness(record.workingDaysLate) : ''}.</p>
    ${versionSummary(current, latest)}
    ${form({
      id: 'review-form',
      submit: 'Send the review',
      cancel: { href: '/review-queue', text: 'Back to the returns to review' },
      content: html`
        ${radios({ id: 'decision', legend: 'Your decision', legendSize: 'm', items: [
          { value: 'accept', text: 'Accept the return' },
          { value: 'send-back', text: 'Send it back to be fixed' }], value: typed.decision, error: errors.decision })}
        ${checkboxes({ id: 'sections', legend: 'If you send it back: the sections to fix', hint: 'Select all that apply', items: SECTIONS, values: typed.sections, error: errors.sections })}
        ${field({ id: 'reason', label: 'If you send it back: what to fix', hint: 'The lead contact reads this', rows: 4, value: typed.reason, error: errors.reason })}`
    })}`)
  whenSubmitted('review-form', {
    check: v => v.decision ? {} : { decision: 'Choose whether to accept the return or send it back' },
    fields: { reason: { id: 'reason', label: 'What to fix' }, sections: { id: 'sections', label: 'The sections to fix' } },
    otherwise: 'decision',
    send: v => send(current, record, v),
    refused: (v, found) => reviewPage({ agreementId, returnKey }, v, plainRefusals(found, { reason: 'what to fix' }), current),
    done: (after, v) => show(v.decision === 'accept' ? 'Return accepted' : 'Return sent back', html`
      <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      ${panel({ title: v.decision === 'accept' ? 'Return accepted' : 'Return sent back', body: html`The ${returnTitle(record)} of ${agreementId}` })}
      <p class="govuk-body">${v.decision === 'accept' ? 'Its outputs now count towards the targets.' : 'The lead contact sees what to fix and can submit it again.'}</p>
      ${lines([html`<a class="govuk-link" href="/review-queue">Back to the returns to review</a>`, html`<a class="govuk-link" href="${agreementPath(agreementId)}">The agreement</a>`])}
      </div></div>`, crumbs)
  })
}
