// What monitoring's pages share: where an agreement's pages are, who is signed in, and returns,
// lateness and holds said in words ("Due 26 July 2002, 3 working days late", "Held: the 2002-03 Q1
// return is not yet accepted"). Every state is the API's; nothing here works one out.
import { api, hasRole } from '/common.js'
import { html, longDate, inWords } from '/components/index.js'

const id = value => encodeURIComponent(value)
export const agreementPath = agreementId => '/agreements/' + id(agreementId)
export const returnPath = (agreementId, returnKey) => agreementPath(agreementId) + '/returns/' + id(returnKey)
export const milestonePath = (agreementId, milestoneKey) => agreementPath(agreementId) + '/milestones/' + id(milestoneKey)
export const instalmentPath = (agreementId, number) => agreementPath(agreementId) + '/instalments/' + id(number)

/** Whether the signed-in person has one of these roles (the API checks; this only chooses what to offer). */
export const has = hasRole

/** A refusal's "must be a non-empty string" as GOV.UK says it: "Enter what was achieved". Other problems stay the API's. */
export function plainRefusals (errors, whats) {
  const plain = {}
  for (const [id, sentences] of Object.entries(errors)) {
    const list = [sentences].flat().map(text => whats[id] && /non-empty|is required|is missing|must be given/i.test(text) ? 'Enter ' + whats[id] : text)
    plain[id] = list.length === 1 ? list[0] : list
  }
  return plain
}
export const isLeadContact = () => has('lead-contact')
export const mayReview = () => has('programme-manager', 'officer', 'sub-group')
export const isManager = () => has('programme-manager')
export const paysOut = () => has('programme-manager', 'finance-officer')

export function agreementsCrumbs () {
  return [['Home', '/'], [isLeadContact() ? 'Your agreements' : 'Agreements', '/agreements']]
}

/** The titles of the agreements this page has read: crumbs and captions name an agreement, not its id. */
const titles = new Map()

export async function readAgreement (agreementId) {
  const agreement = await api(agreementPath(agreementId))
  titles.set(agreement.id, agreement.title)
  return agreement
}

/** An agreement by its title once read ("Unemployment Pathways"), by its id before. */
export const agreementName = agreementId => titles.get(agreementId) ?? agreementId

export function agreementCrumbs (agreementId) {
  return agreementsCrumbs().concat([[agreementName(agreementId), agreementPath(agreementId)]])
}

/** "contract-x/2002-03 Q1" as "the 2002-03 Q1 return", or "… of contract-x" when it is another agreement's. */
export function returnName (returnId, agreementId) {
  const slash = String(returnId).indexOf('/')
  const [owner, period] = slash < 0 ? [agreementId, returnId] : [returnId.slice(0, slash), returnId.slice(slash + 1)]
  return 'the ' + period + ' return' + (owner === agreementId ? '' : ' of ' + owner)
}

/** A return's heading: "2002-03 Q1 return", "2004-05 Q4 return (final)". */
export function returnTitle (record) {
  const period = String(record.id ?? record.returnId).split('/').pop()
  return period + ' return' + (record.kind === 'FINAL' ? ' (final)' : '')
}

/** "3 working days late", "1 working day late", or nothing when on time. */
export function lateness (workingDays) {
  if (!workingDays) {
    return ''
  }
  return workingDays + (workingDays === 1 ? ' working day late' : ' working days late')
}

/** "Due 26 July 2002, 3 working days late" (and the original day when it was changed). */
export function dueInWords (record) {
  const moved = record.originalDue && record.originalDue !== record.due ? ' (first due ' + longDate(record.originalDue) + ')' : ''
  const late = lateness(record.workingDaysLate)
  return 'Due ' + longDate(record.due) + moved + (late ? ', ' + late : '')
}

/** A milestone by its description when the page knows it, else by its place ("milestone m2 of contract-x"). */
function milestoneName (milestoneId, agreementId, milestones = []) {
  const known = milestones.find(m => m.id === milestoneId)
  if (known) {
    return 'the milestone "' + known.description + '"'
  }
  const [owner, key] = String(milestoneId).split('/')
  return 'milestone ' + key + (owner === agreementId ? '' : ' of ' + owner)
}

/** What blocks a hold, in words: returns by their period, milestones by their description, the agreement by its acceptance. */
function blockers (blocking, agreementId, milestones) {
  return blocking.map(part => part === agreementId
    ? 'its acceptance by the lead organisation'
    : /\/m\d+$/.test(part) ? milestoneName(part, agreementId, milestones) : returnName(part, agreementId))
}

/** "grant" or "contract", as the API says where the agreement came from. */
export const agreementKind = source => source === 'CONTRACT' ? 'contract' : source === 'GRANT' ? 'grant' : 'agreement'

function joined (names) {
  return names.length <= 1 ? names.join('') : names.slice(0, -1).join(', ') + ' and ' + names[names.length - 1]
}

/**
 * One reason a payment is held, as a sentence: "the 2002-03 Q1 return is not yet accepted",
 * "held by hand: awaiting the audit report". A reason the console does not know is still said in words.
 */
export function holdInWords (reason, blocking = [], { agreementId, milestones, manualHold, source } = {}) {
  const names = joined(blockers(blocking, agreementId, milestones))
  const plural = blocking.length > 1
  switch (reason) {
    case 'RETURN_OVERDUE':
      return names ? names + (plural ? ' are' : ' is') + ' overdue' : 'a return is overdue'
    case 'RETURN_NOT_ACCEPTED':
      return names ? names + (plural ? ' are' : ' is') + ' not yet accepted' : 'a return is not yet accepted'
    case 'MILESTONE_MISSED':
      return names ? names + (plural ? ' are' : ' is') + ' missed' : 'a milestone it depends on is missed'
    case 'OTHER_AGREEMENT':
      return names ? names + ' (another agreement of the organisation) ' + (plural ? 'are' : 'is') + ' outstanding' : 'a return under another agreement is outstanding'
    case 'FINAL_RETURN':
      return 'the final return is not yet accepted' + (names ? ' (' + names + ')' : '')
    case 'MANUAL':
      return 'held by hand' + (manualHold?.reason ? ': ' + manualHold.reason : '')
    case 'NOT_ACCEPTED':
      return 'the ' + agreementKind(source) + ' has not been accepted by its lead organisation'
    default:
      return inWords(reason).toLowerCase()
  }
}

/**
 * Why an instalment of an agreement is held, as sentences each starting "Held: ": the API gives each
 * reason with its own blockers ({ holds: [{ reason, blocking }] }) or the reasons and blockers
 * together ({ hold: { reasons, blocking } }); nothing when nothing holds it.
 */
export function instalmentHolds (agreement, instalment) {
  const context = { agreementId: agreement.id, milestones: agreement.milestones, manualHold: instalment.manualHold, source: agreement.source }
  if (Array.isArray(instalment.holds)) {
    return instalment.holds.map(h => 'Held: ' + holdInWords(h.reason, h.blocking ?? [], context) + '.')
  }
  return instalment.hold ? heldLineInWords({ ...context, reasons: instalment.hold.reasons, blocking: instalment.hold.blocking }) : []
}

/** A list of short lines, as a GOV.UK list. */
export function lines (items) {
  return html`<ul class="govuk-list">${items.filter(Boolean).map(item => html`<li>${item}</li>`)}</ul>`
}

/** "Ruth Ellis on 3 July 2002" from an act's { on, by }. */
export function byOn (act) {
  return act.by + ' on ' + longDate(act.on)
}

/**
 * A payment run's held line in words: each reason as a sentence, naming the returns and milestones
 * that block it where the reason is the only one they can belong to (the run lists them together).
 */
export function heldLineInWords ({ agreementId, reasons, blocking = [], manualHold, milestones, source }) {
  const isMilestone = part => /\/m\d+$/.test(part)
  const own = blocking.filter(part => !isMilestone(part) && part.startsWith(agreementId + '/'))
  const others = blocking.filter(part => !isMilestone(part) && !part.startsWith(agreementId + '/'))
  const bothReturnReasons = reasons.includes('RETURN_OVERDUE') && reasons.includes('RETURN_NOT_ACCEPTED')
  const blockersOf = reason => {
    switch (reason) {
      case 'RETURN_OVERDUE':
      case 'RETURN_NOT_ACCEPTED':
        return bothReturnReasons ? [] : own
      case 'MILESTONE_MISSED':
        return blocking.filter(isMilestone)
      case 'OTHER_AGREEMENT':
        return others
      default:
        return []
    }
  }
  return reasons.map(reason => 'Held: ' + holdInWords(reason, blockersOf(reason), { agreementId, manualHold, milestones, source }) + '.')
}

/** Every return and milestone blocking a payment, in words. */
export function blockingInWords (agreementId, blocking = []) {
  return blockers(blocking, agreementId, [])
}
