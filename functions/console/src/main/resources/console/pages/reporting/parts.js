// What performance reporting's pages share: where a register's pages are, quarters in words
// ("2009-10 Q2 (July to September 2009)"), a status as a tag with the API's words, and the links that
// fetch a printable card or pack with the signed-in person's token. Every status is the API's.
import { html, tag, downloadLink } from '/components/index.js'

const id = value => encodeURIComponent(value)
export const registerPath = registerId => '/registers/' + id(registerId)
export const myIndicatorsPath = registerId => registerPath(registerId) + '/my-indicators'
export const figurePath = (registerId, indicatorId, key) =>
  registerPath(registerId) + '/indicators/' + id(indicatorId) + '/figures' + (key ? '/' + id(key) : '')
export const publicPath = registerId => '/public/registers/' + id(registerId)
const cardApiPath = (registerId, indicatorId, key) => registerPath(registerId) + '/indicators/' + id(indicatorId) + '/cards/' + id(key)

export function registerCrumbs (registerId) {
  return [['Home', '/'], ['Indicator register', registerPath(registerId)]]
}

/** "2009-10 Q2" as a path carries it, "2009-10-Q2", and back. */
export const keyOf = period => String(period).replace(' ', '-')
export const periodOf = key => String(key).replace(/-Q(\d)$/, ' Q$1')

const MONTHS = ['April to June', 'July to September', 'October to December', 'January to March']

/** "2009-10 Q2" as "2009-10 Q2 (July to September 2009)": the quarter's months, as P1 defines them. */
export function quarterInWords (period) {
  const found = /^(\d{4})-\d{2} Q([1-4])$/.exec(String(period))
  if (!found) {
    return String(period)
  }
  const quarter = Number(found[2])
  const year = Number(found[1]) + (quarter === 4 ? 1 : 0)
  return period + ' (' + MONTHS[quarter - 1] + ' ' + year + ')'
}

/** The day a quarter's figure may first be recorded: the day after its last (P10), in words. */
export function firstDayAfter (period) {
  const found = /^(\d{4})-\d{2} Q([1-4])$/.exec(String(period))
  if (!found) {
    return ''
  }
  const start = Number(found[1])
  return ['1 July ' + start, '1 October ' + start, '1 January ' + (start + 1), '1 April ' + (start + 1)][Number(found[2]) - 1]
}

/** The quarters a figure may be given for: after the baseline's, up to the last quarter of the last year with a target. */
export function quartersOf (indicator) {
  const years = Object.keys(indicator.targets ?? {}).sort()
  const baseline = indicator.baseline?.period
  const quarters = years.flatMap(year => [1, 2, 3, 4].map(q => year + ' Q' + q))
  return quarters.filter(period => !baseline || period > baseline)
}

/** "33.0" and "% of household waste" as "33.0% of household waste"; "236" and "homes" as "236 homes". */
export function withUnit (value, unit) {
  return !unit ? String(value) : value + (String(unit).startsWith('%') ? '' : ' ') + unit
}

/** A status as a tag holding the API's own words ("Near the target"): never colour alone. */
export function statusTag (code, words) {
  return tag(code, { text: words })
}

/** An indicator's latest quarter with a figure (from the API's latest), or that it has none yet. */
export function latestInWords (indicator) {
  const latest = indicator.latest
  if (!latest) {
    return { quarter: 'No figure yet', status: statusTag('NO_DATA', 'No figure yet') }
  }
  const marks = [latest.provisional && 'provisional', latest.revised && 'revised'].filter(Boolean)
  return {
    quarter: quarterInWords(latest.period),
    value: latest.value ? withUnit(latest.value, indicator.unit) + (marks.length ? ' (' + marks.join(', ') + ')' : '') : '',
    status: statusTag(latest.status, latest.statusInWords)
  }
}

/** The printable report card (P7), fetched with the person's token, as the file their browser opens. */
export function cardLink (registerId, indicator, period) {
  return downloadLink({
    path: cardApiPath(registerId, indicator.id, keyOf(period)),
    name: indicator.id + '-' + keyOf(period) + '.html',
    accept: 'text/html',
    text: html`Report card<span class="govuk-visually-hidden"> of ${indicator.reference}, ${period}</span> (printable page)`
  })
}

/** The board pack of a meeting (P8), printable, as its file. */
export function packLink (registerId, meeting, words) {
  return printable(registerPath(registerId) + '/meetings/' + id(meeting.date) + '/pack', 'board-pack-' + meeting.date, words)
}

/** A printable page the API draws for the person's token, saved as its file. */
function printable (path, name, words) {
  return downloadLink({ path, name: name + '.html', accept: 'text/html', text: words })
}

/**
 * The whole board pack: reporting's pack followed by the board's actions and recommendations (G10), as
 * governance prints it. A link to governance's route, printable, as its file; reporting reads nothing of it.
 */
export function governancePackLink (registerId, meeting, words) {
  return printable(registerPath(registerId) + '/governance/board-meetings/' + id(meeting.date) + '/pack',
    'board-pack-with-governance-' + meeting.date, words)
}

/** The public card of a quarter a meeting has reviewed: a plain link, no sign-in needed. */
export function publicCardHref (registerId, indicatorId, key) {
  return '/api/public/registers/' + id(registerId) + '/indicators/' + id(indicatorId) + '/cards/' + id(key)
}

/** A person of the register by their id, as their name. */
export const nameOf = (register, personId) => register.people.find(p => p.id === personId)?.name ?? personId
