// One agreement: its returns, milestones, outputs against the target to date (a chart and the same
// figures as a table), and instalments paid, held with every reason in words, or not yet due; with
// the links to what each person may do (the API decides whether they may).
import { show } from '/common.js'
import { html, table, tag, money, longDate, summaryList, chart, banner, warningText, button } from '/components/index.js'
import { agreementsCrumbs, agreementPath, returnPath, milestonePath, instalmentPath, readAgreement, returnTitle, dueInWords, instalmentHolds, lateness, lines, byOn, has, isManager, paysOut, isLeadContact, agreementKind } from './parts.js'

const link = (href, text, hidden) => html`<a class="govuk-link" href="${href}">${text}${hidden ? html`<span class="govuk-visually-hidden"> ${hidden}</span>` : ''}</a>`

function returnsTable (agreement) {
  return table({
    caption: 'Returns',
    head: ['Return', 'Due', 'Status', 'Submitted', 'Accepted'],
    rows: agreement.returns.map(r => [
      link(returnPath(agreement.id, r.key), returnTitle(r), ''),
      dueInWords(r).replace(/^Due /, ''),
      tag(r.state),
      r.submittedOn ? longDate(r.submittedOn) : '',
      r.acceptedOn ? longDate(r.acceptedOn) : ''])
  })
}

function milestoneActions (agreement, m) {
  if (m.state === 'ACHIEVED' || m.state === 'WAIVED' || agreement.terminated || isLeadContact()) {
    return ''
  }
  const path = milestonePath(agreement.id, m.key)
  return lines([
    has('officer') && link(path + '/achieve', 'Record as achieved', m.description),
    has('programme-manager', 'officer') && link(path + '/vary', 'Change the due date', 'of ' + m.description),
    isManager() && link(path + '/waive', 'Waive', m.description)
  ])
}

function milestoneOutcome (m) {
  if (m.achieved) {
    return 'Achieved, ' + byOn(m.achieved) + ': ' + m.achieved.evidence
  }
  if (m.waived) {
    return 'Waived, ' + byOn(m.waived) + ': ' + m.waived.reason
  }
  return ''
}

function milestonesTable (agreement) {
  if (agreement.milestones.length === 0) {
    return ''
  }
  return table({
    caption: 'Milestones',
    head: ['Milestone', 'Due', 'Status', 'Holds back', 'What happened', 'Actions'],
    rows: agreement.milestones.map(m => [m.description,
      longDate(m.due) + (m.originalDue !== m.due ? ' (first due ' + longDate(m.originalDue) + ')' : ''),
      tag(m.state),
      m.gates.length === 0 ? '' : 'Instalment ' + m.gates.join(', '),
      milestoneOutcome(m),
      milestoneActions(agreement, m)])
  })
}

/** Each measure's running total beside its target to date, from the last accepted return. */
function outputsSection (agreement) {
  const latest = agreement.outputs.filter(o => o.rows.length > 0).map(o => ({ measure: o.measure, row: o.rows[o.rows.length - 1] }))
  if (latest.length === 0) {
    return html`<h2 class="govuk-heading-m">Outputs</h2><p class="govuk-body">No return has been accepted yet, so no output counts yet.</p>`
  }
  return html`<h2 class="govuk-heading-m">Outputs against the target to date</h2>
    ${chart({
      id: 'outputs',
      title: 'Outputs so far against the target to date',
      description: 'For each measure, the outputs of the accepted returns so far beside the target to date. ' +
        latest.map(l => l.measure + ': ' + l.row.runningTotal + ' against ' + l.row.targetToDate).join('; ') + '.',
      labelHeading: 'Measure',
      valueHeading: 'Number',
      bars: latest.flatMap(l => [
        { label: l.measure + ': so far', value: String(l.row.runningTotal) },
        { label: l.measure + ': target to date', value: l.row.targetToDate, style: 'hatched' }]),
      key: [{ style: 'hatched', text: 'The target to date' }],
      format: figure => String(figure)
    })}
    ${table({
      caption: 'Each accepted return\'s outputs',
      head: ['Measure', 'Return', { text: 'This quarter', numeric: true }, { text: 'So far', numeric: true }, { text: 'Target to date', numeric: true }, { text: 'Of the target', numeric: true }],
      rows: agreement.outputs.flatMap(o => o.rows.map(row => [o.measure, returnTitle({ id: row.return }), String(row.value), String(row.runningTotal), row.targetToDate,
        row.percentOfTarget === null ? 'No target' : row.percentOfTarget + '%']))
    })}`
}

/** Why an instalment stands as it does, in words: paid on a day, every reason it is held, or when it is due. */
function instalmentWhy (agreement, i) {
  const parts = []
  if (i.paidOn) {
    parts.push('Paid on ' + longDate(i.paidOn) + (i.override ? ', by an override' : ''))
  }
  if (i.state !== 'PAID' && i.state !== 'CANCELLED') {
    // The last run held it for these; one not yet seen by a run would be held for them today.
    const holds = instalmentHolds(agreement, i)
    parts.push(...(i.state === 'HELD' ? holds : holds.map(sentence => sentence.replace(/^Held: /, 'A payment run today would hold it: '))))
  }
  if (i.state === 'NOT_DUE') {
    parts.push('Payable from ' + longDate(i.due))
  }
  if (i.overrideRequest) {
    parts.push('Override asked for by ' + byOn(i.overrideRequest) + ': ' + i.overrideRequest.reason + '. It needs a second person to approve it.')
  }
  if (i.override) {
    parts.push('Override approved by ' + i.override.approvedBy + ': paid at the next payment run.')
  }
  return parts.length === 0 ? '' : lines(parts)
}

function instalmentActions (agreement, i) {
  if (!paysOut() || i.state === 'PAID' || i.state === 'CANCELLED') {
    return ''
  }
  const path = instalmentPath(agreement.id, i.number)
  return lines([
    !i.manualHold && link(path + '/hold', 'Hold', 'instalment ' + i.number),
    i.manualHold && link(path + '/release', 'Release', 'instalment ' + i.number),
    i.state === 'HELD' && !i.overrideRequest && !i.override && link(path + '/override', 'Ask for an override', 'of instalment ' + i.number),
    i.overrideRequest && link(path + '/override/approve', 'Approve the override', 'of instalment ' + i.number)
  ])
}

function instalmentsTable (agreement) {
  return table({
    caption: 'Instalments',
    head: [{ text: 'Instalment', numeric: true }, 'Payable from', { text: 'Amount', numeric: true }, 'Status', 'Why', 'Actions'],
    rows: agreement.instalments.map(i => [String(i.number), longDate(i.due), money(i.amount), tag(i.state), instalmentWhy(agreement, i), instalmentActions(agreement, i)])
  })
}

/**
 * While the agreement is not accepted nothing is paid (the API holds it NOT_ACCEPTED): said to everyone. A lead
 * contact accepts a grant here; a contract is accepted on its round's contract page, and shows here once it is.
 */
function acceptanceSection (agreement) {
  if (agreement.accepted) {
    return ''
  }
  const kind = agreementKind(agreement.source)
  const waiting = warningText('Nothing can be paid until the lead organisation accepts this ' + kind + '.', { id: 'not-accepted' })
  if (!isLeadContact() || agreement.terminated) {
    return waiting
  }
  return agreement.source === 'GRANT'
    ? html`${waiting}${button({ text: 'Check and accept this grant', href: agreementPath(agreement.id) + '/accept' })}`
    : html`${waiting}<p class="govuk-body">A proposer of your organisation accepts the contract on its round's contract page. It shows here once accepted.</p>`
}

export async function agreementPage ({ agreementId }, notice = null) {
  const agreement = await readAgreement(agreementId)
  const outstanding = agreement.returns.filter(r => r.state === 'OVERDUE')
  show(agreement.title, html`
    ${notice ? banner({ heading: notice, success: true }) : ''}
    <span class="govuk-caption-l">${agreement.source === 'CONTRACT' ? 'Contract' : 'Grant'} with ${agreement.organisationName}</span>
    <h1 class="govuk-heading-l">${agreement.title}</h1>
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
    ${summaryList([
      ['Organisation', agreement.organisationName],
      // Its reference: what the payment file and finance's held list call it.
      ['Reference', agreement.id],
      ['Officer', agreement.officer || 'Not named yet'],
      ['In force', longDate(agreement.start) + ' to ' + longDate(agreement.end)],
      ['In all', money(agreement.total)],
      ['Acceptance', agreement.accepted ? 'Accepted by ' + byOn(agreement.accepted) : 'Not accepted yet'],
      ['As of', longDate(agreement.asOf)],
      outstanding.length > 0 && ['Overdue', outstanding.map(r => returnTitle(r) + ', ' + lateness(r.workingDaysLate)).join('; ')],
      agreement.terminated && ['Ended early', byOn(agreement.terminated) + ': ' + agreement.terminated.reason]
    ])}
    ${acceptanceSection(agreement)}
    ${lines([
      link(agreementPath(agreement.id) + '/reminders', 'The reminders sent and planned', ''),
      isManager() && !agreement.terminated && link(agreementPath(agreement.id) + '/officer', 'Name the officer', ''),
      isManager() && !agreement.terminated && link(agreementPath(agreement.id) + '/terminate', 'End this agreement early', '')
    ])}
    </div></div>
    ${returnsTable(agreement)}
    ${milestonesTable(agreement)}
    ${outputsSection(agreement)}
    ${instalmentsTable(agreement)}`, agreementsCrumbs())
}
