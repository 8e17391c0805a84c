// Where a round's money goes, for the Budget page: each priority's contracts' money in each financial year,
// its whole over the fund's years and its exact share of all that is committed, the round's totals and
// what is left unawarded of the fund; then a chart of each priority's money with its own table. Every
// figure and share is the API's words: nothing is added up or divided here.
import { api } from '/common.js'
import { html, table, chart, downloadLink } from '/components/index.js'

const id = value => encodeURIComponent(value)
const mappingPath = roundId => '/budgets/' + id(roundId) + '/money-by-priority'

function prioritiesTable (map) {
  return table({
    caption: 'Money committed to each priority',
    captionSize: 's',
    firstCellIsHeader: true,
    head: ['Priority', ...map.years.map(year => ({ text: year, numeric: true })), { text: 'All years', numeric: true },
      'Share of the money committed'],
    rows: [
      ...map.priorities.map(priority => [priority.title, ...priority.byYear.map(year => year.committedInWords),
        priority.committedInWords, priority.share.inWords]),
      ['All priorities', ...map.totals.byYear.map(year => year.committedInWords), map.totals.committedInWords, 'all']
    ]
  })
}

function prioritiesChart (map) {
  const words = new Map(map.priorities.map(priority => [priority.committed, priority.committedInWords]))
  return chart({
    id: 'money-by-priority',
    title: 'Money committed to each priority, all years',
    description: 'For each priority, the money its contracts commit over the fund\'s years. ' +
      map.priorities.map(priority => priority.title + ': ' + priority.committedInWords).join('; ') + '.',
    labelHeading: 'Priority',
    valueHeading: 'Committed',
    bars: map.priorities.map(priority => ({ label: priority.title, value: priority.committed })),
    format: amount => words.get(amount)
  })
}

/** The section of a round's Budget page (a programme has no priorities to map). */
export async function moneyByPrioritySection (roundId) {
  const map = await api(mappingPath(roundId))
  return html`<h2 class="govuk-heading-m" id="where-the-money-goes">Where the money goes, by priority</h2>
    <p class="govuk-body">Each priority the board chose, and the money its specifications' contracts commit in each
      financial year: ${map.totals.committedInWords} in all, of a fund of ${map.totals.fundInWords}.
      Left unawarded: ${map.totals.unawardedInWords} (${map.totals.unawardedShare.inWords}).</p>
    ${prioritiesTable(map)}
    ${prioritiesChart(map)}
    <p class="govuk-body">${downloadLink({ path: mappingPath(roundId) + '.csv', name: roundId + '-money-by-priority.csv', text: 'Download the money by priority (money-by-priority.csv)' })}</p>`
}
