// A GOV.UK form: <form novalidate> (the API checks, not the browser), posted through the API call
// helper; a refusal draws the page again with the problems in the error summary and at each field,
// keeping what was typed.
import { html, classes } from './html.js'
import { refusalErrors } from './refusals.js'
import { ApiError, problem } from '../common.js'

/**
 * form({ id, content, submit: 'Save', buttons: [{ text, value, id, secondary, warning }], cancel: { href, text } })
 * With buttons, each is a submit button; the one pressed is passed to send as its action (its value).
 */
export function form ({ id, content, submit = 'Continue', buttons, cancel }) {
  const all = buttons ?? [{ text: submit }]
  return html`<form id="${id}" novalidate>${content}
    <div class="govuk-button-group">${all.map(button => html`<button type="submit" class="${classes('govuk-button', button.secondary && 'govuk-button--secondary', button.warning && 'govuk-button--warning')}" data-module="govuk-button"${button.id ? html` id="${button.id}"` : ''}${button.value ? html` name="action" value="${button.value}"` : ''}>${button.text}</button>`)}
    ${cancel ? html`<a class="govuk-link" href="${cancel.href}">${cancel.text}</a>` : ''}</div></form>`
}

/**
 * What is in a form, by the fields' names: text as typed; a checkbox group as the list of values
 * ticked; a radio group as the value chosen (undefined if none); a date as { day, month, year };
 * a file input as the File chosen.
 */
export function readForm (formElement) {
  const values = {}
  for (const element of formElement.elements) {
    if (!element.name || element.tagName === 'BUTTON') {
      continue
    }
    const date = element.closest('[data-date-input]')
    if (date) {
      const name = date.dataset.dateInput
      values[name] = { ...values[name], [element.name.slice(name.length + 1)]: element.value }
    } else if (element.type === 'checkbox') {
      values[element.name] = [...(values[element.name] ?? []), ...(element.checked ? [element.value] : [])]
    } else if (element.type === 'radio') {
      values[element.name] = element.checked ? element.value : values[element.name]
    } else if (element.type === 'file') {
      values[element.name] = element.files[0]
    } else {
      values[element.name] = element.value
    }
  }
  return values
}

/**
 * Sends the form when it is submitted:
 *   whenSubmitted('book', {
 *     check: values => ({}),                          // optional: problems found before asking the API, { id: sentence }
 *     send: (values, action) => api(path, 'POST', JSON.stringify(body)),
 *     fields: { date: 'date', days: { id: 'days', label: 'Days', message: 'Enter the days …' } },  // API field → page field
 *     otherwise: 'days',                              // optional: where a refusal naming no field goes (else the first field)
 *     refused: (values, errors) => drawThePageAgain(values, errors),
 *     done: (answer, values, action) => theNextPage(answer)
 *   })
 * Every ApiError but "sign in again" is a refusal; anything else shows the "there is a problem" page.
 */
export function whenSubmitted (formId, { check, send, fields = {}, otherwise, refused, done }) {
  const formElement = document.getElementById(formId)
  formElement.addEventListener('submit', async event => {
    event.preventDefault()
    const values = readForm(formElement)
    const action = event.submitter?.value || undefined
    const fallbackId = otherwise ?? firstFieldId(formElement, fields)
    const found = check ? check(values, action) ?? {} : {}
    if (Object.keys(found).length > 0) {
      return refused(values, found)
    }
    formElement.querySelectorAll('button').forEach(button => { button.disabled = true })
    let answer
    try {
      answer = await send(values, action)
    } catch (failure) {
      if (failure instanceof ApiError && failure.status !== 401) {
        return refused(values, refusalErrors(failure, fields, fallbackId))
      }
      return failure instanceof ApiError ? undefined : problem('Sorry, there is a problem', failure.message)
    }
    try {
      await done(answer, values, action)
    } catch (failure) {
      problem('Sorry, there is a problem', failure.message)
    }
  })
}

function firstFieldId (formElement, fields) {
  const first = typeof fields === 'function' ? null : Object.values(fields)[0]
  if (first) {
    return typeof first === 'string' ? first : first.id
  }
  return formElement.querySelector('input, select, textarea')?.id ?? formElement.id
}
