// GOV.UK file upload, with label, hint and inline error. A browser never keeps a chosen file across
// a page drawn again, so the hint should say what to choose.
import { html, attributes, classes } from './html.js'
import { hintOf, errorMessageOf, describedBy, formGroupClass } from './errorMessage.js'

/** fileUpload({ id, name = id, label, hint, accept: '.json,application/json', error }) */
export function fileUpload ({ id, name = id, label, hint, accept, error }) {
  return html`<div class="${formGroupClass(error)}">
    <label class="govuk-label" for="${id}">${label}</label>${hintOf(id, hint)}${errorMessageOf(id, error)}
    <input${attributes({
      class: classes('govuk-file-upload', error && 'govuk-file-upload--error'), id, name, type: 'file', accept,
      'aria-describedby': describedBy(id, hint, error)
    })}></div>`
}
