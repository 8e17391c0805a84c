// What a manager, the officer or finance does to an agreement, one thing per page: change a due
// date (with a reason; the original stays), skip a return, record or waive a milestone, hold or
// release an instalment, ask for an override and approve someone else's, end the agreement early,
// name the agreement's officer.
// Each sends one request; the API checks who may, and a refusal shows at its field.
import { api, showFormPage } from '/common.js'
import { html, field, dateInput, isoDay, isRealDay, form, whenSubmitted, summaryList, money, longDate, tag } from '/components/index.js'
import { agreementCrumbs, agreementName, agreementPath, returnPath, milestonePath, instalmentPath, readAgreement, returnTitle, dueInWords, instalmentHolds, lines, byOn, plainRefusals } from './parts.js'
import { findReturn } from './returns.js'
import { agreementPage } from './agreement.js'
import { warningText } from '/components/index.js'

/** Back to the agreement (in the address bar too), with what was done in a banner. */
function backToAgreement (agreementId, notice) {
  history.pushState(null, '', agreementPath(agreementId))
  return agreementPage({ agreementId }, notice)
}

/**
 * A page asking for one text (a reason, or evidence) and sending it:
 * textPage({ agreementId, title, about, label, hint, button, warning, path, key: 'reason', notice })
 */
function textPage (page, typed = {}, errors = {}) {
  const key = page.key ?? 'reason'
  showFormPage({ title: page.title, caption: agreementName(page.agreementId), errors, crumbs: agreementCrumbs(page.agreementId) }, html`
    ${page.about ?? ''}
    ${page.warning ? warningText(page.warning) : ''}
    ${form({
      id: 'action-form',
      buttons: [{ text: page.button, id: 'action-button', warning: Boolean(page.warning) }],
      cancel: { href: agreementPath(page.agreementId), text: 'Back to the agreement' },
      content: field({ id: key, label: page.label, hint: page.hint, rows: 4, value: typed[key], error: errors[key] })
    })}`)
  whenSubmitted('action-form', {
    fields: { [key]: { id: key, label: page.label } },
    send: v => api(page.path, 'POST', JSON.stringify({ [key]: v[key].trim() })),
    refused: (v, found) => textPage(page, v, plainRefusals(found, { [key]: page.label.charAt(0).toLowerCase() + page.label.slice(1) })),
    done: () => backToAgreement(page.agreementId, page.notice)
  })
}

/** A new due date and the reason, for a return or a milestone. */
function varyPage (page, typed = {}, errors = {}) {
  showFormPage({ title: page.title, caption: agreementName(page.agreementId), errors, crumbs: agreementCrumbs(page.agreementId) }, html`
    ${page.about}
    ${form({
      id: 'vary-form',
      submit: 'Change the due date',
      cancel: { href: agreementPath(page.agreementId), text: 'Back to the agreement' },
      content: html`
        ${dateInput({ id: 'to', legend: 'New due date', legendSize: 'm', hint: 'For example, 26 7 2002', value: typed.to, error: errors.to })}
        ${field({ id: 'reason', label: 'Why it changes', hint: 'The original due date is kept beside the new one', rows: 3, value: typed.reason, error: errors.reason })}`
    })}`)
  whenSubmitted('vary-form', {
    check: v => isRealDay(v.to) ? {} : { to: 'Enter the new due date as a day, month and year, like 26 7 2002' },
    fields: { to: { id: 'to', label: 'The new due date' }, reason: { id: 'reason', label: 'The reason' } },
    send: v => api(page.path, 'POST', JSON.stringify({ to: isoDay(v.to), reason: v.reason.trim() })),
    refused: (v, found) => varyPage(page, v, plainRefusals(found, { to: 'the new due date', reason: 'why it changes' })),
    done: (after, v) => backToAgreement(page.agreementId, page.what + ' is now due on ' + longDate(isoDay(v.to)) + '.')
  })
}

function findMilestone (agreement, milestoneKey) {
  const found = agreement.milestones.find(m => m.key === milestoneKey)
  if (!found) {
    throw new Error('The agreement has no milestone ' + milestoneKey + '.')
  }
  return found
}

function findInstalment (agreement, number) {
  const found = agreement.instalments.find(i => String(i.number) === String(number))
  if (!found) {
    throw new Error('The agreement has no instalment ' + number + '.')
  }
  return found
}

const returnAbout = record => summaryList([['Return', returnTitle(record)], ['Status', tag(record.state)], ['Due', dueInWords(record)]])
const milestoneAbout = m => summaryList([['Milestone', m.description], ['Status', tag(m.state)], ['Due', longDate(m.due)]])

function instalmentAbout (agreement, i) {
  return summaryList([
    ['Instalment', String(i.number)],
    ['Amount', money(i.amount)],
    ['Payable from', longDate(i.due)],
    ['Status', tag(i.state)],
    instalmentHolds(agreement, i).length > 0 && ['Why it is held', lines(instalmentHolds(agreement, i))],
    i.overrideRequest && ['Override asked for', byOn(i.overrideRequest) + ': ' + i.overrideRequest.reason]
  ])
}

export async function varyReturnPage ({ agreementId, returnKey }) {
  const record = findReturn(await readAgreement(agreementId), returnKey)
  varyPage({ agreementId, title: 'Change the due date of the ' + returnTitle(record), about: returnAbout(record), path: returnPath(agreementId, returnKey) + '/vary', what: 'The ' + returnTitle(record) })
}

export async function skipReturnPage ({ agreementId, returnKey }) {
  const record = findReturn(await readAgreement(agreementId), returnKey)
  textPage({ agreementId, title: 'Skip the ' + returnTitle(record), about: returnAbout(record), label: 'Why it is skipped', hint: 'A skipped return is final: it no longer holds payments', button: 'Skip the return', path: returnPath(agreementId, returnKey) + '/skip', notice: 'The ' + returnTitle(record) + ' is skipped.' })
}

export async function varyMilestonePage ({ agreementId, milestoneKey }) {
  const m = findMilestone(await readAgreement(agreementId), milestoneKey)
  varyPage({ agreementId, title: 'Change the due date of a milestone', about: milestoneAbout(m), path: milestonePath(agreementId, milestoneKey) + '/vary', what: 'The milestone "' + m.description + '"' })
}

export async function waiveMilestonePage ({ agreementId, milestoneKey }) {
  const m = findMilestone(await readAgreement(agreementId), milestoneKey)
  textPage({ agreementId, title: 'Waive a milestone', about: milestoneAbout(m), label: 'Why it is waived', hint: 'A waived milestone no longer holds payments', button: 'Waive the milestone', path: milestonePath(agreementId, milestoneKey) + '/waive', notice: 'The milestone "' + m.description + '" is waived.' })
}

export async function achieveMilestonePage ({ agreementId, milestoneKey }) {
  const m = findMilestone(await readAgreement(agreementId), milestoneKey)
  textPage({ agreementId, title: 'Record a milestone as achieved', about: milestoneAbout(m), key: 'evidence', label: 'The evidence', hint: 'What shows it was achieved, as the lead contact sent it or as you saw it', button: 'Record as achieved', path: milestonePath(agreementId, milestoneKey) + '/achieve', notice: 'The milestone "' + m.description + '" is achieved.' })
}

export async function holdPage ({ agreementId, instalment }) {
  const agreement = await readAgreement(agreementId)
  const i = findInstalment(agreement, instalment)
  textPage({ agreementId, title: 'Hold instalment ' + i.number, about: instalmentAbout(agreement, i), label: 'Why it is held', hint: 'Said to finance and in the held list of every payment run until it is released', button: 'Hold the instalment', path: instalmentPath(agreementId, i.number) + '/hold', notice: 'Instalment ' + i.number + ' is held.' })
}

export async function releasePage ({ agreementId, instalment }) {
  const agreement = await readAgreement(agreementId)
  const i = findInstalment(agreement, instalment)
  textPage({ agreementId, title: 'Release instalment ' + i.number, about: instalmentAbout(agreement, i), label: 'Why it is released', hint: 'Only the hold by hand is released; a reason the rules find still holds it', button: 'Release the hold', path: instalmentPath(agreementId, i.number) + '/release', notice: 'The hold by hand on instalment ' + i.number + ' is released.' })
}

export async function askForOverridePage ({ agreementId, instalment }) {
  const agreement = await readAgreement(agreementId)
  const i = findInstalment(agreement, instalment)
  textPage({ agreementId, title: 'Ask for an override of instalment ' + i.number, about: instalmentAbout(agreement, i), label: 'Why it should be paid', hint: 'A second person, a manager or finance officer, must approve it. It pays the instalment at the next payment run, whatever holds it.', button: 'Ask for the override', path: instalmentPath(agreementId, i.number) + '/override', notice: 'The override of instalment ' + i.number + ' is asked for. It needs a second person to approve it.' })
}

/** Check the request, then approve: no text, the approver is the signed-in person. */
export async function approveOverridePage ({ agreementId, instalment }, errors = {}) {
  const agreement = await readAgreement(agreementId)
  const i = findInstalment(agreement, instalment)
  showFormPage({ title: 'Approve the override of instalment ' + i.number, caption: agreementName(agreementId), errors, crumbs: agreementCrumbs(agreementId) }, html`
    ${instalmentAbout(agreement, i)}
    <p class="govuk-body">Approving pays ${money(i.amount)} at the next payment run, whatever holds it. You cannot approve an override you asked for.</p>
    ${form({ id: 'approve-form', submit: 'Approve the override', cancel: { href: agreementPath(agreementId), text: 'Back to the agreement' }, content: html`` })}`)
  whenSubmitted('approve-form', {
    otherwise: 'approve-form',
    send: () => api(instalmentPath(agreementId, i.number) + '/override/approve', 'POST', '{}'),
    refused: (v, found) => approveOverridePage({ agreementId, instalment }, found),
    done: () => backToAgreement(agreementId, 'The override is approved: instalment ' + i.number + ' is paid at the next payment run.')
  })
}

export async function terminatePage ({ agreementId }) {
  const agreement = await readAgreement(agreementId)
  textPage({ agreementId, title: 'End this agreement early', about: summaryList([['Organisation', agreement.organisationName], ['In force', longDate(agreement.start) + ' to ' + longDate(agreement.end)], ['In all', money(agreement.total)]]), warning: 'Instalments due after today are cancelled and never paid. Returns already due are still owed. This cannot be undone.', label: 'Why it ends', button: 'End the agreement', path: agreementPath(agreementId) + '/terminate', notice: 'The agreement has ended.' })
}

/** A manager names the officer: their person id (as they are bound) and the address their reminders go to. */
export async function nameOfficerPage ({ agreementId }, typed = {}, errors = {}) {
  const agreement = await readAgreement(agreementId)
  showFormPage({ title: 'Name the officer', caption: agreementName(agreementId), errors, crumbs: agreementCrumbs(agreementId) }, html`
    ${summaryList([['Organisation', agreement.organisationName], ['Officer now', agreement.officer || 'Not named yet']])}
    <p class="govuk-body">The officer reviews this agreement's returns and is sent a reminder when a return is late.</p>
    ${form({
      id: 'officer-form',
      submit: 'Name the officer',
      cancel: { href: agreementPath(agreementId), text: 'Back to the agreement' },
      content: html`
        ${field({ id: 'personId', label: 'Their person id', hint: 'As they are bound in this round or programme, for example officer-chen', spellcheck: false, value: typed.personId ?? agreement.officer, error: errors.personId })}
        ${field({ id: 'email', label: 'Their email address', hint: 'Their reminders are sent here', type: 'email', autocomplete: 'email', spellcheck: false, value: typed.email, error: errors.email })}`
    })}`)
  whenSubmitted('officer-form', {
    fields: { personId: { id: 'personId', label: 'Their person id' }, email: { id: 'email', label: 'Their email address' } },
    send: v => api(agreementPath(agreementId) + '/officer', 'PUT', JSON.stringify({ personId: v.personId.trim(), email: v.email.trim() })),
    refused: (v, found) => nameOfficerPage({ agreementId }, v, plainRefusals(found, { personId: 'their person id', email: 'their email address' })),
    done: (after, v) => backToAgreement(agreementId, v.personId.trim() + ' is the officer of this agreement.')
  })
}
