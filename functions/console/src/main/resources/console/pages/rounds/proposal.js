// One proposal: the gateway's verdict, its decision once published, and for its panel the blind
// score, the spread of the panel's scores and the moderation it may need; for the manager the
// meeting with its proposers, whom the API emails the invitation.
import { api, show } from '/common.js'
import { html, table, tag, insetText, warningText, money, longDate, summaryList, field, radios, checkboxes, dateInput, isoDay, banner, errorSummary, titleWith, form, whenSubmitted } from '/components/index.js'
import { roundPath, proposalPath, crumbs, has, person, organisationName, specificationTitle, meetingTime, lines, optional } from './parts.js'

function eligibility (proposal) {
  if (proposal.eligible) {
    return insetText('Eligible: it passes every condition of the gateway.')
  }
  return html`${warningText('Not eligible, so it will not be scored:')}
    ${html`<ul class="govuk-list govuk-list--bullet">${proposal.problems.map(p => html`<li>${p.why}</li>`)}</ul>`}`
}

function decisionSection (roundId, proposalId, decision) {
  if (!decision) {
    return ''
  }
  return html`<h2 class="govuk-heading-m">Decision</h2>
    ${summaryList([
      ['Status', tag(decision.status)],
      decision.finalScore && ['Final score', decision.finalScore],
      ['Award a year', money(decision.awardAnnual)],
      ['Why', html`<span class="grants-reason">${decision.reason}</span>`],
      decision.contract && ['Contract', html`<a class="govuk-link" href="${proposalPath(roundId, proposalId)}/contract">${decision.contract.accepted ? 'Your accepted contract' : 'Your contract: accept it'}</a>`]
    ])}`
}

function details (round, proposal) {
  const theme = id => round.crossCuttingThemes.find(t => t.id === id)?.title ?? id
  return summaryList([
    ['Lead', organisationName(round, proposal.lead)],
    ['Partners', proposal.partners.map(id => organisationName(round, id)).join(', ') || 'None'],
    ['Amount a year', money(proposal.annualAmount)],
    ['Evaluation', proposal.evaluationPlan || 'None given'],
    ['Sponsor', proposal.sponsor ? organisationName(round, proposal.sponsor.organisation) + ': ' + (proposal.sponsor.commitment || 'no commitment given') : 'None'],
    ['Client group', (proposal.clientGroupConsulted ? 'Consulted' : 'Not consulted') + ', ' + proposal.clientGroupSeats + ' seats on the steering group'],
    ...Object.entries(proposal.crossCutting).map(([id, text]) => [theme(id), text]),
    ['Milestones', lines(proposal.milestones.map(m => (/^\d{4}-\d{2}-\d{2}$/.test(m.due) ? longDate(m.due) : m.due) + ': ' + m.description))],
    ['Outputs', lines(proposal.outputs.map(o => o.measure + ': ' + o.annualTarget + ' a year'))]
  ])
}

/** The panel's scores once the caller may see them, how far apart they are, and the moderation (rule C8). */
function scoresSection (scores) {
  if (!scores) {
    return ''
  }
  const spread = scores.spread
  const moderation = scores.moderation
  return html`<h2 class="govuk-heading-m">The panel's scores</h2>
    ${table({ label: 'Scores', head: ['Member', { text: 'Score', numeric: true }], rows: scores.scores.map(s => [s.member, s.score]) })}
    ${spread ? summaryList([
      ['Lowest counted score', spread.lowest],
      ['Highest counted score', spread.highest],
      ['Apart by', spread.difference + (spread.needsModeration ? ', more than the ' + spread.allowed + ' allowed' : ', within the ' + spread.allowed + ' allowed')],
      ['Moderation', spread.needsModeration ? tag('NEEDS_MODERATION') : 'Not needed: the final score is the mean'],
      spread.needsModeration && ['Who may moderate', 'A member who scored it without a conflict: ' + spread.mayModerate.join(', ')]
    ]) : ''}
    ${moderation ? html`<h3 class="govuk-heading-s">The moderation</h3>${summaryList([
      ['Moderated score', moderation.score],
      ['Recorded by', moderation.by],
      ['Reason', moderation.reason],
      ['State', moderation.state === 'CONFIRMED' ? html`${tag('CONFIRMED')} by ${moderation.confirmedBy}` : tag('AWAITING_CONFIRMATION')]
    ])}` : ''}`
}

const MEETING_FIELDS = {
  at: { id: 'meeting', label: 'The date and time' },
  minutes: { id: 'meeting-minutes', label: 'How long' },
  place: { id: 'meeting-place', label: 'Where' },
  attendees: { id: 'attendees', label: 'Who attends' },
  note: { id: 'meeting-note', label: 'The note' }
}

function meetingSection (meetings, panel, values, errors) {
  return html`<h2 class="govuk-heading-m">Meet the proposers</h2>
    ${meetings.length > 0 ? lines(meetings.map(m => meetingTime(m.at) + ', ' + m.minutes + ' minutes' + (m.place ? ', at ' + m.place : '') + (m.note ? ': ' + m.note : ''))) : ''}
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
    ${form({ id: 'meet', submit: 'Invite the proposer', content: html`
      <p class="govuk-body">The lead organisation is emailed the invitation: when, where and who from the panel attends.</p>
      ${dateInput({ id: 'meeting', legend: 'Day', hint: 'For example, 10 2 2027', value: values.meeting, error: errors.meeting })}
      ${field({ id: 'meeting-time', label: 'Time', hint: 'On the 24-hour clock, like 10:00 or 14:30', width: '5', value: values['meeting-time'], error: errors['meeting-time'] })}
      ${field({ id: 'meeting-minutes', label: 'How long, in minutes', width: '3', inputmode: 'numeric', value: values['meeting-minutes'] ?? '90', error: errors['meeting-minutes'] })}
      ${field({ id: 'meeting-place', label: 'Where', value: values['meeting-place'], error: errors['meeting-place'] })}
      ${panel ? checkboxes({ id: 'attendees', legend: 'Who from the panel attends', small: true, items: panel.members.map(m => ({ value: m.id, text: m.name })), values: values.attendees, error: errors.attendees }) : ''}
      ${field({ id: 'meeting-note', label: 'Note for the panel', hint: 'What to ask, or what was agreed; the proposer does not see it', rows: 3, value: values['meeting-note'], error: errors['meeting-note'] })}` })}
    </div></div>`
}

export async function proposalPage (roundId, proposalId, notice = null, values = {}, errors = {}) {
  const base = roundPath(roundId)
  const path = proposalPath(roundId, proposalId)
  const [round, proposal] = await Promise.all([api(base), api(path)])
  const [scores, decision] = await Promise.all([optional(path + '/scores'), optional(path + '/decision')])
  const me = person(roundId)
  const staff = has('programme-manager') || has('auditor')
  const meetings = staff || has('panel-member') ? (await api(base + '/meetings')).meetings.filter(m => m.proposal === proposalId) : []
  const meeting = has('programme-manager') && round.stage === 'SCORING'
  const panel = meeting ? await optional(base + '/panels/' + encodeURIComponent(proposal.specification)) : null
  const scoring = has('panel-member') && round.stage === 'SCORING' && proposal.eligible && scores === null
  const spread = scores?.spread
  const moderation = scores?.moderation
  const moderating = has('panel-member') && spread?.needsModeration && !moderation && spread.mayModerate.includes(me)
  const confirming = moderation?.state === 'PENDING' && (has('programme-manager') || (has('panel-member') && moderation.by !== me && spread?.mayModerate.includes(me)))
  const scoreFields = Object.fromEntries(round.criteria.map(c => ['criteria.' + c.id, { id: 'criterion-' + c.id, label: c.title }]))
  show(titleWith(proposal.title, errors), html`
    ${errorSummary(errors)}
    ${notice ? banner({ heading: notice, success: true }) : ''}
    <span class="govuk-caption-l">${specificationTitle(round, proposal.specification)}</span>
    <h1 class="govuk-heading-l">${proposal.title}</h1>
    ${eligibility(proposal)}
    ${decisionSection(roundId, proposalId, decision)}
    ${has('proposer') ? html`<p class="govuk-body"><a class="govuk-link" href="${path}/meetings">Your meeting with the panel</a></p>` : ''}
    ${details(round, proposal)}
    ${scoring ? html`<h2 class="govuk-heading-m">Your score</h2>
      <p class="govuk-body">Score each criterion from 0 to ${round.scoreScale}. You see the other members' scores once you have sent yours; it cannot be changed after.</p>
      ${form({ id: 'score', submit: 'Send my score', content: round.criteria.map(c => radios({
        id: 'criterion-' + c.id, legend: c.title + ' (weight ' + c.weight + ')', inline: true, small: true,
        items: Array.from({ length: round.scoreScale + 1 }, (_, n) => ({ value: String(n), text: String(n) })),
        value: values['criterion-' + c.id], error: errors['criterion-' + c.id]
      })) })}` : ''}
    ${scoresSection(scores)}
    ${moderating ? html`<h3 class="govuk-heading-s">Record the panel's moderated score</h3>
      <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      ${form({ id: 'moderate', submit: 'Record the moderation', content: html`
        ${field({ id: 'moderation-score', label: 'The panel\'s agreed score', hint: 'A fraction of the maximum from 0 to 1, like 0.7000', width: '5', inputmode: 'decimal', value: values['moderation-score'], error: errors['moderation-score'] })}
        ${field({ id: 'moderation-reason', label: 'Why the panel agreed it', hint: 'The proposer\'s letter and the audit trail keep it', rows: 3, value: values['moderation-reason'], error: errors['moderation-reason'] })}` })}
      </div></div>` : ''}
    ${confirming ? form({ id: 'confirm', submit: 'Confirm the moderation', content: html`<p class="govuk-body">The moderated score counts only once the programme manager or a second member of the panel confirms it.</p>` }) : ''}
    ${meeting ? meetingSection(meetings, panel, values, errors) : ''}`,
  crumbs(roundId, round.name).concat([['Proposals', base + '/proposals']]))
  const again = (v, found) => proposalPage(roundId, proposalId, null, v, found)
  if (scoring) {
    whenSubmitted('score', {
      fields: scoreFields,
      send: v => api(path + '/scores/' + encodeURIComponent(me), 'PUT', JSON.stringify({
        criteria: Object.fromEntries(round.criteria.filter(c => v['criterion-' + c.id] !== undefined).map(c => [c.id, Number(v['criterion-' + c.id])]))
      })),
      refused: again,
      done: answer => proposalPage(roundId, proposalId, 'Your score, ' + answer.score + ', is sent.')
    })
  }
  if (moderating) {
    whenSubmitted('moderate', {
      fields: { score: { id: 'moderation-score', label: 'The agreed score' }, reason: { id: 'moderation-reason', label: 'The reason' } },
      send: v => api(path + '/moderation', 'PUT', JSON.stringify({ score: v['moderation-score'].trim(), by: me, reason: v['moderation-reason'].trim() })),
      refused: again,
      done: () => proposalPage(roundId, proposalId, 'Your moderation is recorded; it waits for confirmation by the programme manager or a second panel member.')
    })
  }
  if (confirming) {
    whenSubmitted('confirm', {
      send: () => api(path + '/moderation/confirm', 'POST'),
      refused: again,
      done: answer => proposalPage(roundId, proposalId, 'The moderation is confirmed: ' + answer.score + ' is the final score.')
    })
  }
  if (meeting) {
    whenSubmitted('meet', {
      fields: MEETING_FIELDS,
      send: v => {
        const minutes = v['meeting-minutes'].trim()
        const chosen = v.attendees ?? []
        return api(base + '/meetings', 'POST', JSON.stringify({
          proposal: proposalId,
          at: isoDay(v.meeting) + 'T' + v['meeting-time'].trim(),
          minutes: /^\d+$/.test(minutes) ? Number(minutes) : minutes,
          place: v['meeting-place'].trim() || undefined,
          attendees: panel ? panel.members.filter(m => chosen.includes(m.id)).map(m => m.name) : [],
          note: v['meeting-note'].trim() || undefined
        }))
      },
      refused: again,
      done: (answer, v) => proposalPage(roundId, proposalId, organisationName(round, proposal.lead) + ' is invited to meet the panel on ' + meetingTime(answer.meetings[0].at) + '.')
    })
  }
}
