// What governance's pages share: where they are, people by their names, the register read once per
// page, and a refusal of the rules (G12: 403 or 409, naming no field) placed at the field it is about,
// in the API's own words. Every state, date and lateness is the API's; nothing here works one out.
import { api, ApiError, hasRole } from '/common.js'
import { html, longDate, inWords } from '/components/index.js'
import { registerPath } from '../reporting/parts.js'

const id = value => encodeURIComponent(value)
export const governancePath = registerId => registerPath(registerId) + '/governance'
export const bodyPath = (registerId, bodyId) => governancePath(registerId) + '/bodies/' + id(bodyId)
export const meetingPath = (registerId, bodyId, date) => bodyPath(registerId, bodyId) + '/meetings/' + id(date)
export const myWorkPath = registerId => governancePath(registerId) + '/my-work'
export const standingPath = registerId => governancePath(registerId) + '/standing'
export const reviewsPath = registerId => governancePath(registerId) + '/reviews'
export const reviewPath = (registerId, reviewId) => reviewsPath(registerId) + '/' + id(reviewId)
export const actionPath = (registerId, actionId) => governancePath(registerId) + '/actions/' + id(actionId)
export const recommendationPath = (registerId, recommendationId) => governancePath(registerId) + '/recommendations/' + id(recommendationId)

export const isClerk = () => hasRole('programme-manager')

export function governanceCrumbs (registerId) {
  return [['Home', '/'], ['Indicator register', registerPath(registerId)], ['Governance', governancePath(registerId)]]
}

/** The register (its people, indicators and themes) and the bodies, read together. */
export async function readGovernance (registerId) {
  const [register, bodies] = await Promise.all([api(registerPath(registerId)), api(governancePath(registerId) + '/bodies')])
  return { register, bodies: bodies.bodies }
}

/** A person by their name in the register, else by the id the clerk gave them. */
export const personName = (register, personId) => register.people.find(p => p.id === personId)?.name ?? personId

/** An indicator by its reference ("NI 195"), an organisation by its id: what a decision is about. */
export function aboutInWords (register, about) {
  if (!about) {
    return 'Nothing in particular'
  }
  const indicator = register.indicators.find(i => i.id === about)
  return indicator ? indicator.reference + ': ' + indicator.title : 'The organisation ' + about
}

/** Everyone governance may name: the register's people and every body's members, by name. */
export function everyone (register, bodies) {
  const ids = [...new Set([...register.people.map(p => p.id), ...bodies.flatMap(b => b.members.map(m => m.person))])]
  return ids.map(person => ({ value: person, text: personName(register, person) }))
    .sort((a, b) => a.text.localeCompare(b.text))
}

/** "Sandra Mills" and her role: "Catherine Rowe (chair, Coventry City Council)". */
export function memberInWords (register, member) {
  const role = member.role === 'MEMBER' ? '' : inWords(member.role).toLowerCase()
  const more = [role, member.organisation].filter(Boolean).join(', ')
  return personName(register, member.person) + (more ? ' (' + more + ')' : '')
}

/** A decision's terms in a sentence of plain words. */
export function termsInWords (register, terms) {
  if (!terms) {
    return 'Exempt from publication'
  }
  switch (terms.kind) {
    case 'ACTION': return html`${personName(register, terms.owner)} to act by ${longDate(terms.due)}: ${terms.criterion}`
    case 'RECOMMENDATION': return html`To ${personName(register, terms.to)}: ${terms.text}`
    case 'NOTED': return terms.reason
    case 'VARIATION': return html`Action ${terms.action} now due ${longDate(terms.due)}: ${terms.reason}`
    case 'DROP': return html`Action ${terms.action} dropped: ${terms.reason}`
    default: return html`The report of review ${terms.review}, ${terms.recommendations.length} recommendation${terms.recommendations.length === 1 ? '' : 's'}`
  }
}

/** "4 voting members left, 3 needed": a quorum as the API counted it (G3). */
export function quorumInWords (register, quorum) {
  const out = quorum.conflicted.length === 0 ? '' : ' Counted out: ' + quorum.conflicted.map(p => personName(register, p)
    + (quorum.undeclared.includes(p) ? ' (works for the organisation, not declared)' : ' (declared an interest)')).join(', ') + '.'
  return quorum.counted + ' voting member' + (quorum.counted === 1 ? '' : 's') + ' counted, ' + quorum.needed + ' needed: '
    + (quorum.quorate ? 'quorate.' : 'not quorate, so it cannot be decided.') + out
}

/**
 * Sends a change; a refusal of the rules (403 or 409, which name no field) comes back placed at the
 * field it is about (byCode: the API's name of that field, { INQUORATE: 'declared' }), said as the API's sentence without the id it
 * begins with ("board-1: too few voting members ..." → "Too few voting members ...").
 */
export async function atItsField (call, byCode) {
  try {
    return await call()
  } catch (failure) {
    if (failure instanceof ApiError && failure.details.length === 0 && byCode[failure.code]) {
      const words = String(failure.message).replace(/^[^:\s]+: /, '')
      failure.details = [{ field: byCode[failure.code], problem: words.charAt(0).toUpperCase() + words.slice(1) }]
    }
    throw failure
  }
}

/**
 * A document without the texts left empty: the API names a missing field, and a text the rules have a
 * reason for (a criterion, a reason, evidence) left out is refused by that reason (G12), as a person would say it.
 */
export const withoutBlanks = fields => Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== '' && value !== undefined))

/** A new key per form drawn: pressing again after a lost answer records once (the API keeps what the key made). */
export const newKey = () => ({ 'idempotency-key': crypto.randomUUID() })
