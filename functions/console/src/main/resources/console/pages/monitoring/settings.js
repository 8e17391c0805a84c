// A round's or programme's monitoring settings: everyone who monitors reads them in words; its
// manager changes them. They apply to the agreements it makes from then on: an agreement keeps the
// settings it was made under. The API reads every field and names each problem.
import { api, showFormPage } from '/common.js'
import { html, field, radios, select, form, whenSubmitted, summaryList, fieldset, banner } from '/components/index.js'
import { isManager, plainRefusals } from './parts.js'

/** Blank rows a manager may fill to add reminders. */
const SPARE_REMINDERS = 2
const AUDIENCES = [{ value: 'LEAD', text: 'The lead contact' }, { value: 'OFFICER', text: 'The agreement\'s officer' }]
const DAYS = {
  returnDueWorkingDays: { label: 'A quarterly return is due', hint: 'Working days after its quarter ends' },
  finalReturnDueWorkingDays: { label: 'The final return is due', hint: 'Working days after the agreement ends' },
  holdGraceWorkingDays: { label: 'An overdue return holds payments', hint: 'Working days after it was due' }
}

export const settingsPath = scopeId => '/monitoring-settings/' + encodeURIComponent(scopeId)

function yesNo (value) {
  return value ? 'Yes' : 'No'
}

function reminderInWords (rule) {
  const days = Math.abs(rule.offsetWorkingDays)
  const when = rule.offsetWorkingDays === 0 ? 'on the day it is due'
    : days + (days === 1 ? ' working day ' : ' working days ') + (rule.offsetWorkingDays < 0 ? 'before it is due' : 'after it was due')
  return rule.id + ': ' + when + ', to ' + AUDIENCES.find(a => a.value === rule.audience).text.toLowerCase()
}

function now (settings) {
  return summaryList([
    ...Object.entries(DAYS).map(([key, { label, hint }]) => [label, settings[key] + ' ' + hint.toLowerCase()]),
    ['Another agreement\'s overdue return holds payments too', yesNo(settings.holdAcrossAgreements)],
    ['The last instalment waits for the final return', yesNo(settings.retainFinalInstalment)],
    ['Reminders', settings.reminders.length === 0 ? 'None' : html`<ul class="govuk-list">${settings.reminders.map(rule => html`<li>${reminderInWords(rule)}</li>`)}</ul>`]
  ])
}

function reminderRow (index, rule = {}, errors = {}) {
  const id = part => 'reminders-' + index + '-' + part
  return fieldset({ legend: 'Reminder ' + (index + 1) }, html`
    ${field({ id: id('id'), label: 'Its name', hint: 'For example r-due. Leave it empty to remove this reminder', width: '10', spellcheck: false, value: rule.id, error: errors[id('id')] })}
    ${field({ id: id('offsetWorkingDays'), label: 'Working days from the due date', hint: 'A minus sign for days before it, for example -5', width: '3', inputmode: 'numeric', value: rule.offsetWorkingDays, error: errors[id('offsetWorkingDays')] })}
    ${select({ id: id('audience'), label: 'Who it is sent to', items: AUDIENCES, value: rule.audience, error: errors[id('audience')] })}`)
}

/** A whole number as the API reads it; anything else as typed, for the API to name. */
function whole (typed) {
  const text = String(typed ?? '').trim()
  return /^-?\d+$/.test(text) ? Number(text) : text
}

/** The reminders typed, the empty rows left out, each with the row it came from. */
function remindersTyped (values, rows) {
  const typed = []
  for (let index = 0; index < rows; index++) {
    const id = values['reminders-' + index + '-id']?.trim() ?? ''
    const offset = values['reminders-' + index + '-offsetWorkingDays']?.trim() ?? ''
    if (id !== '' || offset !== '') {
      typed.push({ row: index, rule: { id, offsetWorkingDays: whole(offset), audience: values['reminders-' + index + '-audience'] } })
    }
  }
  return typed
}

function rowsAsTyped (values, rows) {
  return Array.from({ length: rows }, (_, index) => ({
    id: values['reminders-' + index + '-id'],
    offsetWorkingDays: values['reminders-' + index + '-offsetWorkingDays'],
    audience: values['reminders-' + index + '-audience']
  }))
}

/** The API's field (reminders[1].audience) → the field on the page it is about. */
function placeOn (sentRows) {
  return apiField => {
    const reminder = /^reminders\[(\d+)]\.(id|offsetWorkingDays|audience)$/.exec(apiField ?? '')
    if (reminder) {
      const part = reminder[2]
      return { id: 'reminders-' + sentRows[Number(reminder[1])] + '-' + part, label: { id: 'Its name', offsetWorkingDays: 'Working days from the due date', audience: 'Who it is sent to' }[part] }
    }
    if (DAYS[apiField]) {
      return { id: apiField, label: DAYS[apiField].label }
    }
    return { id: apiField === 'retainFinalInstalment' ? 'retainFinalInstalment' : 'holdAcrossAgreements' }
  }
}

export async function settingsPage ({ scopeId }, typed = null, errors = {}, notice = null) {
  const settings = await api(settingsPath(scopeId))
  const crumbs = [['Home', '/'], ['Agreements', '/agreements']]
  const title = 'Monitoring settings'
  if (!isManager()) {
    showFormPage({ title, caption: scopeId, crumbs }, now(settings))
    return
  }
  const shown = typed ?? { ...settings, holdAcrossAgreements: String(settings.holdAcrossAgreements), retainFinalInstalment: String(settings.retainFinalInstalment) }
  // Refused, the page keeps every row as typed, so each problem stays at the row it is about.
  const reminders = typed ? typed.reminders : settings.reminders
  const rows = typed ? reminders.length : reminders.length + SPARE_REMINDERS
  showFormPage({ title, caption: scopeId, errors, crumbs }, html`
    ${notice ? banner({ heading: notice, success: true }) : ''}
    <h2 class="govuk-heading-m">Now</h2>
    ${now(settings)}
    <h2 class="govuk-heading-m">Change them</h2>
    <p class="govuk-body">Agreements made from now on are monitored with the new settings. An agreement already made keeps the settings it was made under.</p>
    ${form({
      id: 'settings-form',
      submit: 'Save the settings',
      cancel: { href: '/agreements', text: 'Back to the agreements' },
      content: html`
        ${Object.entries(DAYS).map(([key, { label, hint }]) => field({ id: key, label, hint, width: '3', inputmode: 'numeric', suffix: 'working days', value: shown[key], error: errors[key] }))}
        ${radios({ id: 'holdAcrossAgreements', legend: 'Does an overdue return hold the organisation\'s payments under its other agreements too?', items: [{ value: 'true', text: 'Yes' }, { value: 'false', text: 'No' }], value: shown.holdAcrossAgreements, error: errors.holdAcrossAgreements, inline: true })}
        ${radios({ id: 'retainFinalInstalment', legend: 'Does the last instalment wait until the final return is accepted?', items: [{ value: 'true', text: 'Yes' }, { value: 'false', text: 'No' }], value: shown.retainFinalInstalment, error: errors.retainFinalInstalment, inline: true })}
        <h3 class="govuk-heading-s">Reminders</h3>
        ${Array.from({ length: rows }, (_, index) => reminderRow(index, reminders[index], errors))}`
    })}`)
  const sentRows = []
  whenSubmitted('settings-form', {
    fields: placeOn(sentRows),
    send: values => {
      const typedReminders = remindersTyped(values, rows)
      sentRows.splice(0, sentRows.length, ...typedReminders.map(r => r.row))
      return api(settingsPath(scopeId), 'PUT', JSON.stringify({
        returnDueWorkingDays: whole(values.returnDueWorkingDays),
        finalReturnDueWorkingDays: whole(values.finalReturnDueWorkingDays),
        holdGraceWorkingDays: whole(values.holdGraceWorkingDays),
        holdAcrossAgreements: values.holdAcrossAgreements === 'true',
        retainFinalInstalment: values.retainFinalInstalment === 'true',
        reminders: typedReminders.map(r => r.rule)
      }))
    },
    refused: (values, found) => settingsPage({ scopeId }, { ...values, reminders: rowsAsTyped(values, rows) }, plainRefusals(found, {})),
    done: () => settingsPage({ scopeId }, null, {}, 'The settings are saved. Agreements made from now on are monitored with them.')
  })
}
