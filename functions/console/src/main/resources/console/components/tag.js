// A status as a GOV.UK tag: the words and the colour both come from the one map in words.js.
import { html, classes } from './html.js'
import { inWords, colourOf } from './words.js'

/**
 * tag('NEEDS_MODERATION') → <strong class="govuk-tag govuk-tag--yellow">Needs moderation</strong>.
 * tag('OVER_BOOKED', { text: 'Over by 0.5 days' }): the status's colour, with words that say more.
 */
export function tag (code, { text } = {}) {
  return html`<strong class="${classes('govuk-tag', 'govuk-tag--' + colourOf(code))}">${text ?? inWords(code)}</strong>`
}
