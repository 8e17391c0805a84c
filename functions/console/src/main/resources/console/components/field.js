// GOV.UK text input or textarea with its label, hint and inline error message; what was typed is kept.
import { html, attributes, classes } from './html.js'
import { hintOf, errorMessageOf, describedBy, formGroupClass } from './errorMessage.js'

const FIXED_WIDTHS = ['2', '3', '4', '5', '10', '20', '30']

function widthClass (width) {
  if (!width) {
    return ''
  }
  return FIXED_WIDTHS.includes(String(width)) ? 'govuk-input--width-' + width : 'govuk-!-width-' + width
}

/**
 * field({ id, name = id, label, hint, value, error, type: 'text', width: '10' | 'one-half',
 *         inputmode, autocomplete, spellcheck, prefix: '£', suffix: 'days', rows (a textarea), labelSize, isPageHeading })
 */
export function field ({
  id, name = id, label, hint, value, error, type = 'text', width, inputmode, autocomplete, spellcheck,
  prefix, suffix, rows, labelSize, isPageHeading = false, controls
}) {
  const ids = describedBy(id, hint, error)
  const labelTag = html`<label class="${classes('govuk-label', labelSize && 'govuk-label--' + labelSize)}" for="${id}">${label}</label>`
  const control = rows
    ? html`<textarea${attributes({
        class: classes('govuk-textarea', error && 'govuk-textarea--error'), id, name, rows, 'aria-describedby': ids, spellcheck
      })}>${value ?? ''}</textarea>`
    : html`<input${attributes({
        class: classes('govuk-input', widthClass(width), error && 'govuk-input--error'), id, name, type,
        value: value ?? '', inputmode, autocomplete, spellcheck, 'aria-describedby': ids, 'aria-controls': controls
      })}>`
  const wrapped = prefix || suffix
    ? html`<div class="govuk-input__wrapper">${prefix ? html`<div class="govuk-input__prefix" aria-hidden="true">${prefix}</div>` : ''}${control}${suffix ? html`<div class="govuk-input__suffix" aria-hidden="true">${suffix}</div>` : ''}</div>`
    : control
  return html`<div class="${formGroupClass(error)}">
    ${isPageHeading ? html`<h1 class="govuk-label-wrapper">${labelTag}</h1>` : labelTag}
    ${hintOf(id, hint)}${errorMessageOf(id, error)}${wrapped}</div>`
}
