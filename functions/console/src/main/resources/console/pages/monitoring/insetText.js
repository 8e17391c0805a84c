// GOV.UK inset text: a quotation or a note set apart from the page. Written here until the component
// layer has its own insetText (console22 adds it); move it to components/ then.
import { html } from '/components/index.js'

export function insetText (content) {
  return html`<div class="govuk-inset-text">${content}</div>`
}
