// Plain English for values the API gives in their exact form. No imports but the component layer's
// own words, so that it can also be run on its own (the tests run it with node).
import { longDate } from './components/words.js'

/** "2001-04-29" as "29 April 2001": from the text itself, never through a Date and its time zone. */
export const dayInWords = longDate

/** A statistic behind an issue as a sentence: the figure, then who published it and when. */
export function evidenceInWords (evidence) {
  const statistic = evidence.statistic.replace(/[.\s]+$/, '')
  return statistic + '. Source: ' + evidence.source + ', ' + longDate(evidence.date) + '.'
}
