// Radios and checkboxes: GOV.UK's choice lists in a fieldset. The first choice carries the
// component's id (the error summary links to it); the others are id-2, id-3 ...
import { html, classes } from './html.js'
import { hintOf, errorMessageOf, describedBy, formGroupClass, fieldset } from './errorMessage.js'

function choiceId (id, index) {
  return index === 0 ? id : id + '-' + (index + 1)
}

function choices (kind, { id, name = id, legend, hint, items, chosen, error, legendSize = 's', small = false, inline = false, isPageHeading = false }) {
  const module = kind === 'radio' ? 'radios' : 'checkboxes'
  const list = html`<div class="${classes('govuk-' + module, small && 'govuk-' + module + '--small', inline && 'govuk-' + module + '--inline')}" data-module="govuk-${module}">
    ${items.map((item, index) => {
      const itemId = choiceId(id, index)
      return html`<div class="govuk-${module}__item">
        <input class="govuk-${module}__input" id="${itemId}" name="${name}" type="${kind}" value="${item.value}"${chosen(item.value) ? html` checked` : ''}${item.hint ? html` aria-describedby="${itemId}-item-hint"` : ''}>
        <label class="govuk-label govuk-${module}__label" for="${itemId}">${item.text}</label>
        ${item.hint ? html`<div class="govuk-hint govuk-${module}__hint" id="${itemId}-item-hint">${item.hint}</div>` : ''}
      </div>`
    })}</div>`
  return html`<div class="${formGroupClass(error)}">${fieldset({ legend, legendSize, isPageHeading, describedBy: describedBy(id, hint, error) },
    html`${hintOf(id, hint)}${errorMessageOf(id, error)}${list}`)}</div>`
}

/** radios({ id, name = id, legend, hint, items: [{ value, text, hint }], value, error, inline, small }) */
export function radios (options) {
  return choices('radio', { ...options, chosen: value => String(value) === String(options.value ?? '') })
}

/** checkboxes({ id, name = id, legend, hint, items: [{ value, text, hint }], values: ['a', 'b'], error, small }) */
export function checkboxes (options) {
  const values = (options.values ?? []).map(String)
  return choices('checkbox', { ...options, chosen: value => values.includes(String(value)) })
}
