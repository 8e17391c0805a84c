// The evaluator sets up a wave's survey: its title, closing date and questions (up to eight, each in one of
// the seed's three sections, answered on a 1 to 5 scale, as a number or in words). Refusals at the field.
import { api, html, showFormPage } from '/common.js'
import { field, select, dateInput, isoDay, fieldset, form, whenSubmitted } from '/components/index.js'
import { programmeName } from '../programmes/names.js'
import { evaluationPath, surveyPath, evaluationCrumbs, SECTIONS, KINDS, WAVES } from './parts.js'
import { evaluationPage } from './evaluation.js'

const SLOTS = 8

/** The typed values of a survey read from the API, slot by slot. */
function typedFrom (survey) {
  const typed = { title: survey.title, 'closing-date': survey.closingDate }
  survey.questions.forEach((question, i) => {
    typed['q' + i + '-id'] = question.id
    typed['q' + i + '-section'] = question.section
    typed['q' + i + '-kind'] = question.kind
    typed['q' + i + '-text'] = question.text
  })
  return typed
}

/** The slots someone filled in, in order: the API numbers them from 0, skipping the empty ones. */
const filled = typed => [...Array(SLOTS).keys()].filter(i => ['id', 'text'].some(part => String(typed['q' + i + '-' + part] ?? '').trim() !== ''))

function request (typed) {
  return {
    title: typed.title,
    closingDate: isoDay(typed['closing-date']),
    questions: filled(typed).map(i => ({
      id: String(typed['q' + i + '-id'] ?? '').trim(),
      section: typed['q' + i + '-section'] || null,
      kind: typed['q' + i + '-kind'] || null,
      text: typed['q' + i + '-text']
    }))
  }
}

function questionSlot (i, typed, errors) {
  const at = part => 'q' + i + '-' + part
  return fieldset({ legend: 'Question ' + (i + 1), legendSize: 's' }, html`
    ${field({ id: at('id'), label: 'Reference', width: '20', value: typed[at('id')], error: errors[at('id')],
      hint: 'Lower-case letters, digits and hyphens. Use the same reference in both waves to compare the answers.' })}
    ${select({ id: at('section'), label: 'Section', items: SECTIONS, value: typed[at('section')], error: errors[at('section')], placeholder: 'Choose a section' })}
    ${select({ id: at('kind'), label: 'Answered as', items: KINDS, value: typed[at('kind')], error: errors[at('kind')], placeholder: 'Choose how it is answered' })}
    ${field({ id: at('text'), label: 'Question', value: typed[at('text')], error: errors[at('text')] })}`)
}

export async function surveySetUpPage ({ programmeId, wave }, typed = null, errors = {}) {
  const name = await programmeName(programmeId)
  const waveText = (WAVES.find(w => w.wave === wave) ?? WAVES[0]).text
  let values = typed
  if (values === null) {
    values = {}
    try {
      values = typedFrom(await api(surveyPath(programmeId, wave)))
    } catch {
      // not set up yet: an empty form
    }
  }
  showFormPage({ title: 'Set up the ' + waveText.toLowerCase(), caption: name, errors, crumbs: evaluationCrumbs(programmeId, name) }, html`
    ${form({ id: 'survey-setup', submit: 'Save the survey', cancel: { href: evaluationPath(programmeId), text: 'Back to the evaluation' }, content: html`
      ${field({ id: 'title', label: 'Title', value: values.title, error: errors.title, hint: 'As the emails say it, such as "Learning to Deliver: baseline survey".' })}
      ${dateInput({ id: 'closing-date', legend: 'Closing date', value: values['closing-date'], error: errors['closing-date'],
        hint: 'The last day it may be answered. For example, 31 5 2007' })}
      ${[...Array(SLOTS).keys()].map(i => questionSlot(i, values, errors))}` })}`)
  whenSubmitted('survey-setup', {
    fields: (apiField, problem) => {
      const question = /^questions\[(\d+)]\.(id|section|kind|text)$/.exec(String(apiField))
      if (question) {
        const slot = filled(lastTyped)[Number(question[1])] ?? 0
        return { id: 'q' + slot + '-' + question[2], label: 'Question ' + (slot + 1) + '\'s ' + ({ id: 'reference', section: 'section', kind: 'answer', text: 'question' })[question[2]] }
      }
      return ({ title: { id: 'title', label: 'The title' }, closingDate: { id: 'closing-date', label: 'The closing date' }, questions: { id: 'q0-id', label: 'The questions' } })[apiField] ?? { id: 'title' }
    },
    send: typedNow => {
      lastTyped = typedNow
      return api(surveyPath(programmeId, wave), 'PUT', JSON.stringify(request(typedNow)))
    },
    refused: (typedNow, found) => surveySetUpPage({ programmeId, wave }, typedNow, found),
    done: () => evaluationPage({ programmeId }, { title: 'Survey saved', body: 'Open it from here to invite every contact.' })
  })
}

let lastTyped = {}
