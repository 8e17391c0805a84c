// GOV.UK select: choosing one of a list, with label, hint and inline error.
import { html, classes } from './html.js'
import { hintOf, errorMessageOf, describedBy, formGroupClass } from './errorMessage.js'

/**
 * select({ id, name = id, label, hint, items: [{ value, text }], value, error, placeholder: 'Choose an adviser' })
 * (enhance: 'autocomplete' is autocomplete()'s: the select a script turns into a suggesting box.)
 */
export function select ({ id, name = id, label, hint, items, value, error, placeholder, enhance }) {
  const ids = describedBy(id, hint, error)
  const chosen = String(value ?? '')
  return html`<div class="${formGroupClass(error)}">
    <label class="govuk-label" for="${id}">${label}</label>${hintOf(id, hint)}${errorMessageOf(id, error)}
    <select class="${classes('govuk-select', error && 'govuk-select--error')}" id="${id}" name="${name}"${enhance ? html` data-enhance="${enhance}"` : ''}${ids ? html` aria-describedby="${ids}"` : ''}>
      ${placeholder ? html`<option value="">${placeholder}</option>` : ''}
      ${items.map(item => html`<option value="${item.value}"${String(item.value) === chosen ? html` selected` : ''}>${item.text}</option>`)}
    </select></div>`
}
