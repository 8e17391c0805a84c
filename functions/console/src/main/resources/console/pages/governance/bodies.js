// The register's governance: its bodies (the board, the theme groups, scrutiny) with their members and
// meetings, and the way to each person's pages. The clerk (a manager) sets a body up or changes it here:
// its name, kind, quorum, whether it decides or only advises, and its members with their roles and
// organisations (an organisation counts its people out of items about it, G3).
import { api, show, showFormPage } from '/common.js'
import {
  html, table, longDate, inWords, banner, field, radios, select, checkboxes, dateInput, isoDay, isRealDay, form, whenSubmitted,
  summaryList, insetText
} from '/components/index.js'
import { lines } from '../monitoring/parts.js'
import {
  governancePath, bodyPath, meetingPath, myWorkPath, standingPath, reviewsPath, governanceCrumbs, isClerk,
  readGovernance, memberInWords, everyone, personName
} from './parts.js'
import { meetingPage } from './meeting.js'

function bodyRows (registerId, register, bodies) {
  return bodies.map(body => [
    body.name,
    inWords(body.kind) + (body.decisionMaking ? '' : ', advisory'),
    html`${body.members.length} (quorum ${body.quorum})<br>${body.members.filter(m => m.role === 'CHAIR').map(m => 'Chair: ' + personName(register, m.person))}`,
    body.meetings.length === 0 ? 'None yet' : lines([...body.meetings].reverse().map(date =>
      html`<a class="govuk-link" href="${meetingPath(registerId, body.id, date)}">${longDate(date)}<span class="govuk-visually-hidden"> meeting of ${body.name}</span></a>`)),
    isClerk() ? lines([
      html`<a class="govuk-link" href="${bodyPath(registerId, body.id)}/meetings/new">Record a meeting<span class="govuk-visually-hidden"> of ${body.name}</span></a>`,
      html`<a class="govuk-link" href="${bodyPath(registerId, body.id)}">Change<span class="govuk-visually-hidden"> ${body.name}</span></a>`
    ]) : ''
  ])
}

export async function governancePage ({ registerId }, notice = null) {
  const { register, bodies } = await readGovernance(registerId)
  show('Governance', html`
    ${notice ? banner({ heading: notice, success: true }) : ''}
    <span class="govuk-caption-l">${registerId}</span>
    <h1 class="govuk-heading-l">Governance</h1>
    <p class="govuk-body">The board decides on the exceptions in its pack; owners answer and act; scrutiny reviews the theme groups.
      Every state and every date something is due by is worked out from what was recorded. Nobody types one.</p>
    ${lines([
      html`<a class="govuk-link" href="${myWorkPath(registerId)}">Your actions and recommendations</a>`,
      html`<a class="govuk-link" href="${standingPath(registerId)}">Where every action and recommendation stands</a>`,
      html`<a class="govuk-link" href="${reviewsPath(registerId)}">Scrutiny reviews, and which theme groups were reviewed</a>`,
      isClerk() && html`<a class="govuk-link" href="${governancePath(registerId)}/bodies/new">Set up a body</a>`
    ])}
    ${bodies.length === 0
      ? html`<p class="govuk-body">No body has been set up yet.</p>`
      : table({
        caption: 'Bodies and their meetings',
        firstCellIsHeader: true,
        head: ['Body', 'Kind', 'Members', 'Meetings', ''],
        rows: bodyRows(registerId, register, bodies)
      })}`, governanceCrumbs(registerId).slice(0, 2))
}

const KINDS = [
  { value: 'BOARD', text: 'The board', hint: 'A partnership has one. Its meetings are the register\'s board meetings, with their packs.' },
  { value: 'THEME_GROUP', text: 'A theme group', hint: 'It looks after one theme of the register' },
  { value: 'SCRUTINY', text: 'Scrutiny', hint: 'It reviews the theme groups' }
]
const ROLES = [{ value: 'CHAIR', text: 'Chair' }, { value: 'MEMBER', text: 'Member' }, { value: 'OBSERVER', text: 'Observer (never counts for quorum)' }]

/** The member rows a form shows: those set up, and two empty ones to add more (at least four). */
function memberRows (typed) {
  const filled = Object.keys(typed).filter(name => /^members-\d+-person$/.test(name)).length
  return Math.max(4, filled + 2)
}

function membersOf (values) {
  const rows = []
  for (let i = 0; values['members-' + i + '-person'] !== undefined; i++) {
    const person = values['members-' + i + '-person']
    if (person) {
      const organisation = values['members-' + i + '-organisation'].trim()
      rows.push({ person, role: values['members-' + i + '-role'] || 'MEMBER', ...(organisation ? { organisation } : {}) })
    }
  }
  return rows
}

function typedFrom (body) {
  const typed = { name: body.name, kind: body.kind, theme: body.theme ?? '', decisionMaking: String(body.decisionMaking), quorum: String(body.quorum) }
  body.members.forEach((member, i) => {
    typed['members-' + i + '-person'] = member.person
    typed['members-' + i + '-role'] = member.role
    typed['members-' + i + '-organisation'] = member.organisation ?? ''
  })
  return typed
}

/** Where the API's problem with a member ("members[2].role") is on the page. */
function memberField (apiField) {
  const found = /^members\[(\d+)]\.(person|role|organisation)$/.exec(apiField ?? '')
  if (found) {
    return { id: 'members-' + found[1] + '-' + found[2], label: 'Member ' + (Number(found[1]) + 1) + '\'s ' + found[2] }
  }
  const said = {
    kind: { id: 'kind', message: 'The partnership already has a board: choose another kind, or change the board' },
    theme: { id: 'theme', message: 'Choose the theme the group looks after' },
    quorum: { id: 'quorum', message: 'Enter the quorum as a whole number of at least 1' },
    members: { id: 'members-0-person', label: 'The members' },
    decisionMaking: { id: 'decisionMaking', message: 'Choose whether it decides actions' }
  }
  return said[apiField] ?? { id: 'name', label: apiField === 'name' ? 'The name' : undefined }
}

export async function bodyPage ({ registerId, bodyId }) {
  const { register, bodies } = await readGovernance(registerId)
  const before = bodyId ? bodies.find(b => b.id === bodyId) : null
  if (bodyId && !before) {
    throw new Error('No body ' + bodyId + ' has been set up.')
  }
  bodyForm(register, bodies, before, before ? typedFrom(before) : { decisionMaking: 'true' }, {})
}

function bodyForm (register, bodies, before, typed, errors) {
  const registerId = register.registerId
  const people = everyone(register, bodies)
  const rows = memberRows(typed)
  showFormPage({ title: before ? 'Change ' + before.name : 'Set up a body', caption: registerId, errors, crumbs: governanceCrumbs(registerId) }, form({
    id: 'body-form',
    submit: 'Save the body',
    cancel: { href: governancePath(registerId), text: 'Back to governance' },
    content: html`
      ${before ? '' : field({ id: 'id', label: 'Short id of the body', width: '20', spellcheck: false, value: typed.id, error: errors.id, hint: 'Lower-case letters, digits and hyphens, like clpsb. It cannot be changed later.' })}
      ${field({ id: 'name', label: 'Name', value: typed.name, error: errors.name })}
      ${radios({ id: 'kind', legend: 'What kind of body is it?', value: typed.kind, error: errors.kind, items: KINDS })}
      ${select({ id: 'theme', label: 'Theme it looks after (a theme group only)', placeholder: 'No theme', value: typed.theme, error: errors.theme, items: register.themes.map(t => ({ value: t.id, text: t.title })) })}
      ${radios({
        id: 'decisionMaking', legend: 'Does it decide actions?', value: typed.decisionMaking, error: errors.decisionMaking, inline: true,
        items: [{ value: 'true', text: 'Yes, it decides' }, { value: 'false', text: 'No, it advises (recommends, notes and reports)' }]
      })}
      ${field({ id: 'quorum', label: 'Quorum', hint: 'How many voting members must be left on an item, once those with an interest are counted out', width: '3', inputmode: 'numeric', value: typed.quorum, error: errors.quorum })}
      <h2 class="govuk-heading-m">Members</h2>
      ${insetText('Give each member\'s organisation: a member who works for an organisation an item is about is counted out of it, whether they declared it or not. Leave a row without a person to skip it.')}
      ${Array.from({ length: rows }, (_, i) => html`<h3 class="govuk-heading-s">Member ${i + 1}</h3>
        ${select({ id: 'members-' + i + '-person', label: 'Person', placeholder: 'Nobody', value: typed['members-' + i + '-person'], error: errors['members-' + i + '-person'], items: people })}
        ${select({ id: 'members-' + i + '-role', label: 'Role', value: typed['members-' + i + '-role'] ?? 'MEMBER', error: errors['members-' + i + '-role'], items: ROLES })}
        ${field({ id: 'members-' + i + '-organisation', label: 'Organisation they work for (optional)', width: '20', spellcheck: false, value: typed['members-' + i + '-organisation'], error: errors['members-' + i + '-organisation'] })}`)}`
  }))
  whenSubmitted('body-form', {
    check: values => ({
      ...(before || String(values.id ?? '').trim() ? {} : { id: 'Enter a short id for the body' }),
      ...(!before && bodies.some(b => b.id === String(values.id).trim()) ? { id: 'A body already has the id ' + values.id.trim() + ': choose another, or change that body' } : {}),
      ...(values.kind ? {} : { kind: 'Choose what kind of body it is' }),
      ...(/^[1-9]\d*$/.test(String(values.quorum ?? '').trim()) ? {} : { quorum: 'Enter the quorum as a whole number of at least 1' })
    }),
    fields: memberField,
    send: values => api(bodyPath(registerId, before ? before.id : values.id.trim()), 'PUT', JSON.stringify({
      name: values.name.trim(),
      kind: values.kind,
      ...(values.theme ? { theme: values.theme } : {}),
      decisionMaking: values.decisionMaking === 'true',
      quorum: Number(values.quorum.trim()),
      members: membersOf(values)
    })),
    refused: (values, found) => bodyForm(register, bodies, before, values, found),
    done: (saved) => {
      history.pushState(null, '', governancePath(registerId))
      return governancePage({ registerId }, saved.name + ' is saved.')
    }
  })
}

/** The clerk records who came to a meeting of a body: its day, and each member present. */
export async function recordMeetingPage ({ registerId, bodyId }) {
  const { register, bodies } = await readGovernance(registerId)
  const body = bodies.find(b => b.id === bodyId)
  if (!body) {
    throw new Error('No body ' + bodyId + ' has been set up.')
  }
  meetingForm(register, body, { present: body.members.map(m => m.person) }, {})
}

function meetingForm (register, body, typed, errors) {
  const registerId = register.registerId
  showFormPage({ title: 'Record a meeting', caption: body.name, errors, crumbs: governanceCrumbs(registerId) }, html`
    ${summaryList([['Quorum', String(body.quorum)], ['Members', String(body.members.length)]])}
    ${form({
      id: 'meeting-form',
      submit: 'Record the meeting',
      cancel: { href: governancePath(registerId), text: 'Back to governance' },
      content: html`
        ${dateInputFor(typed, errors)}
        ${checkboxesFor(register, body, typed, errors)}`
    })}`)
  whenSubmitted('meeting-form', {
    check: values => isRealDay(values.date) ? {} : { date: 'Enter the day of the meeting as a day, month and year, like 19 11 2009' },
    fields: { present: 'present', meetingDate: 'date' },
    send: values => api(meetingPath(registerId, body.id, isoDay(values.date)), 'PUT', JSON.stringify({ present: values.present ?? [] })),
    refused: (values, found) => meetingForm(register, body, values, found),
    done: (meeting) => {
      history.pushState(null, '', meetingPath(registerId, body.id, meeting.date))
      return meetingPage({ registerId, bodyId: body.id, date: meeting.date }, 'The meeting of ' + longDate(meeting.date) + ' is recorded.')
    }
  })
}

const dateInputFor = (typed, errors) => dateInput({ id: 'date', legend: 'Day of the meeting', legendSize: 'm', hint: 'For example, 19 11 2009', value: typed.date, error: errors.date })

const checkboxesFor = (register, body, typed, errors) => checkboxes({
  id: 'present', legend: 'Who was present', legendSize: 'm', values: typed.present, error: errors.present,
  hint: 'Observers are recorded, but never count towards the quorum.',
  items: body.members.map(m => ({ value: m.person, text: memberInWords(register, m) }))
})
