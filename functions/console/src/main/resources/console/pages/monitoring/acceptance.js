// A lead contact accepting their partnership's grant: check what is accepted, press "Accept this
// grant", and see who accepted it and when. Until then nothing is paid. (A contract is accepted on
// its round's contract page; the API refuses it here, and the refusal shows in the error summary.)
import { api, show, showFormPage } from '/common.js'
import { html, money, longDate, checkAnswers, form, whenSubmitted, panel } from '/components/index.js'
import { agreementCrumbs, agreementPath, readAgreement, byOn, lines } from './parts.js'

function whatIsAccepted (agreement) {
  return checkAnswers([{
    rows: [
      ['Grant', agreement.title],
      ['Organisation', agreement.organisationName],
      ['In force', longDate(agreement.start) + ' to ' + longDate(agreement.end)],
      ['In all', money(agreement.total)],
      ['Paid', lines(agreement.instalments.map(i => money(i.amount) + ', payable from ' + longDate(i.due)))],
      agreement.outputs.length > 0 && ['Outputs to report', lines(agreement.outputs.map(o => o.measure))],
      ['Progress returns', lines(agreement.returns.map(r => String(r.id).split('/').pop() + ', due ' + longDate(r.due)))]
    ]
  }])
}

export async function acceptPage ({ agreementId }, errors = {}) {
  const agreement = await readAgreement(agreementId)
  if (agreement.accepted) {
    return accepted(agreement)
  }
  showFormPage({ title: 'Check and accept this grant', caption: agreement.title, errors, crumbs: agreementCrumbs(agreementId) }, html`
    ${whatIsAccepted(agreement)}
    <p class="govuk-body">By accepting, your organisation agrees to deliver what the grant is for and to send a progress
      return for each period by its due date. Nothing is paid until the grant is accepted.</p>
    ${form({ id: 'accept-form', submit: 'Accept this grant', cancel: { href: agreementPath(agreementId), text: 'Back to the agreement' }, content: html`` })}`)
  whenSubmitted('accept-form', {
    otherwise: 'accept-form',
    send: () => api(agreementPath(agreementId) + '/accept', 'POST', '{}'),
    refused: (v, found) => acceptPage({ agreementId }, found),
    done: after => accepted(after)
  })
}

function accepted (agreement) {
  show('Grant accepted', html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
    ${panel({ title: 'Grant accepted', body: html`Accepted by ${byOn(agreement.accepted)}` })}
    <p class="govuk-body">The instalments are paid by the payment runs from their payable dates.</p>
    <p class="govuk-body"><a class="govuk-link" href="${agreementPath(agreement.id)}">Back to the agreement</a></p>
    </div></div>`, agreementCrumbs(agreement.id))
}
