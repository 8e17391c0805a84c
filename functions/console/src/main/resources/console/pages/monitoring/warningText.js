// GOV.UK warning text ("!" and a sentence). Written here until the component layer has its own
// warningText (console22 adds it); move it to components/ then.
import { html } from '/components/index.js'

export function warningText (text) {
  return html`<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span>
    <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>${text}</strong></div>`
}
