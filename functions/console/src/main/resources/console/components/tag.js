// A status as a GOV.UK tag: the words and the colour both come from the one map in words.js.
import { html, classes } from './html.js'
import { inWords, colourOf } from './words.js'

/** tag('NEEDS_MODERATION') → <strong class="govuk-tag govuk-tag--yellow">Needs moderation</strong>. */
export function tag (code) {
  return html`<strong class="${classes('govuk-tag', 'govuk-tag--' + colourOf(code))}">${inWords(code)}</strong>`
}
