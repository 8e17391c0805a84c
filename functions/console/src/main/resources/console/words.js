// Plain English for values the API gives in their exact form. No imports, so that it can also be
// run on its own (the tests run it with node).

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December']

/** "2001-04-29" as "29 April 2001": from the text itself, never through a Date and its time zone. */
export function dayInWords (isoDay) {
  const [year, month, day] = String(isoDay).split('-').map(Number)
  return day + ' ' + MONTHS[month - 1] + ' ' + year
}

/** A statistic behind an issue as a sentence: the figure, then who published it and when. */
export function evidenceInWords (evidence) {
  const statistic = evidence.statistic.replace(/[.\s]+$/, '')
  return statistic + '. Source: ' + evidence.source + ', ' + dayInWords(evidence.date) + '.'
}
