// A contact answers their survey through the link emailed to them, without signing in: the questions by
// section (a scale as radios from 1 to 5 with their words, a number, words), errors at the field with what
// was typed kept, then a confirmation. A link never issued, already used or expired is one plain page.
import { api, show, showFormPage, ApiError } from '/common.js'
import { html, field, radios, form, whenSubmitted, panel } from '/components/index.js'

const SCALE = [
  { value: '1', text: '1: very low' },
  { value: '2', text: '2: low' },
  { value: '3', text: '3: moderate' },
  { value: '4', text: '4: high' },
  { value: '5', text: '5: very high' }
]

const answerPath = token => '/public/surveys/answer/' + encodeURIComponent(token)
const fieldId = question => 'answer-' + question.id

function spent () {
  show('This link has already been used or has expired', html`
    <h1 class="govuk-heading-l">This link has already been used or has expired</h1>
    <p class="govuk-body">Each link works once, until the survey's closing date. If you think you have not answered
      yet, ask the programme's evaluator for a new link.</p>`)
}

function question (q, typed, errors) {
  const id = fieldId(q)
  if (q.kind === 'SCALE') {
    return radios({ id, legend: q.text, items: SCALE, value: typed[id], error: errors[id], inline: true })
  }
  if (q.kind === 'NUMBER') {
    return field({ id, label: q.text, width: '5', inputmode: 'numeric', value: typed[id], error: errors[id], hint: 'A whole number, such as 3' })
  }
  return field({ id, label: q.text, rows: 4, value: typed[id], error: errors[id], hint: 'Optional' })
}

export async function answerPage ({ token }, typed = {}, errors = {}, survey = null) {
  let asked = survey
  if (asked === null) {
    try {
      asked = await api(answerPath(token))
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 404) {
        return spent()
      }
      throw failure
    }
  }
  const questions = asked.sections.flatMap(section => section.questions)
  showFormPage({ title: asked.title, caption: asked.waveInWords + ' survey', errors }, html`
    <p class="govuk-body">Please answer by ${asked.closingDateInWords}. Your answers are kept for your partnership, not
      under your name. You can send them once.</p>
    ${form({ id: 'survey-answers', submit: 'Send my answers', content: asked.sections.map(section => html`
      <h2 class="govuk-heading-m">${section.title}</h2>
      ${section.questions.map(q => question(q, typed, errors))}`) })}`)
  whenSubmitted('survey-answers', {
    fields: Object.fromEntries(questions.map(q => [q.id, { id: fieldId(q), label: q.text, message: messageFor(q) }])),
    send: typedNow => api(answerPath(token), 'POST', JSON.stringify({
      answers: Object.fromEntries(questions.map(q => [q.id, String(typedNow[fieldId(q)] ?? '')]))
    })).catch(failure => {
      // Answered meanwhile (another tab) or past its closing date: the same plain page as a spent link.
      if (failure instanceof ApiError && failure.status === 404) {
        return { spent: true }
      }
      throw failure
    }),
    refused: (typedNow, found) => answerPage({ token }, typedNow, found, asked),
    done: answer => answer.spent ? spent() : show('Thank you', html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      ${panel({ title: 'Your answers have been sent', body: 'Thank you for answering the ' + asked.title })}
      <p class="govuk-body">Your link has now been used: it cannot be used again.</p></div></div>`)
  })
}

/** The page's own sentence for each kind of question, naming what to do. */
function messageFor (q) {
  if (q.kind === 'SCALE') {
    return 'Choose a number from 1 to 5 for "' + q.text + '"'
  }
  if (q.kind === 'NUMBER') {
    return 'Enter a whole number, such as 3, for "' + q.text + '"'
  }
  return 'Your answer to "' + q.text + '" must be 5,000 characters or fewer'
}
