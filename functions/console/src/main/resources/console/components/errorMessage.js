// The parts every form component shares: the GOV.UK error message above an input, the hint, and
// which of them describe the input.
import { html, classes } from './html.js'

export function hintOf (id, hint) {
  return hint ? html`<div class="govuk-hint" id="${id}-hint">${hint}</div>` : ''
}

/** The inline error: a sentence, or several sentences each on its own line. */
export function errorMessageOf (id, error) {
  if (!error || (Array.isArray(error) && error.length === 0)) {
    return ''
  }
  const lines = [error].flat().map((sentence, i) => i === 0 ? html`${sentence}` : html`<br>${sentence}`)
  return html`<p class="govuk-error-message" id="${id}-error"><span class="govuk-visually-hidden">Error:</span> ${lines}</p>`
}

/** The ids of the hint and error that describe an input, for aria-describedby. */
export function describedBy (id, hint, error) {
  return classes(hint && id + '-hint', error && id + '-error')
}

export function formGroupClass (error, extra) {
  return classes('govuk-form-group', error && 'govuk-form-group--error', extra)
}

/** A fieldset with its legend, as radios, checkboxes and date inputs use. */
export function fieldset ({ legend, legendSize = 's', isPageHeading = false, describedBy: ids, role }, content) {
  const legendClass = classes('govuk-fieldset__legend', legendSize && 'govuk-fieldset__legend--' + legendSize)
  return html`<fieldset class="govuk-fieldset"${role ? html` role="${role}"` : ''}${ids ? html` aria-describedby="${ids}"` : ''}>
    <legend class="${legendClass}">${isPageHeading ? html`<h1 class="govuk-fieldset__heading">${legend}</h1>` : legend}</legend>
    ${content}</fieldset>`
}
