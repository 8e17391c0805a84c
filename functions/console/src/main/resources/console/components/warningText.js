// GOV.UK warning text: something a person must not miss before they act (a commit that cannot be undone).
import { html } from './html.js'

/** warningText('Committing stores this run for good.') — text or Html; the icon and the hidden "Warning" come with it. */
export function warningText (text, { id } = {}) {
  return html`<div class="govuk-warning-text"${id ? html` id="${id}"` : ''}><span class="govuk-warning-text__icon" aria-hidden="true">!</span>
    <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> ${text}</strong></div>`
}
