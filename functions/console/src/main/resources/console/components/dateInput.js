// GOV.UK date input: day, month and year typed separately. The day's input carries the component's id,
// so that the error summary's link (#id) lands on it.
import { html, attributes, classes } from './html.js'
import { hintOf, errorMessageOf, describedBy, formGroupClass, fieldset } from './errorMessage.js'

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** A date given as "2007-10-15" or as typed ({ day, month, year }), as the three boxes show it. */
export function dateParts (value) {
  if (value && typeof value === 'object') {
    return { day: value.day ?? '', month: value.month ?? '', year: value.year ?? '' }
  }
  const day = DAY.exec(String(value ?? ''))
  return day ? { day: String(Number(day[3])), month: String(Number(day[2])), year: day[1] } : { day: '', month: '', year: '' }
}

/**
 * What was typed as the API writes a day: { day: '5', month: '3', year: '2027' } → "2027-03-05".
 * Text that is not a day is passed on as typed, so that the API refuses it and names the field; nothing typed is "".
 */
export function isoDay (typed) {
  const { day, month, year } = dateParts(typed)
  const parts = [year, month, day].map(part => String(part).trim())
  if (parts.every(part => part === '')) {
    return ''
  }
  return /^\d{4}$/.test(parts[0]) && /^\d{1,2}$/.test(parts[1]) && /^\d{1,2}$/.test(parts[2])
    ? parts[0] + '-' + parts[1].padStart(2, '0') + '-' + parts[2].padStart(2, '0')
    : parts.join('-')
}

/** Whether what was typed is a day on the calendar ("31 2 2003" is not): a page's own check, before it asks the API. */
export function isRealDay (typed) {
  const day = DAY.exec(isoDay(typed))
  if (!day) {
    return false
  }
  const date = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])))
  return date.getUTCFullYear() === Number(day[1]) && date.getUTCMonth() === Number(day[2]) - 1 && date.getUTCDate() === Number(day[3])
}

/** dateInput({ id, name = id, legend, hint: 'For example, 15 10 2007', value: '2007-10-15' | { day, month, year }, error }) */
export function dateInput ({ id, name = id, legend, hint = 'For example, 15 10 2007', value, error, legendSize = 's' }) {
  const typed = dateParts(value)
  const box = (part, label, width, inputId) => html`<div class="govuk-date-input__item"><div class="govuk-form-group">
      <label class="govuk-label govuk-date-input__label" for="${inputId}">${label}</label>
      <input${attributes({
        class: classes('govuk-input', 'govuk-date-input__input', 'govuk-input--width-' + width, error && 'govuk-input--error'),
        id: inputId, name: name + '-' + part, type: 'text', inputmode: 'numeric', value: typed[part]
      })}></div></div>`
  return html`<div class="${formGroupClass(error)}">${fieldset({ legend, legendSize, role: 'group', describedBy: describedBy(id, hint, error) }, html`
    ${hintOf(id, hint)}${errorMessageOf(id, error)}
    <div class="govuk-date-input" id="${id}-date" data-date-input="${name}">
      ${box('day', 'Day', 2, id)}${box('month', 'Month', 2, id + '-month')}${box('year', 'Year', 4, id + '-year')}
    </div>`)}</div>`
}
