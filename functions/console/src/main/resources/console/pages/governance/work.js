// An owner's side of governance: "your actions and recommendations" in the API's words ("Due 15 January
// 2010, 12 working days overdue, in progress", "Answer due 19 January 2010"); an update posted, an action
// completed with its evidence, a recommendation answered (accepted with actions, rejected with a reason,
// or partly: both). And where every action and recommendation of the register stands, for every partner.
import { api, show, showFormPage } from '/common.js'
import { html, table, tag, longDate, banner, field, radios, dateInput, isoDay, form, whenSubmitted, summaryList } from '/components/index.js'
import { lines } from '../monitoring/parts.js'
import {
  governancePath, myWorkPath, actionPath, recommendationPath, governanceCrumbs, personName, atItsField, newKey, withoutBlanks
} from './parts.js'
import { registerPath } from '../reporting/parts.js'

function actionRows (register, actions, mine) {
  return actions.map(a => [
    a.id,
    a.criterion,
    html`${tag(a.state)}${a.overdue ? html` ${tag('OVERDUE')}` : ''}${a.escalatedOn ? html` ${tag('ESCALATED', { text: 'Escalated on ' + longDate(a.escalatedOn) })}` : ''}<br>${a.words}`,
    mine ? lines(a.state === 'OPEN' || a.state === 'IN_PROGRESS' ? [
      html`<a class="govuk-link" href="${actionPath(register.registerId, a.id)}/update">Post an update<span class="govuk-visually-hidden"> on ${a.id}</span></a>`,
      html`<a class="govuk-link" href="${actionPath(register.registerId, a.id)}/complete">Complete it<span class="govuk-visually-hidden">: ${a.id}</span></a>`
    ] : []) : personName(register, a.owner)
  ])
}

function recommendationRows (register, recommendations, mine) {
  return recommendations.map(r => [
    r.id,
    r.text,
    html`${tag(r.state)}<br>${r.words}${r.response ? html`<br>Answer: ${tag(r.response.answer)} on ${longDate(r.response.on)}${r.response.reason ? ': ' + r.response.reason : ''}` : ''}`,
    mine ? (r.response ? (r.actions.length ? 'Its actions: ' + r.actions.join(', ') : '') : html`<a class="govuk-link" href="${recommendationPath(register.registerId, r.id)}/answer">Answer it<span class="govuk-visually-hidden">: ${r.id}</span></a>`)
      : personName(register, r.to)
  ])
}

function workTables (register, work, mine) {
  return html`
    ${work.actions.length === 0 ? html`<h2 class="govuk-heading-m">Actions</h2><p class="govuk-body">No action${mine ? ' is yours' : ' has been decided'}.</p>` : table({
      caption: 'Actions', firstCellIsHeader: true,
      head: ['Action', 'How completion will be shown', 'Where it stands', mine ? '' : 'Owner'],
      rows: actionRows(register, work.actions, mine)
    })}
    ${work.recommendations.length === 0 ? html`<h2 class="govuk-heading-m">Recommendations</h2><p class="govuk-body">No recommendation${mine ? ' is made to you' : ' has been made'}.</p>` : table({
      caption: 'Recommendations', firstCellIsHeader: true,
      head: ['Recommendation', 'What it says', 'Where it stands', mine ? '' : 'To'],
      rows: recommendationRows(register, work.recommendations, mine)
    })}`
}

export async function myWorkPage ({ registerId }, notice = null) {
  const [register, work] = await Promise.all([api(registerPath(registerId)), api(governancePath(registerId) + '/my-work')])
  show('Your actions and recommendations', html`
    ${notice ? banner({ heading: notice, success: true }) : ''}
    <span class="govuk-caption-l">${registerId}</span>
    <h1 class="govuk-heading-l">Your actions and recommendations</h1>
    <p class="govuk-body">Where each stands is worked out from what was recorded: an action 20 working days overdue is escalated to you and the chair.</p>
    ${workTables(register, work, true)}`, governanceCrumbs(registerId))
}

export async function standingPage ({ registerId }) {
  const [register, work] = await Promise.all([api(registerPath(registerId)), api(governancePath(registerId) + '/standing')])
  show('Where every action and recommendation stands', html`
    <span class="govuk-caption-l">${registerId}</span>
    <h1 class="govuk-heading-l">Where every action and recommendation stands</h1>
    ${workTables(register, work, false)}`, governanceCrumbs(registerId))
}

async function mine (registerId, list, id) {
  const work = await api(governancePath(registerId) + '/my-work')
  const found = work[list].find(thing => thing.id === id)
  if (!found) {
    throw new Error('You have no ' + (list === 'actions' ? 'action ' : 'recommendation ') + id + '.')
  }
  return found
}

function backToMyWork (registerId, notice) {
  history.pushState(null, '', myWorkPath(registerId))
  return myWorkPage({ registerId }, notice)
}

/** One text box about an action (an update, or the evidence that completes it): its page and its form. */
function actionTextForm (page, typed, errors) {
  const { registerId, action, key, title, box, label, hint, path, button, notice, byCode } = page
  showFormPage({ title, caption: action.id, errors, crumbs: governanceCrumbs(registerId) }, html`
    ${summaryList([['How completion will be shown', action.criterion], ['Where it stands', action.words]])}
    ${form({
      id: 'action-form', submit: button, cancel: { href: myWorkPath(registerId), text: 'Back to your actions and recommendations' },
      content: field({ id: box, label, hint, rows: 4, value: typed[box], error: errors[box] })
    })}`)
  whenSubmitted('action-form', {
    fields: { [box]: { id: box, label } },
    send: values => atItsField(() => api(actionPath(registerId, action.id) + path, 'POST', JSON.stringify(withoutBlanks({ [box]: values[box].trim() })), key), byCode),
    refused: (values, found) => actionTextForm(page, values, found),
    done: () => backToMyWork(registerId, notice)
  })
}

export async function updatePage ({ registerId, actionId }) {
  const action = await mine(registerId, 'actions', actionId)
  actionTextForm({
    registerId, action, key: newKey(), title: 'Post an update', box: 'text', label: 'What has been done', path: '/updates',
    button: 'Post the update', notice: 'Your update on ' + actionId + ' is posted.', byCode: { NOT_ALLOWED: 'text', FINAL: 'text' }
  }, {}, {})
}

export async function completePage ({ registerId, actionId }) {
  const action = await mine(registerId, 'actions', actionId)
  actionTextForm({
    registerId, action, key: newKey(), title: 'Complete an action', box: 'evidence', label: 'What shows it is done',
    hint: 'As the decision asked: ' + action.criterion, path: '/completion', button: 'Complete the action',
    notice: actionId + ' is completed.', byCode: { NOT_ALLOWED: 'evidence', FINAL: 'evidence', NO_EVIDENCE: 'evidence' }
  }, {}, {})
}

const ANSWERS = [
  { value: 'ACCEPTED', text: 'Accepted', hint: 'Give at least one action you will take' },
  { value: 'REJECTED', text: 'Rejected', hint: 'Give the reason' },
  { value: 'PARTIAL', text: 'Partly accepted', hint: 'Give the reason, and at least one action' }
]

function answerField (apiField) {
  const found = /^actions\[(\d+)]\.(id|due|criterion)$/.exec(apiField ?? '')
  if (found) {
    return { id: 'action-' + found[1] + '-' + found[2], label: 'Action ' + (Number(found[1]) + 1) + '\'s ' + (found[2] === 'id' ? 'short id' : found[2] === 'due' ? 'due date' : 'criterion') }
  }
  return apiField === 'reason' ? { id: 'reason', label: 'The reason' } : apiField === 'actions' || apiField === 'actions.id' ? { id: 'action-0-id' } : { id: 'answer' }
}

export async function answerPage ({ registerId, recommendationId }) {
  const recommendation = await mine(registerId, 'recommendations', recommendationId)
  answerForm({ registerId, recommendation, key: newKey() }, {}, {})
}

function answerForm (page, typed, errors) {
  const { registerId, recommendation } = page
  showFormPage({ title: 'Answer a recommendation', caption: recommendation.id, errors, crumbs: governanceCrumbs(registerId) }, html`
    ${summaryList([['The recommendation', recommendation.text], ['Made on', longDate(recommendation.meeting)], ['Where it stands', recommendation.words]])}
    ${form({
      id: 'answer-form', submit: 'Send the answer', cancel: { href: myWorkPath(registerId), text: 'Back to your actions and recommendations' },
      content: html`
        ${radios({ id: 'answer', legend: 'Your answer', legendSize: 'm', value: typed.answer, error: errors.answer, items: ANSWERS })}
        ${field({ id: 'reason', label: 'Reason (when you reject it, or accept it in part)', rows: 3, value: typed.reason, error: errors.reason })}
        ${[0, 1].map(i => html`<h2 class="govuk-heading-m">Action ${i + 1} you will take${i > 0 ? ' (optional)' : ''}</h2>
          ${field({ id: 'action-' + i + '-id', label: 'Short id', width: '20', spellcheck: false, hint: 'Unique in the register, like ' + recommendation.id + '-a' + (i + 1), value: typed['action-' + i + '-id'], error: errors['action-' + i + '-id'] })}
          ${dateInput({ id: 'action-' + i + '-due', legend: 'Due date', hint: 'After today. For example, 31 3 2010', value: typed['action-' + i + '-due'], error: errors['action-' + i + '-due'] })}
          ${field({ id: 'action-' + i + '-criterion', label: 'How completion will be shown', rows: 2, value: typed['action-' + i + '-criterion'], error: errors['action-' + i + '-criterion'] })}`)}`
    })}`)
  whenSubmitted('answer-form', {
    check: values => values.answer ? {} : { answer: 'Choose your answer' },
    fields: answerField,
    send: values => {
      const actions = [0, 1].filter(i => String(values['action-' + i + '-id']).trim()).map(i => withoutBlanks({
        id: values['action-' + i + '-id'].trim(), due: isoDay(values['action-' + i + '-due']), criterion: values['action-' + i + '-criterion'].trim()
      }))
      return atItsField(() => api(recommendationPath(registerId, recommendation.id) + '/answer', 'POST', JSON.stringify({
        answer: values.answer, ...(values.reason.trim() ? { reason: values.reason.trim() } : {}), ...(actions.length ? { actions } : {})
      }), page.key), { NOT_ALLOWED: 'answer', FINAL: 'answer', NOT_SMART: 'actions', NO_REASON: 'reason' })
    },
    refused: (values, found) => answerForm(page, values, found),
    done: answered => backToMyWork(registerId, 'Your answer to ' + answered.id + ' is sent.')
  })
}
