// GOV.UK inset text: a note set apart from what is around it (a tie, a quotation, a preview).
import { html } from './html.js'

/** insetText('Waiting for scores …', { id }) — text or Html. */
export function insetText (content, { id } = {}) {
  return html`<div class="govuk-inset-text"${id ? html` id="${id}"` : ''}>${content}</div>`
}
