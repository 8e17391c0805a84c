// A meeting of a body as the clerk records it. A board meeting lists its pack's exceptions first, each
// with whether it has a decision yet (G8). Then who was present and who votes, and the decisions made,
// each with its quorum as it was counted (G3). The clerk records a decision of each kind on its own
// page, and can check an item's quorum before recording it: the API counts it, conflicted members out
// whether they declared or not, observers never.
import { api, show, showFormPage } from '/common.js'
import {
  html, table, tag, longDate, banner, summaryList, insetText, field, select, radios, checkboxes, dateInput, isoDay, form,
  whenSubmitted
} from '/components/index.js'
import { lines } from '../monitoring/parts.js'
import {
  governancePath, bodyPath, meetingPath, governanceCrumbs, isClerk, readGovernance, personName, aboutInWords, everyone,
  termsInWords, quorumInWords, atItsField, newKey, withoutBlanks
} from './parts.js'

const KINDS = {
  action: { code: 'ACTION', title: 'Record an action', link: 'an action: an owner, a due date and how completion will be shown' },
  recommendation: { code: 'RECOMMENDATION', title: 'Record a recommendation', link: 'a recommendation to a person' },
  note: { code: 'NOTED', title: 'Record a note', link: 'a note, with its reason' },
  variation: { code: 'VARIATION', title: 'Record a new due date for an action', link: 'a new due date for an action (the original stays)' },
  drop: { code: 'DROP', title: 'Record that an action is dropped', link: 'that an action is dropped' },
  report: { code: 'REPORT', title: 'Record a scrutiny report', link: 'a scrutiny report agreed, with its recommendations' }
}

/** The kinds a body may decide (G2): an advisory body never an action, a new date or a drop; a report is scrutiny's alone. */
function kindsFor (body) {
  return Object.keys(KINDS).filter(kind => (body.decisionMaking || !['action', 'variation', 'drop'].includes(kind))
    && (kind !== 'report' || body.kind === 'SCRUTINY'))
}

function exceptionsSection (register, exceptions) {
  if (exceptions.exceptions.length === 0) {
    return html`<h2 class="govuk-heading-m">Exceptions in the board pack</h2><p class="govuk-body">The pack lists no exception.</p>`
  }
  return html`<h2 class="govuk-heading-m">Exceptions in the board pack</h2>
    <p class="govuk-body">Each indicator in the pack that is not met, or worse than the quarter before, needs a decision about it at this meeting.
      ${exceptions.decided} of ${exceptions.exceptions.length} decided.</p>
    ${table({
      label: 'Exceptions', firstCellIsHeader: true,
      head: ['Indicator', 'Why it is listed', 'Decision'],
      rows: exceptions.exceptions.map(e => [aboutInWords(register, e.indicator), e.why,
        e.decided ? tag('COMPLETED', { text: 'Decided' }) : tag('NOT_DECIDED', { text: 'No decision yet' })])
    })}`
}

function decisionsSection (register, meeting) {
  if (meeting.decisions.length === 0) {
    return html`<p class="govuk-body">No decision has been recorded at this meeting yet.</p>`
  }
  return table({
    label: 'Decisions', firstCellIsHeader: true,
    head: ['Decision', 'Item', 'What was decided', 'Quorum'],
    rows: meeting.decisions.map(d => [
      html`${d.id}<br>${tag(d.kind)}${d.exempt ? html` ${tag(d.exempt)}` : ''}`,
      html`${d.item}<br>About: ${aboutInWords(register, d.about)}`,
      termsInWords(register, d.terms),
      quorumInWords(register, d.quorum)
    ])
  })
}

export async function meetingPage ({ registerId, bodyId, date }, notice = null) {
  const [{ register }, meeting] = await Promise.all([readGovernance(registerId), api(meetingPath(registerId, bodyId, date))])
  const body = meeting.of
  const exceptions = body.kind === 'BOARD' ? await api(governancePath(registerId) + '/board-meetings/' + encodeURIComponent(date) + '/exceptions') : null
  show(body.name + ', ' + longDate(date), html`
    ${notice ? banner({ heading: notice, success: true }) : ''}
    <span class="govuk-caption-l">${body.name}</span>
    <h1 class="govuk-heading-l">Meeting of ${longDate(date)}</h1>
    ${exceptions ? exceptionsSection(register, exceptions) : ''}
    <h2 class="govuk-heading-m">Who was there</h2>
    ${summaryList([
      ['Present', meeting.present.map(p => personName(register, p)).join(', ') || 'Nobody recorded'],
      ['Voting members', meeting.quorum.voting.map(p => personName(register, p)).join(', ') || 'None'],
      ['Quorum', meeting.quorum.counted + ' voting member' + (meeting.quorum.counted === 1 ? '' : 's') + ' present, ' + meeting.quorum.needed + ' needed on each item']
    ])}
    <h2 class="govuk-heading-m">Decisions</h2>
    ${decisionsSection(register, meeting)}
    ${isClerk() ? html`<h2 class="govuk-heading-m">Record a decision</h2>
      ${insetText('A decision is recorded on the day of its meeting. Before recording it you can check its quorum: members with an interest in the item, declared or not, are counted out.')}
      ${lines(kindsFor(body).map(kind => html`<a class="govuk-link" href="${meetingPath(registerId, bodyId, date)}/decide/${kind}">Record ${KINDS[kind].link}</a>`))}
      <p class="govuk-body"><a class="govuk-link" href="${bodyPath(registerId, bodyId)}/meetings/new">Record a meeting of ${body.name}, or correct who was present at one</a></p>` : ''}`,
  governanceCrumbs(registerId))
}

/** Where the API's problem with a decision is on the page: "terms.recommendations[1].to" is rec-1-to. */
function decisionField (apiField) {
  const rec = /^terms\.recommendations\[(\d+)]\.(id|finding|to|text)$/.exec(apiField ?? '')
  if (rec) {
    return { id: 'rec-' + rec[1] + '-' + rec[2], label: 'Recommendation ' + (Number(rec[1]) + 1) + '\'s ' + rec[2] }
  }
  const name = String(apiField ?? '').replace(/^terms\./, '')
  const labels = {
    id: 'The short id', item: 'The item', about: 'What it is about', declared: 'Declared interests', exempt: 'Whether it is exempt',
    owner: 'The owner', due: 'The due date', criterion: 'How completion will be shown', to: 'Who it is to', text: 'The recommendation',
    reason: 'The reason', action: 'The action', review: 'The review', 'recommendations.id': 'A recommendation\'s id'
  }
  return labels[name] ? { id: name === 'recommendations.id' ? 'rec-0-id' : name, label: labels[name] } : { id: 'item' }
}

/** Where a refusal of the rules (G12) goes on the page, by the kind of decision. */
function refusalsAt (kind) {
  const subject = ['variation', 'drop'].includes(kind) ? 'terms.action' : kind === 'report' ? 'terms.review' : 'item'
  return {
    NOT_ALLOWED: subject, ADVISORY: 'item', INQUORATE: 'declared', FINAL: subject, NOT_SMART: 'terms.due', NO_REASON: 'terms.reason',
    EMPTY_REPORT: 'terms.review', OUT_OF_SCOPE: 'terms.recommendations[0].to', CHANGED_MEANWHILE: 'item'
  }
}

export async function decidePage ({ registerId, bodyId, date, kind }) {
  if (!KINDS[kind]) {
    throw new Error('There is no kind of decision called ' + kind + '.')
  }
  const [{ register, bodies }, meeting, standing, reviews] = await Promise.all([readGovernance(registerId),
    api(meetingPath(registerId, bodyId, date)), api(governancePath(registerId) + '/standing'), api(governancePath(registerId) + '/reviews')])
  decideForm({ register, bodies, meeting, standing, reviews: reviews.reviews, kind, key: newKey() }, {}, {}, null)
}

function termsFields (page, typed, errors) {
  const { register, bodies, standing, reviews } = page
  const people = everyone(register, bodies)
  const due = () => dateInput({ id: 'due', legend: 'Due date', hint: 'After the day of the meeting. For example, 31 3 2010', value: typed.due, error: errors.due })
  const reason = label => field({ id: 'reason', label, rows: 3, value: typed.reason, error: errors.reason })
  const openActions = standing.actions.filter(a => a.state === 'OPEN' || a.state === 'IN_PROGRESS')
    .map(a => ({ value: a.id, text: a.id + ': ' + personName(register, a.owner) + ', ' + a.words }))
  const action = () => select({ id: 'action', label: 'Action', placeholder: 'Choose an action', value: typed.action, error: errors.action, items: openActions })
  switch (page.kind) {
    case 'action': return html`
      ${select({ id: 'owner', label: 'Owner', placeholder: 'Choose the owner', value: typed.owner, error: errors.owner, items: people })}
      ${due()}
      ${field({ id: 'criterion', label: 'How completion will be shown', hint: 'What the owner will hand in, so that anyone can tell it is done', rows: 3, value: typed.criterion, error: errors.criterion })}`
    case 'recommendation': return html`
      ${select({ id: 'to', label: 'To', placeholder: 'Choose who it is to', value: typed.to, error: errors.to, items: people })}
      ${field({ id: 'text', label: 'The recommendation', rows: 4, value: typed.text, error: errors.text })}`
    case 'note': return reason('Why it is noted')
    case 'variation': return html`${action()}${dateInput({ id: 'due', legend: 'New due date', hint: 'After the day of the meeting. The original due date stays beside it.', value: typed.due, error: errors.due })}${reason('Why the date changes')}`
    case 'drop': return html`${action()}${reason('Why it is dropped')}`
    default: return html`
      ${select({ id: 'review', label: 'Review', placeholder: 'Choose a review', value: typed.review, error: errors.review, items: reviews.filter(r => !r.report).map(r => ({ value: r.id, text: r.id + ' of ' + r.body })) })}
      ${[0, 1].map(i => html`<h3 class="govuk-heading-s">Recommendation ${i + 1}${i > 0 ? ' (optional)' : ''}</h3>
        ${field({ id: 'rec-' + i + '-id', label: 'Short id', width: '20', spellcheck: false, value: typed['rec-' + i + '-id'], error: errors['rec-' + i + '-id'] })}
        ${select({ id: 'rec-' + i + '-finding', label: 'The finding it comes from', placeholder: 'Choose a finding', value: typed['rec-' + i + '-finding'], error: errors['rec-' + i + '-finding'], items: reviews.flatMap(r => r.findings.map(f => ({ value: f.id, text: r.id + ', ' + f.id + ': ' + f.text }))) })}
        ${select({ id: 'rec-' + i + '-to', label: 'To', placeholder: 'Choose who it is to', value: typed['rec-' + i + '-to'], error: errors['rec-' + i + '-to'], items: people })}
        ${field({ id: 'rec-' + i + '-text', label: 'The recommendation', rows: 3, value: typed['rec-' + i + '-text'], error: errors['rec-' + i + '-text'] })}`)}`
  }
}

function termsOf (kind, values) {
  return withoutBlanks(termsAsTyped(kind, values))
}

function termsAsTyped (kind, values) {
  const text = name => String(values[name] ?? '').trim()
  switch (kind) {
    case 'action': return { kind: 'ACTION', owner: values.owner, due: isoDay(values.due), criterion: text('criterion') }
    case 'recommendation': return { kind: 'RECOMMENDATION', to: values.to, text: text('text') }
    case 'note': return { kind: 'NOTED', reason: text('reason') }
    case 'variation': return { kind: 'VARIATION', action: values.action, due: isoDay(values.due), reason: text('reason') }
    case 'drop': return { kind: 'DROP', action: values.action, reason: text('reason') }
    default: return {
      kind: 'REPORT',
      review: values.review,
      recommendations: [0, 1].filter(i => text('rec-' + i + '-id') || text('rec-' + i + '-text'))
        .map(i => withoutBlanks({ id: text('rec-' + i + '-id'), finding: values['rec-' + i + '-finding'], to: values['rec-' + i + '-to'], text: text('rec-' + i + '-text') }))
    }
  }
}

/** What an item may be about: the register's indicators, and the organisations the body's members work for. */
function aboutChoices (register, body) {
  const organisations = [...new Set(body.members.map(m => m.organisation).filter(Boolean))].sort()
  return [...register.indicators.map(i => ({ value: i.id, text: i.reference + ': ' + i.title })),
    ...organisations.map(o => ({ value: o, text: 'The organisation ' + o }))]
}

function decideForm (page, typed, errors, quorum) {
  const { register, meeting, kind } = page
  const body = meeting.of
  const registerId = register.registerId
  const here = meetingPath(registerId, body.id, meeting.date)
  showFormPage({ title: KINDS[kind].title, caption: body.name + ', ' + longDate(meeting.date), errors, crumbs: governanceCrumbs(registerId).concat([[longDate(meeting.date), here]]) }, form({
    id: 'decide-form',
    buttons: [{ text: 'Check the quorum', value: 'check', secondary: true }, { text: 'Record the decision', value: 'record' }],
    cancel: { href: here, text: 'Back to the meeting' },
    content: html`
      ${field({ id: 'id', label: 'Short id of the decision', width: '20', spellcheck: false, hint: 'Unique in the register, like ' + body.id + '-' + meeting.date + '-01', value: typed.id, error: errors.id })}
      ${field({ id: 'item', label: 'Item', hint: 'The agenda item\'s title', value: typed.item, error: errors.item })}
      ${select({ id: 'about', label: 'What the item is about (optional)', placeholder: 'Nothing in particular', value: typed.about, error: errors.about, items: aboutChoices(register, body) })}
      ${checkboxes({
        id: 'declared', legend: 'Members who declared an interest and withdrew', values: typed.declared, error: errors.declared,
        hint: 'They are counted out of this item. So is a member who works for the organisation it is about, even without declaring.',
        items: meeting.quorum.voting.map(p => ({ value: p, text: personName(register, p) }))
      })}
      ${quorum ? insetText(html`<strong>Quorum for this item:</strong> ${quorumInWords(register, quorum)}`, { id: 'quorum-preview' }) : ''}
      ${radios({
        id: 'exempt', legend: 'Is it exempt from publication?', value: typed.exempt ?? '', error: errors.exempt,
        hint: 'The public then sees only its body, meeting and kind.',
        items: [{ value: '', text: 'No, it is published the next working day' }, { value: 'PERSONAL', text: 'Yes: personal information' },
          { value: 'COMMERCIAL', text: 'Yes: commercially sensitive' }, { value: 'LEGAL', text: 'Yes: legal advice' }]
      })}
      ${termsFields(page, typed, errors)}`
  }))
  // The item's quorum as the API will count it, from what is ticked and chosen now.
  const quorumOf = values => api(here + '/quorum?' + new URLSearchParams({
    declared: (values.declared ?? []).join(','), ...(values.about ? { about: values.about } : {})
  }))
  whenSubmitted('decide-form', {
    fields: decisionField,
    send: (values, action) => {
      if (action === 'check') {
        return quorumOf(values).then(counted => ({ counted }))
      }
      return atItsField(() => api(governancePath(registerId) + '/decisions', 'POST', JSON.stringify({
        id: values.id.trim(), body: body.id, item: values.item.trim(), ...(values.about ? { about: values.about } : {}),
        declared: values.declared ?? [], ...(values.exempt ? { exempt: values.exempt } : {}), terms: termsOf(kind, values)
      }), page.key), refusalsAt(kind))
    },
    // Refused as inquorate: the count is shown beside the interests, so the clerk sees who was counted out.
    refused: async (values, found) => decideForm(page, values, found, found.declared ? await quorumOf(values) : null),
    done: (answer, values) => {
      if (answer.counted) {
        return decideForm(page, values, {}, answer.counted)
      }
      history.pushState(null, '', here)
      return meetingPage({ registerId, bodyId: body.id, date: meeting.date }, 'Decision ' + answer.id + ' is recorded.')
    }
  })
}
