// Loading or replacing a programme from its JSON document: nothing is stored if it has any problem.
import { api, html, showFormPage, ApiError } from '/common.js'
import { fileUpload, form, whenSubmitted, pathInWords, sentence, idInTheFileProblem } from '/components/index.js'

// Every problem of a programme document is about the file: each says where in the document it is.
const IN_THE_FILE = apiField => apiField === 'programmeId'
  ? { id: 'file', message: idInTheFileProblem('programme', 'l2d-2007-08') }
  : { id: 'file', label: pathInWords(apiField) }

export function loadPage (params = {}, errors = {}) {
  showFormPage({ title: 'Load a programme', errors, crumbs: [['Programmes', '/']] }, html`
    <p class="govuk-body">Choose the programme document (JSON). It replaces the stored programme of the same id; nothing is stored if it has any problem.</p>
    ${form({
      id: 'load-form',
      buttons: [{ text: 'Load the programme', id: 'load' }],
      content: fileUpload({
        id: 'file', label: 'Programme document', accept: '.json,application/json', error: errors.file,
        hint: 'A .json file in the programme document\'s form (see its schema at /api/schemas/programme). After a problem, choose it again.'
      })
    })}`)
  let programmeId
  whenSubmitted('load-form', {
    check: values => values.file ? {} : { file: 'Choose a programme document to load' },
    send: async values => {
      const text = await values.file.text()
      try {
        programmeId = JSON.parse(text).programmeId
      } catch {
        throw new ApiError(400, { message: sentence(null, 'The file is not a JSON document') })
      }
      return api('/programmes/' + encodeURIComponent(programmeId || 'unnamed'), 'PUT', text)
    },
    fields: IN_THE_FILE,
    refused: (values, problems) => loadPage(params, problems),
    done: () => location.assign('/programmes/' + encodeURIComponent(programmeId) + '/preview')
  })
}
