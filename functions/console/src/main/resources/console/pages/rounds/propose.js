// A lead organisation's proposal, and the list of proposals each person may see.
import { api, show } from '/common.js'
import { html, table, tag, money, longDate, field, select, checkboxes, dateInput, isoDay, errorSummary, titleWith, form, whenSubmitted } from '/components/index.js'
import { roundPath, proposalPath, crumbs, has, organisation, organisationName, specificationTitle } from './parts.js'

/** The API's fields, and the page's, for every part of a proposal. */
function proposalFields (round) {
  const fields = {
    id: { id: 'id', label: 'Reference' },
    title: { id: 'title', label: 'Title' },
    specification: { id: 'specification', label: 'Specification' },
    partners: { id: 'partners', label: 'Partners' },
    annualAmount: { id: 'annualAmount', label: 'The amount a year', message: 'Enter the amount a year as an amount, like 350000.00' },
    evaluationPlan: { id: 'evaluationPlan', label: 'The evaluation plan' },
    sponsor: { id: 'sponsor', label: 'The sponsor', message: 'Choose the public sector sponsor' },
    'sponsor.organisation': { id: 'sponsor', label: 'The sponsor', message: 'Choose the public sector sponsor' },
    'sponsor.commitment': { id: 'commitment', label: 'The sponsor\'s commitment' },
    clientGroupConsulted: { id: 'clientGroupConsulted', label: 'The client group' },
    clientGroupSeats: { id: 'clientGroupSeats', label: 'Seats for the client group', message: 'Enter the client group\'s seats on the steering group as a whole number, like 2' },
    milestones: { id: 'milestone-1-due', label: 'Milestones' },
    outputs: { id: 'outputs', label: 'Outputs' }
  }
  round.crossCuttingThemes.forEach(theme => { fields['crossCutting.' + theme.id] = { id: 'theme-' + theme.id, label: theme.title } })
  for (let index = 0; index < MILESTONE_ROWS_AT_MOST; index++) {
    const n = index + 1
    fields['milestones[' + index + ']'] = { id: 'milestone-' + n + '-due', label: 'Milestone ' + n }
    fields['milestones[' + index + '].due'] = { id: 'milestone-' + n + '-due', label: 'The date of milestone ' + n }
    fields['milestones[' + index + '].description'] = { id: 'milestone-' + n + '-description', label: 'What is done by milestone ' + n }
  }
  return fields
}

const MILESTONE_ROWS_AT_MOST = 12

/** How many milestones the form offers: those typed so far and one more, at least three, or more when asked for. */
function milestoneRows (values) {
  let typed = (values.milestoneRows ?? 0) - 1
  for (let n = 1; n <= MILESTONE_ROWS_AT_MOST; n++) {
    if (isoDay(values['milestone-' + n + '-due']) !== '' || String(values['milestone-' + n + '-description'] ?? '').trim() !== '') {
      typed = n
    }
  }
  return Math.min(MILESTONE_ROWS_AT_MOST, Math.max(3, typed + 1))
}

/** Each milestone as a date (day, month and year) and what is done by then; rows left empty are not sent. */
function milestoneFields (values, errors) {
  return Array.from({ length: milestoneRows(values) }, (unused, index) => {
    const n = index + 1
    return html`<div class="app-milestone">
      ${dateInput({ id: 'milestone-' + n + '-due', legend: 'Milestone ' + n + ': by when', hint: n === 1 ? 'For example, 30 9 2027' : '', value: values['milestone-' + n + '-due'], error: errors['milestone-' + n + '-due'] })}
      ${field({ id: 'milestone-' + n + '-description', label: 'Milestone ' + n + ': what is done by then', hint: n === 1 ? 'For example, Steering group in place' : '', value: values['milestone-' + n + '-description'], error: errors['milestone-' + n + '-description'] })}
    </div>`
  })
}

function milestones (values) {
  const list = []
  for (let n = 1; n <= MILESTONE_ROWS_AT_MOST; n++) {
    const due = values['milestone-' + n + '-due'] === undefined ? '' : isoDay(values['milestone-' + n + '-due'])
    const description = String(values['milestone-' + n + '-description'] ?? '').trim()
    if (due !== '' || description !== '') {
      list.push({ due, description })
    }
  }
  return list
}

function outputs (text) {
  return text.split('\n').map(line => line.trim()).filter(Boolean).map(line => {
    const target = line.substring(line.lastIndexOf(':') + 1).trim()
    return { measure: line.substring(0, line.lastIndexOf(':')).trim(), annualTarget: /^\d+$/.test(target) ? Number(target) : target }
  })
}

export async function proposePage (roundId, values = {}, errors = {}) {
  const round = await api(roundPath(roundId))
  const { specifications } = await api('/public/rounds/' + encodeURIComponent(roundId) + '/specifications')
  const lead = organisation(roundId)
  show(titleWith('Send a proposal', errors), html`
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
    ${errorSummary(errors)}
    <span class="govuk-caption-l">${round.name}, closing ${longDate(round.closingDate)}</span>
    <h1 class="govuk-heading-l">Send a proposal</h1>
    <p class="govuk-body">Led by your organisation, ${organisationName(round, lead)}. You can change it until the closing date; the eligibility check runs each time you send it.</p>
    ${form({ id: 'propose', buttons: [{ text: 'Send the proposal', id: 'send' }, { text: 'Add another milestone', value: 'add-milestone', secondary: true }], content: html`
      ${field({ id: 'id', label: 'Reference', hint: 'Lower-case letters, digits and hyphens, such as unemployment-pathways', value: values.id, error: errors.id })}
      ${field({ id: 'title', label: 'Title', value: values.title, error: errors.title })}
      ${select({ id: 'specification', label: 'Specification', items: specifications.map(s => ({ value: s.id, text: s.title + ': up to ' + money(s.maxAnnualAllocation) + ' a year' })), value: values.specification, error: errors.specification })}
      ${checkboxes({ id: 'partners', legend: 'Partners', hint: 'Every activity is delivered through a partnership.', small: true, items: round.organisations.filter(o => o.id !== lead).map(o => ({ value: o.id, text: o.name })), values: values.partners, error: errors.partners })}
      ${field({ id: 'annualAmount', label: 'Amount a year', hint: 'For example, 350000.00; no more than the specification\'s maximum', prefix: '£', width: '10', inputmode: 'decimal', value: values.annualAmount, error: errors.annualAmount })}
      ${field({ id: 'evaluationPlan', label: 'How the activity will be evaluated', rows: 3, value: values.evaluationPlan, error: errors.evaluationPlan })}
      ${select({ id: 'sponsor', label: 'Public sector sponsor', hint: 'Who will consider mainstream funding if the activity succeeds', placeholder: 'Choose the sponsor', items: round.organisations.map(o => ({ value: o.id, text: o.name })), value: values.sponsor, error: errors.sponsor })}
      ${field({ id: 'commitment', label: 'The sponsor\'s commitment', rows: 3, value: values.commitment, error: errors.commitment })}
      ${checkboxes({ id: 'clientGroupConsulted', legend: 'The client group', small: true, items: [{ value: 'yes', text: 'The client group was consulted' }], values: values.clientGroupConsulted, error: errors.clientGroupConsulted })}
      ${field({ id: 'clientGroupSeats', label: 'Client group seats on the steering group', width: '3', inputmode: 'numeric', value: values.clientGroupSeats, error: errors.clientGroupSeats })}
      ${round.crossCuttingThemes.map(theme => field({ id: 'theme-' + theme.id, label: theme.title, hint: 'Every proposal says how it addresses this', rows: 3, value: values['theme-' + theme.id], error: errors['theme-' + theme.id] }))}
      <h2 class="govuk-heading-m">Milestones</h2>
      <p class="govuk-body">What will be done, and by when. Leave the milestones you do not need empty.</p>
      ${milestoneFields(values, errors)}
      ${field({ id: 'outputs', label: 'Outputs', hint: 'One on each line: the measure, a colon, then the yearly target. For example, Residents taking part: 200', rows: 3, value: values.outputs, error: errors.outputs })}` })}
    </div></div>`, crumbs(roundId, round.name))
  whenSubmitted('propose', {
    fields: proposalFields(round),
    send: (v, action) => {
      if (action === 'add-milestone') {
        return { addMilestone: true }
      }
      const seats = v.clientGroupSeats.trim()
      const crossCutting = Object.fromEntries(round.crossCuttingThemes.map(theme => [theme.id, v['theme-' + theme.id].trim()]))
      return api(proposalPath(roundId, v.id.trim() || 'unnamed'), 'PUT', JSON.stringify({
        id: v.id.trim(),
        specification: v.specification,
        title: v.title.trim(),
        lead,
        partners: v.partners,
        annualAmount: v.annualAmount.trim(),
        evaluationPlan: v.evaluationPlan.trim() || undefined,
        sponsor: { organisation: v.sponsor || undefined, commitment: v.commitment.trim() || undefined },
        clientGroupConsulted: v.clientGroupConsulted.includes('yes'),
        clientGroupSeats: /^\d+$/.test(seats) ? Number(seats) : seats,
        crossCutting,
        milestones: milestones(v),
        outputs: outputs(v.outputs)
      }))
    },
    refused: (v, found) => proposePage(roundId, v, found),
    done: (answer, v) => answer.addMilestone
      ? proposePage(roundId, { ...v, milestoneRows: milestoneRows(v) + 1 })
      : location.assign(proposalPath(roundId, answer.id))
  })
}

export async function proposalsPage (roundId) {
  const [round, { proposals }] = await Promise.all([api(roundPath(roundId)), api(roundPath(roundId) + '/proposals')])
  show('Proposals', html`
    <span class="govuk-caption-l">${round.name}</span>
    <h1 class="govuk-heading-l">Proposals</h1>
    ${proposals.length === 0
      ? html`<p class="govuk-body">There are no proposals you can see yet.${has('panel-member') ? ' Declare your interests first.' : ''}</p>`
      : table({
        caption: proposals.length + ' proposals',
        head: ['Proposal', 'Specification', 'Lead', { text: 'A year', numeric: true }, 'Eligibility'],
        rows: proposals.map(p => [
          html`<a class="govuk-link" href="${proposalPath(roundId, p.id)}">${p.title}</a>`,
          specificationTitle(round, p.specification), organisationName(round, p.lead), money(p.annualAmount),
          tag(p.eligible ? 'ELIGIBLE' : 'INELIGIBLE')])
      })}`, crumbs(roundId, round.name))
}
