// Plain English for the values the API gives in their exact form: money, days, moments and status
// codes. Only string operations on money, never arithmetic. No imports, so node can run it.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December']

/** "19600.00" as "£19,600.00", "-5.00" as "−£5.00": commas put into the API's own digits. */
export function money (amount) {
  const [whole, pence] = String(amount).trim().split('.')
  const sign = whole.startsWith('-') ? '−' : ''
  const digits = whole.replace(/^[-+]/, '')
  return sign + '£' + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (pence === undefined ? '' : '.' + pence)
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

function londonParts (instant) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: '2-digit', hourCycle: 'h23'
  }).formatToParts(new Date(instant))
  const value = type => Number(parts.find(p => p.type === type).value)
  return { year: value('year'), month: value('month'), day: value('day'), hour: value('hour'), minute: value('minute') }
}

/**
 * "2007-04-01" as "1 April 2007", from the text itself (never through a Date and its time zone);
 * a moment ("2026-12-03T21:24:04Z") as the day it was in the UK.
 */
export function longDate (value) {
  const day = DAY.exec(String(value ?? ''))
  if (day) {
    return Number(day[3]) + ' ' + MONTHS[Number(day[2]) - 1] + ' ' + day[1]
  }
  if (!value || Number.isNaN(Date.parse(value))) {
    return String(value ?? '')
  }
  const p = londonParts(value)
  return p.day + ' ' + MONTHS[p.month - 1] + ' ' + p.year
}

/** A moment as the GOV.UK style writes it in UK time: "3 December 2026 at 9:24pm", "… at midday", "… at midnight". */
export function dateTime (instant) {
  if (!instant || Number.isNaN(Date.parse(instant))) {
    return String(instant ?? '')
  }
  const p = londonParts(instant)
  const minutes = String(p.minute).padStart(2, '0')
  let time
  if (p.minute === 0 && (p.hour === 0 || p.hour === 12)) {
    time = p.hour === 0 ? 'midnight' : 'midday'
  } else {
    time = ((p.hour + 11) % 12 + 1) + ':' + minutes + (p.hour < 12 ? 'am' : 'pm')
  }
  return p.day + ' ' + MONTHS[p.month - 1] + ' ' + p.year + ' at ' + time
}

/**
 * Every status and code the API writes, in plain words and the colour of its tag: the ONE place a
 * code becomes words. Codes not listed are still never shown as codes (see inWords).
 */
export const STATUSES = {
  // a partnership in a run
  FUNDED: ['Funded', 'green'],
  WITHDRAWN: ['Withdrawn', 'red'],
  NOT_PARTICIPATING: ['Not taking part', 'grey'],
  // a locality's district-majority condition
  MET: ['Met', 'green'],
  // a notice's delivery
  QUEUED: ['Waiting', 'grey'],
  SENDING: ['Sending', 'light-blue'],
  SENT: ['Sent', 'green'],
  BOUNCED: ['Bounced', 'red'],
  COMPLAINED: ['Marked as spam', 'orange'],
  FAILED: ['Failed', 'red'],
  // what a notice is
  BULLETIN: ['Bulletin', 'purple'],
  LETTER: ['Letter', 'purple'],
  // who a bulletin goes to
  ALL: ['Everyone', 'grey'],
  REPRESENTATIVES: ['Representatives', 'grey'],
  CHAMPIONS: ['Project champions', 'grey'],
  // a background commit
  RUNNING: ['Writing', 'light-blue'],
  DONE: ['Done', 'green'],
  // an adviser's booking
  BOOKED: ['Booked', 'light-blue'],
  DELIVERED: ['Delivered', 'green'],
  CANCELLED: ['Cancelled', 'grey'],
  OVER_BOOKED: ['Over-booked', 'red'],
  // a commissioning round's stage
  VOTING: ['Voting', 'light-blue'],
  SPECIFYING: ['Writing specifications', 'light-blue'],
  PROPOSING: ['Taking proposals', 'light-blue'],
  SCORING: ['Scoring', 'light-blue'],
  DECIDED: ['Decided', 'yellow'],
  PUBLISHED: ['Published', 'green'],
  // a proposal's decision
  AWARDED: ['Awarded', 'green'],
  NOT_FUNDED_NO_BUDGET: ['Not funded: no money left', 'orange'],
  NOT_FUNDED_SCORE: ['Not funded: score too low', 'orange'],
  INELIGIBLE: ['Not eligible', 'red'],
  NOT_DECIDED: ['Not decided yet', 'grey'],
  NEEDS_MODERATION: ['Needs moderation', 'yellow'],
  PENDING: ['Waiting', 'grey'],
  DECLINED: ['Declined by the manager', 'red'],
  AWARD: ['Award', 'green'],
  DECLINE: ['Decline', 'red'],
  ELIGIBLE: ['Eligible', 'green'],
  SELECTED: ['Selected', 'green'],
  // the round's task list and its panels
  IN_PROGRESS: ['In progress', 'light-blue'],
  NOT_NAMED: ['Not named yet', 'grey'],
  BELOW_QUORUM: ['Below quorum', 'red'],
  CHECK_THE_MIX: ['Check the mix', 'yellow'],
  READY: ['Ready', 'green'],
  // a moderation, a contract, an instalment
  AWAITING_CONFIRMATION: ['Waiting for confirmation', 'yellow'],
  CONFIRMED: ['Confirmed', 'green'],
  ACCEPTED: ['Accepted', 'green'],
  NOT_ACCEPTED_YET: ['Not accepted yet', 'grey'],
  DAY_PASSED: ['Day passed', 'yellow'],
  // partnerships and organisations
  METROPOLITAN: ['Metropolitan district', 'grey'],
  UNITARY: ['Unitary authority', 'grey'],
  COUNTY: ['County', 'grey'],
  DISTRICT: ['District', 'grey'],
  SINGLE_TIER: ['Single-tier', 'grey'],
  TWO_TIER: ['Two-tier', 'grey'],
  EQUAL: ['Equal shares', 'grey'],
  PRO_RATA: ['In proportion to base grants', 'grey'],
  PUBLIC: ['Public sector', 'grey'],
  PRIVATE: ['Private sector', 'grey'],
  VOLUNTARY: ['Voluntary sector', 'grey'],
  COMMUNITY: ['Community sector', 'grey'],
  // monitoring: an agreement, a return, a milestone (ACCEPTED, CANCELLED, SENT and PENDING are above)
  CONTRACT: ['Contract', 'grey'],
  GRANT: ['Grant', 'grey'],
  TERMINATED: ['Ended early', 'red'],
  QUARTERLY: ['Quarterly', 'grey'],
  FINAL: ['Final', 'grey'],
  PLANNED: ['Not due yet', 'grey'],
  OPEN: ['Open', 'blue'],
  OVERDUE: ['Overdue', 'red'],
  SUBMITTED: ['Submitted', 'light-blue'],
  RETURNED: ['Sent back', 'orange'],
  SKIPPED: ['Skipped', 'grey'],
  LATE: ['Late', 'red'],
  ACHIEVED: ['Achieved', 'green'],
  WAIVED: ['Waived', 'grey'],
  // monitoring: an instalment, and why a payment run holds it
  PAID: ['Paid', 'green'],
  HELD: ['Held', 'red'],
  DUE: ['Due', 'yellow'],
  NOT_DUE: ['Not due yet', 'grey'],
  RETURN_OVERDUE: ['A return is overdue', 'red'],
  RETURN_NOT_ACCEPTED: ['A return is not yet accepted', 'orange'],
  MILESTONE_MISSED: ['A milestone is missed', 'red'],
  OTHER_AGREEMENT: ['A return under another agreement is outstanding', 'orange'],
  FINAL_RETURN: ['The final return is not yet accepted', 'orange'],
  MANUAL: ['Held by hand', 'red'],
  // monitoring: a reminder in the ledger, and who it goes to
  SUPPRESSED: ['Not sent', 'grey'],
  CLOSED: ['Not sent: the agreement has ended', 'grey'],
  NO_CONTACT: ['Not sent: no address left', 'orange'],
  LEAD: ['Lead contacts', 'grey'],
  OFFICER: ['The officer', 'grey'],
  // performance reporting: an indicator's status (MET is above), its figure, its card, its directions
  NEAR: ['Near the target', 'yellow'],
  NOT_MET: ['Not met', 'red'],
  NO_TARGET: ['No target for the year', 'grey'],
  NO_DATA: ['No figure yet', 'grey'],
  INCOMPLETE: ['Incomplete: a quarter of the year has no figure', 'grey'],
  PROVISIONAL: ['Provisional', 'yellow'],
  AWAITING_OWNER: ['Waiting for the owner', 'orange'],
  IMPROVED: ['Better', 'green'],
  WORSENED: ['Worse', 'red'],
  SAME: ['The same', 'grey'],
  // governance: a body, a member's role, a decision's kind, why it is exempt (G2, G3, G11)
  BOARD: ['Board', 'grey'],
  THEME_GROUP: ['Theme group', 'grey'],
  SCRUTINY: ['Scrutiny', 'grey'],
  CHAIR: ['Chair', 'grey'],
  MEMBER: ['Member', 'grey'],
  OBSERVER: ['Observer (never counts for quorum)', 'grey'],
  ACTION: ['Action', 'blue'],
  RECOMMENDATION: ['Recommendation', 'purple'],
  NOTED: ['Noted', 'grey'],
  VARIATION: ['New due date', 'yellow'],
  DROP: ['Action dropped', 'grey'],
  REPORT: ['Scrutiny report', 'purple'],
  PERSONAL: ['Exempt: personal information', 'grey'],
  COMMERCIAL: ['Exempt: commercially sensitive', 'grey'],
  LEGAL: ['Exempt: legal advice', 'grey'],
  // governance: an action's and a recommendation's state, worked out by the API (G5, G7; OPEN and IN_PROGRESS are above)
  COMPLETED: ['Completed', 'green'],
  ESCALATED: ['Escalated', 'red'],
  DROPPED: ['Dropped', 'grey'],
  AWAITING_RESPONSE: ['Waiting for an answer', 'yellow'],
  RESPONSE_OVERDUE: ['Answer overdue', 'red'],
  REJECTED: ['Rejected', 'grey'],
  PARTIAL: ['Partly accepted', 'light-blue'],
  IMPLEMENTING: ['Being carried out', 'light-blue'],
  IMPLEMENTATION_OVERDUE: ['An action is overdue', 'red'],
  IMPLEMENTED: ['Implemented', 'green'],
  NOT_IMPLEMENTED: ['Not implemented', 'grey'],
  // governance: a scrutiny review (G9; CLOSED is a reminder's above, so its tag says "Closed" itself), its evidence, coverage
  SCOPED: ['Scoped', 'grey'],
  GATHERING: ['Gathering evidence', 'light-blue'],
  REPORTED: ['Reported', 'purple'],
  RESPONDED: ['Answered', 'light-blue'],
  ORAL: ['Oral', 'grey'],
  WRITTEN: ['Written', 'grey'],
  DATA: ['Data', 'grey'],
  VISIT: ['Visit', 'grey'],
  COVERED: ['Reviewed in the last 365 days', 'green'],
  NOT_COVERED: ['Not reviewed in the last 365 days', 'orange'],
  // events: their kinds, and a registration's standing
  WORKSHOP: ['Workshop', 'light-blue'],
  ACTION_LEARNING_SET: ['Action Learning Set', 'purple'],
  REGIONAL_SEMINAR: ['Regional seminar', 'turquoise'],
  PLACE: ['Has a place', 'green'],
  WAITING: ['On the waiting list', 'yellow'],
  // Learning to Deliver: a partnership's assessment (CONFIRMED is a panel score's above)
  AWAITING_CHAMPION: ['Waiting for the Project Champion', 'yellow'],
  AWAITING_CO_SIGNATURE: ['Waiting for the government reviewer', 'yellow']
}

/** A status code in words: "NEEDS_MODERATION" → "Needs moderation"; an unknown code is still written as words. */
export function inWords (code) {
  const known = STATUSES[code]
  if (known) {
    return known[0]
  }
  const words = String(code ?? '').replace(/[_-]+/g, ' ').trim().toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** The GOV.UK tag colour of a status code ('grey' when unknown). */
export function colourOf (code) {
  return STATUSES[code]?.[1] ?? 'grey'
}

/** "contractedDays" or "members[2].id" as "Contracted days" / "Members": a field name a person can read. */
export function fieldInWords (field) {
  const last = String(field ?? '').replace(/\[\d+]/g, '').split('.').pop()
  if (STATUSES[last]) {
    return inWords(last)
  }
  const words = last
    .replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase().trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/**
 * A sentence of the API's in plain words: its codes ("is required for a DISTRICT" → "… a district"),
 * days ("from 2026-04-01" → "from 1 April 2026") and moments ("2026-12-03T21:24:04Z" → "3 December
 * 2026 at 9:24pm").
 */
export function plainWords (text) {
  return String(text ?? '')
    .replace(/\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/g, moment => dateTime(moment))
    .replace(/\b\d{4}-\d{2}-\d{2}\b(?!T)/g, day => longDate(day))
    .replace(/\b[A-Z]+(?:_[A-Z]+)*\b/g, code =>
      STATUSES[code] && (code.length >= 4 || code.includes('_')) ? inWords(code).toLowerCase() : code)
}

/** "partnerships[3].county" as "Partnership 4: county": where in a document a problem is. */
export function pathInWords (path) {
  return String(path ?? '').split('.').filter(Boolean)
    .map(part => STATUSES[part] ? inWords(part).toLowerCase() : part)
    .map(part => part.replace(/^(\w+?)s?\[(\d+)]$/, (whole, name, index) => name + ' ' + (Number(index) + 1)))
    .map(part => part.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase())
    .join(': ').replace(/^./, first => first.toUpperCase())
}

/** A problem as a sentence: "Days" + "must be in half-day steps" → "Days must be in half-day steps."; whole sentences kept. */
export function sentence (label, problem) {
  const text = plainWords(String(problem ?? '').trim()
    // A day that does not exist (30 February): the API's format said as the date boxes ask for it.
    .replace(/^must be a date written YYYY-MM-DD, got ".*"\.?$/, 'must be a real date, as a day, month and year'))
    // An id the API puts in an address: said as what may be typed, not where the API found it.
    .replace(/^in the path must be 1 to (\d+) characters of letters, digits, _ \. : -\.?$/,
      'can only be letters, digits, hyphens, underscores, full stops and colons, up to $1 of them')
    // An empty box or a list left on "Choose ...": the API's JSON words, said as a person would.
    .replace(/^must be a non-empty string\.?$/, 'is required')
  const whole = /^[A-Z"“£0-9]/.test(text) ? text : (label ? label + ' ' + text : text.charAt(0).toUpperCase() + text.slice(1))
  return /[.!?]$/.test(whole) ? whole : whole + '.'
}
