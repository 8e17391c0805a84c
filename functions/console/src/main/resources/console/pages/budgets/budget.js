// A programme's or round's budget: how much is left, and of which pot. For each financial year, every
// budget line (its source, what it is ring-fenced to, whether it is in kind) with its budget, committed,
// paid and remaining money, then the year's totals; a chart of budget against committed per line; and
// the files. Every amount is the API's own words ("£70,000.00"): nothing is added up here.
import { api, show, hasRole } from '/common.js'
import { html, table, chart, downloadLink } from '/components/index.js'
import { programmeName, programmePath } from '../programmes/names.js'
import { roundPath } from '../rounds/parts.js'
import { moneyByPrioritySection } from './moneyByPriority.js'

const id = value => encodeURIComponent(value)
export const budgetPath = scopeId => '/budgets/' + id(scopeId)

/** "2007-08" as "2007-08 (1 April 2007 to 31 March 2008)": the financial year's days, as the ledger counts them. */
function yearInWords (year) {
  const found = /^(\d{4})-\d{2}$/.exec(String(year))
  return found ? year + ' (1 April ' + found[1] + ' to 31 March ' + (Number(found[1]) + 1) + ')' : String(year)
}

/** "Economic development" as the end of a sentence, "Only for economic development"; an acronym ("RDA events") kept. */
const midSentence = words => /^[A-Z][a-z]/.test(words) ? words[0].toLowerCase() + words.slice(1) : words
const ringFenceInWords = line => line.ringFence ? 'Only for ' + midSentence(line.ringFence) : 'Not ring-fenced'
const inKindInWords = line => line.inKind ? 'Yes: valued, never paid' : 'No'

/** Money moved between a fund and its second call shows only in a year that has some. */
const carries = (rows, name) => rows.some(row => row[name] !== '0.00')

function amountColumns (rows) {
  return [
    ['budget', 'Budget'],
    carries(rows, 'carriedIn') && ['carriedIn', 'Carried in'],
    carries(rows, 'carriedOut') && ['carriedOut', 'Carried out'],
    ['committed', 'Committed'],
    ['paid', 'Paid'],
    ['remaining', 'Remaining']
  ].filter(Boolean)
}

function yearTable (year, lines, totals) {
  const amounts = amountColumns([...lines, totals])
  const inWords = row => amounts.map(([name]) => row[name + 'InWords'])
  return table({
    caption: 'Every budget line of ' + year,
    captionSize: 's',
    firstCellIsHeader: true,
    head: ['Line', 'Source', 'Ring-fence', 'In kind', ...amounts.map(([, heading]) => ({ text: heading, numeric: true }))],
    rows: [
      ...lines.map(line => [line.title, line.source, ringFenceInWords(line), inKindInWords(line), ...inWords(line)]),
      ['Total for ' + year, '', '', '', ...inWords(totals)]
    ]
  })
}

/**
 * A bar's name short enough to stay inside the picture: "Budget" when the year has one line, else the
 * line's title (cut short, the table keeps it whole) and "budget".
 */
const LONGEST_TITLE = 30
function barLabel (lines, line, what) {
  if (lines.length === 1) {
    return what
  }
  const title = line.title.length > LONGEST_TITLE ? line.title.slice(0, LONGEST_TITLE - 1).trimEnd() + '…' : line.title
  return title + ': ' + what.toLowerCase()
}

/** Budget beside committed for each line: drawn for sighted people, the table above holds the same words. */
function budgetChart (year, lines) {
  const words = new Map(lines.flatMap(line => [[line.budget, line.budgetInWords], [line.committed, line.committedInWords]]))
  return chart({
    id: 'budget-' + year,
    title: 'Budget against committed, ' + year,
    description: 'For each line of ' + year + ', its budget beside what is committed. ' +
      lines.map(line => line.title + ': ' + line.budgetInWords + ' budget, ' + line.committedInWords + ' committed').join('; ') + '.',
    labelHeading: 'Line',
    valueHeading: 'Amount',
    bars: lines.flatMap(line => [
      { label: barLabel(lines, line, 'Budget'), value: line.budget },
      { label: barLabel(lines, line, 'Committed'), value: line.committed, style: 'hatched' }
    ]),
    key: [{ style: 'hatched', text: 'Committed' }],
    format: amount => words.get(amount)
  })
}

function yearSection (statement, totals) {
  const lines = statement.lines.filter(line => line.year === totals.year)
  return html`<h2 class="govuk-heading-m">${yearInWords(totals.year)}</h2>
    ${yearTable(totals.year, lines, totals)}
    ${lines.some(line => line.inKind) ? html`<p class="govuk-body">In-kind support is valued in its line but never committed or paid, so the year's total leaves it out.</p>` : ''}
    ${budgetChart(totals.year, lines)}`
}

function files (scopeId) {
  const links = [downloadLink({ path: budgetPath(scopeId) + '/budget.csv', name: scopeId + '-budget.csv', text: 'Download the budget statement (budget.csv)' })]
  if (hasRole('programme-manager', 'finance-officer', 'auditor')) {
    links.push(downloadLink({ path: budgetPath(scopeId) + '/ledger.csv', name: scopeId + '-ledger.csv', text: 'Download the ledger: every entry, its source and who made it (ledger.csv)' }))
  }
  return html`<h2 class="govuk-heading-m">Files</h2><ul class="govuk-list">${links.map(link => html`<li>${link}</li>`)}</ul>`
}

/** The programme or round the budget belongs to, by its name, with its page; its id when neither can be read. */
async function scopeOf (scopeId) {
  const name = await programmeName(scopeId)
  if (name !== scopeId) {
    return { name, href: programmePath(scopeId) }
  }
  try {
    return { name: (await api(roundPath(scopeId))).name, href: roundPath(scopeId) }
  } catch {
    return { name: scopeId }
  }
}

export async function budgetPage ({ scopeId }) {
  const [statement, scope] = await Promise.all([api(budgetPath(scopeId)), scopeOf(scopeId)])
  const mapping = scope.href === roundPath(scopeId) ? await moneyByPrioritySection(scopeId) : ''
  show('Budget', html`
    <span class="govuk-caption-l">${scope.name}</span>
    <h1 class="govuk-heading-l">Budget</h1>
    <p class="govuk-body">How much is left, and of which pot: each budget line by financial year, what is committed and paid from it, and what remains.</p>
    ${statement.years.length === 0
      ? html`<p class="govuk-body">No budget line has been set yet.</p>`
      : statement.years.map(totals => yearSection(statement, totals))}
    ${mapping}
    ${files(scopeId)}`,
  scope.href ? [['Home', '/'], [scope.name, scope.href]] : [['Home', '/']])
}
