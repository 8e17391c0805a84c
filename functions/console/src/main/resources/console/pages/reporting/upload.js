// Figures loaded as a file, by an indicator owner (their own indicators) or a manager: a CSV in the
// open data's columns, sent as it is. Every row is recorded, or none: each problem the API finds is
// said by its row and column ("In row 4, the value must be a number"), and what was recorded is listed.
import { api, show, showFormPage, hasRole, ApiError } from '/common.js'
import { html, fileUpload, form, whenSubmitted, panel, table, sentence, insetText } from '/components/index.js'
import { lines } from '../monitoring/parts.js'
import { registerPath, registerCrumbs, myIndicatorsPath, quarterInWords } from './parts.js'

export const figuresFilePath = registerId => registerPath(registerId) + '/figures-file'

/** The open data's header, shown with a break allowed after each comma: on a phone it wraps rather than widening the page. */
const COLUMNS = 'indicator_id,reference,period,value,numerator,denominator,status,reason'

/** The API's words about a cell, said as what to type in it. */
function inPlainWords (problem) {
  return String(problem ?? '')
    .replace(/^must be a decimal number.*?(, got "[^"]*")?\.?$/, 'must be a number, like 12.5 (no thousands separator)$1')
    .replace(/^must be one of \[PROVISIONAL, FINAL].*$/, 'must be PROVISIONAL or FINAL')
}

/** "row 4.value" as "In row 4, the value …"; "row 1.foo" is the header's; "row 3" or "rows" the row's or file's. */
function whereInTheFile (apiField, problem) {
  const found = /^row (\d+)(?:\.(.+))?$/.exec(apiField ?? '')
  const words = inPlainWords(problem)
  if (!found) {
    return { id: 'file', message: sentence(null, words.replace(/^the file/, 'The file')) }
  }
  const [, row, column] = found
  if (!column) {
    return { id: 'file', message: sentence(null, 'Row ' + row + (row === '1' ? ' (the header) ' : ' ') + words) }
  }
  return { id: 'file', message: sentence(null, 'In row ' + row + (row === '1' ? ' (the header), the column ' : ', the ') + column + ' ' + words) }
}

/** A file with a row for someone else's indicator is refused whole, naming its rows. */
async function notYoursInWords (request) {
  try {
    return await request()
  } catch (failure) {
    if (failure instanceof ApiError && failure.code === 'NOT_OWNER') {
      const rows = failure.message.split(': ')[0]
      const problem = 'You can only load figures for the indicators you own: ' + rows + (rows.includes(',') ? ' are not yours' : ' is not yours')
      throw new ApiError(failure.status, { code: failure.code, message: problem, details: [{ field: 'file', problem }] })
    }
    throw failure
  }
}

export function figuresFilePage ({ registerId }, errors = {}) {
  showFormPage({ title: 'Load figures from a file', caption: registerId, errors, crumbs: registerCrumbs(registerId) }, html`
    <p class="govuk-body">Choose a CSV file with a header row, then a row for each quarter's figure. The columns are those of the open data:</p>
    ${insetText(html`<code>${COLUMNS.split(',').map((column, index) => index === 0 ? column : html`,<wbr>${column}`)}</code>`)}
    ${lines([
      'indicator_id: the indicator\'s id, like ni-192; reference (like NI 192) may be left out',
      'period: the quarter, like 2009-10 Q2',
      'value, or for a ratio its numerator and denominator',
      'status: PROVISIONAL or FINAL',
      'reason: why a quarter\'s figure is revised, when it already has one'
    ])}
    <p class="govuk-body">Every row is recorded, or none: if any row has a problem, nothing is recorded. The file gives figures only: each indicator's status against its target is worked out from them.</p>
    ${form({
      id: 'figures-file-form',
      submit: 'Load the figures',
      cancel: { href: registerPath(registerId), text: 'Back to the register' },
      content: fileUpload({
        id: 'file', label: 'Figures file', accept: '.csv,text/csv', error: errors.file,
        hint: 'A .csv file, as a spreadsheet saves it. After a problem, choose it again.'
      })
    })}`)
  whenSubmitted('figures-file-form', {
    check: values => values.file ? {} : { file: 'Choose a figures file to load' },
    send: async values => {
      const text = await values.file.text()
      return notYoursInWords(() => api(registerPath(registerId) + '/figures', 'POST', text, { 'content-type': 'text/csv' }))
    },
    fields: whereInTheFile,
    refused: (values, problems) => figuresFilePage({ registerId }, problems),
    done: (answer, values) => recordedFromFile(registerId, answer.recorded, values.file.name)
  })
}

/** A figure as the API gave it back: its value, or a ratio's parts. */
function figureInWords (figure) {
  return figure.value ?? figure.numerator + ' out of ' + figure.denominator
}

async function recordedFromFile (registerId, recorded, fileName) {
  const register = await api(registerPath(registerId))
  const referenceOf = indicatorId => register.indicators.find(i => i.id === indicatorId)?.reference ?? indicatorId
  show('Figures recorded', html`<div class="govuk-grid-row"><div class="govuk-grid-column-full">
    ${panel({ title: 'Figures recorded', body: recorded.length + (recorded.length === 1 ? ' figure' : ' figures') + ' from ' + fileName })}
    ${table({
      caption: 'What was recorded',
      captionSize: 'm',
      firstCellIsHeader: true,
      head: ['Indicator', 'Quarter', 'Figure', 'Provisional or final', 'Revision'],
      rows: recorded.map(figure => [
        referenceOf(figure.indicatorId),
        quarterInWords(figure.period),
        figureInWords(figure),
        figure.status === 'PROVISIONAL' ? 'Provisional' : 'Final',
        figure.revision ? 'Revised: ' + figure.reason : 'First figure for the quarter'
      ])
    })}
    <p class="govuk-body">Each indicator's status is worked out from its figures: the register shows them.</p>
    ${lines([
      html`<a class="govuk-link" href="${registerPath(registerId)}">Back to the register</a>`,
      hasRole('indicator-owner') && html`<a class="govuk-link" href="${myIndicatorsPath(registerId)}">Your indicators</a>`
    ])}
    </div></div>`, registerCrumbs(registerId))
}
