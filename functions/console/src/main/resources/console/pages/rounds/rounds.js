// The pages of a commissioning round, stage by stage, for the people who take part: the manager,
// board members, sub-groups, proposers, panel members, finance and auditors. Every amount and score
// is shown as the API wrote it; nothing is computed here.
import { Html, html, pounds, show, ApiError, api, problem, summaryRow, errorSummary, claims, bindingIn } from '/common.js'
import { evidenceInWords } from '/words.js'

const STAGES = {
  VOTING: 'Board members are voting with dots',
  SPECIFYING: 'Sub-groups are writing specifications',
  PROPOSING: 'Proposals are invited',
  SCORING: 'Panels are scoring',
  DECIDED: 'Decided, not yet published',
  PUBLISHED: 'Decisions published'
}

const roundPath = roundId => '/rounds/' + encodeURIComponent(roundId)
const crumbs = (roundId, name) => [['Home', '/'], [name || roundId, roundPath(roundId)]]
const roles = () => claims()['cognito:groups'] || []
const has = role => roles().includes(role)
const person = roundId => bindingIn(roundId).personId
const organisation = roundId => bindingIn(roundId).organisationId

/** The home page's list of rounds. */
export async function roundsList () {
  const { rounds } = await api('/rounds')
  return html`<h2 class="govuk-heading-m">Commissioning rounds</h2>
    ${rounds.length === 0
      ? html`<p class="govuk-body">No commissioning round has been set up yet.</p>`
      : html`<ul class="govuk-list">${rounds.map(r => html`<li><a class="govuk-link" href="${roundPath(r.roundId)}">${r.name}</a> <span class="govuk-hint govuk-!-display-inline">(${STAGES[r.stage]})</span></li>`)}</ul>`}
    ${has('programme-manager') ? html`<p class="govuk-body"><a class="govuk-link" href="/rounds-new">Set up a commissioning round</a></p>` : ''}`
}

/** The page a path under /rounds names, or false. */
export function roundRoute (parts) {
  if (parts[0] === 'rounds-new' && parts.length === 1) {
    return setUpPage()
  }
  if (parts[0] !== 'rounds' || parts.length < 2) {
    return false
  }
  const [, roundId, page, id] = parts
  const pages = {
    undefined: () => roundPage(roundId),
    vote: () => votePage(roundId),
    tally: () => tallyPage(roundId),
    specify: () => specifyPage(roundId),
    propose: () => proposePage(roundId),
    declare: () => declarePage(roundId),
    proposals: () => id ? proposalPage(roundId, id) : proposalsPage(roundId),
    decisions: () => decisionsPage(roundId),
    contracts: () => contractsPage(roundId)
  }
  return (pages[page] || (() => problem('Page not found', 'There is no such page.')))()
}

/** A form's answer: shown again with every problem in the error summary, or the next page. */
async function send (path, method, body, retry, next) {
  try {
    const answer = await api(path, method, JSON.stringify(body))
    return next(answer)
  } catch (failure) {
    if (failure instanceof ApiError && (failure.status === 400 || failure.status === 409)) {
      return retry(failure)
    }
    throw failure
  }
}

/** The GOV.UK success banner: what the person just did has been done. */
function done (notice) {
  return html`<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" data-module="govuk-notification-banner">
    <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title">Done</h2></div>
    <div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">${notice}</p></div></div>`
}

function focusSummary (error) {
  if (error) {
    document.querySelector('.govuk-error-summary').focus()
  }
}

function textarea (id, label, hint, value = '', rows = 3) {
  return html`<div class="govuk-form-group"><label class="govuk-label govuk-label--s" for="${id}">${label}</label>
    ${hint ? html`<div class="govuk-hint" id="${id}-hint">${hint}</div>` : ''}
    <textarea class="govuk-textarea" id="${id}" name="${id}" rows="${rows}" ${hint ? new Html(`aria-describedby="${id}-hint"`) : ''}>${value}</textarea></div>`
}

function input (id, label, hint, value = '', type = 'text', width = '') {
  return html`<div class="govuk-form-group"><label class="govuk-label govuk-label--s" for="${id}">${label}</label>
    ${hint ? html`<div class="govuk-hint" id="${id}-hint">${hint}</div>` : ''}
    <input class="govuk-input ${width}" id="${id}" name="${id}" type="${type}" value="${value}" ${hint ? new Html(`aria-describedby="${id}-hint"`) : ''}></div>`
}

function lines (id) {
  return document.getElementById(id).value.split('\n').map(line => line.trim()).filter(Boolean)
}

// ---- the round ----

async function roundPage (roundId, notice = null, error = null) {
  const round = await api(roundPath(roundId))
  const base = roundPath(roundId)
  const links = []
  const actions = []
  if (has('programme-manager')) {
    const next = {
      VOTING: ['close-voting', 'Close voting and select the priorities'],
      PROPOSING: ['close-proposals', 'Close proposals (after the closing date)'],
      SCORING: ['decide', 'Work out the awards'],
      DECIDED: ['publish-decisions', 'Publish the decisions: letters, contracts and finance files']
    }[round.stage]
    if (next) {
      actions.push(html`<button type="button" class="govuk-button" data-module="govuk-button" data-action="${next[0]}">${next[1]}</button>`)
    }
    if (round.stage === 'SPECIFYING') {
      actions.push(html`${input('closingDate', 'Closing date for proposals', 'For example, 2027-01-31', '', 'text', 'govuk-input--width-10')}
        <button type="button" class="govuk-button" data-module="govuk-button" data-action="publish">Publish the specifications to the mailing list</button>
        <p class="govuk-body"><a class="govuk-link" href="${base}/specify">Write a specification</a></p>`)
    }
    if (round.stage === 'DECIDED') {
      links.push([base + '/decisions', 'See the awards and override a recommendation'])
    }
  }
  if (has('board-member') && round.stage === 'VOTING') {
    links.push([base + '/vote', round.yourBallot ? 'Change your dots' : 'Place your dots'])
  }
  if (round.stage !== 'VOTING' && (has('programme-manager') || has('auditor') || has('board-member') || has('sub-group'))) {
    links.push([base + '/tally', 'The dots and the priorities selected'])
  }
  if (has('sub-group') && round.stage === 'SPECIFYING') {
    links.push([base + '/specify', 'Write your priority\'s specification'])
  }
  if (has('proposer') && round.stage === 'PROPOSING') {
    links.push([base + '/propose', 'Send a proposal'])
  }
  if (has('panel-member') && ['PROPOSING', 'SCORING'].includes(round.stage)) {
    links.push([base + '/declare', 'Declare your interests'])
  }
  if (['PROPOSING', 'SCORING', 'DECIDED', 'PUBLISHED'].includes(round.stage) &&
      (has('programme-manager') || has('auditor') || has('proposer') || has('panel-member'))) {
    links.push([base + '/proposals', has('proposer') ? 'Your organisation\'s proposals' : 'Proposals'])
  }
  if (round.stage === 'PUBLISHED' && (has('programme-manager') || has('auditor') || has('finance-officer'))) {
    links.push([base + '/decisions', 'Every decision'], [base + '/contracts', 'Contracts and finance files'])
  }
  if (has('programme-manager') || has('auditor')) {
    links.push([base + '/audit', 'Audit trail'])
  }
  if (round.closingDate) {
    links.push(['/public/rounds/' + encodeURIComponent(roundId), 'The public page of specifications'])
  }
  show(round.name, html`
    ${error ? errorSummary(error, { closingDate: 'closingDate' }, 'closingDate') : ''}
    ${notice ? done(notice) : ''}
    <span class="govuk-caption-l">Commissioning round</span>
    <h1 class="govuk-heading-l">${round.name}</h1>
    <dl class="govuk-summary-list">
      ${summaryRow('Stage', STAGES[round.stage])}
      ${summaryRow('Fund', pounds(round.fund.annualAmount) + ' a year for ' + round.fund.years + ' years from ' + round.fund.firstYear)}
      ${summaryRow('Priorities to select', round.priorityCount + ', by up to ' + round.dotsPerVoter + ' dots from each board member')}
      ${round.selected ? summaryRow('Priorities selected', round.selected.join(', ')) : ''}
      ${round.closingDate ? summaryRow('Closing date for proposals', round.closingDate) : ''}
      ${round.yourBallot ? summaryRow('Your dots', round.yourBallot.dots.join(', ')) : ''}
    </dl>
    ${round.tieNote ? html`<div class="govuk-inset-text">${round.tieNote}</div>` : ''}
    ${actions}
    <ul class="govuk-list">${links.map(([href, label]) => html`<li><a class="govuk-link" href="${href}">${label}</a></li>`)}</ul>`,
  [['Home', '/']])
  focusSummary(error)
  document.querySelectorAll('[data-action]').forEach(button => button.addEventListener('click', () => {
    const action = button.dataset.action
    const body = action === 'publish' ? { closingDate: document.getElementById('closingDate').value.trim() } : undefined
    send(base + '/' + action, 'POST', body, failure => roundPage(roundId, null, failure),
      () => roundPage(roundId, button.textContent.trim() + ': done.'))
  }))
}

function setUpPage (error = null) {
  show(error ? 'Error: Set up a round' : 'Set up a round', html`
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
    ${error ? errorSummary(error) : ''}
    <h1 class="govuk-heading-l">Set up a commissioning round</h1>
    <p class="govuk-body">Choose the round's set-up (JSON): the fund, the issues from the strategic plan with their evidence, the Strategic Board, the criteria, the organisations and the mailing list. Nothing is stored if it has any problem.</p>
    <div class="govuk-form-group ${error ? 'govuk-form-group--error' : ''}">
      <label class="govuk-label" for="file">Round set-up</label>
      <div class="govuk-hint" id="file-hint">A .json file in the round document's form, without ballots, proposals or scores</div>
      <input class="govuk-file-upload" id="file" type="file" accept=".json,application/json" aria-describedby="file-hint">
    </div>
    <button type="button" class="govuk-button" data-module="govuk-button" id="set-up">Set up the round</button>
    </div></div>`, [['Home', '/']])
  focusSummary(error)
  document.getElementById('set-up').addEventListener('click', async () => {
    const file = document.getElementById('file').files[0]
    if (!file) {
      return setUpPage(new ApiError(400, { message: 'Choose a round set-up to load.', details: [{ field: 'file', problem: 'choose a file' }] }))
    }
    let setup
    try {
      setup = JSON.parse(await file.text())
    } catch {
      return setUpPage(new ApiError(400, { message: 'The file is not a JSON document.', details: [] }))
    }
    send(roundPath(setup.roundId || 'unnamed'), 'PUT', setup, setUpPage, () => location.assign(roundPath(setup.roundId)))
  })
}

// ---- voting ----

async function votePage (roundId, error = null, chosen = null) {
  const round = await api(roundPath(roundId))
  const mine = new Set(chosen ?? (round.yourBallot ? round.yourBallot.dots : []))
  show('Place your dots', html`
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
    ${error ? errorSummary(error, {}, 'issue-0') : ''}
    <div class="govuk-form-group">
    <fieldset class="govuk-fieldset" aria-describedby="dots-hint">
      <legend class="govuk-fieldset__legend govuk-fieldset__legend--l"><h1 class="govuk-fieldset__heading">Which issues matter most?</h1></legend>
      <div class="govuk-hint" id="dots-hint">Choose up to ${round.dotsPerVoter}. You can change your choice until the programme manager closes voting. Nobody sees the dots until then.</div>
      <div class="govuk-checkboxes" data-module="govuk-checkboxes">
      ${round.issues.map((issue, i) => html`<div class="govuk-checkboxes__item">
        <input class="govuk-checkboxes__input" id="issue-${i}" name="dots" type="checkbox" value="${issue.id}" aria-describedby="issue-${i}-hint" ${new Html(mine.has(issue.id) ? 'checked' : '')}>
        <label class="govuk-label govuk-checkboxes__label" for="issue-${i}">${issue.title}</label>
        <div class="govuk-hint govuk-checkboxes__hint" id="issue-${i}-hint">${issue.strategicOutcome}. Residents' survey rank ${issue.surveyRank}.
          ${(issue.evidence ?? []).length === 0 ? '' : html`<ul class="govuk-list govuk-list--bullet govuk-!-font-size-16 govuk-!-margin-top-1 govuk-!-margin-bottom-0 evidence">
            ${issue.evidence.map(evidence => html`<li>${evidenceInWords(evidence)}</li>`)}</ul>`}</div>
      </div>`)}
      </div>
    </fieldset></div>
    <button type="button" class="govuk-button" data-module="govuk-button" id="vote">Save my dots</button>
    </div></div>`, crumbs(roundId, round.name))
  focusSummary(error)
  document.getElementById('vote').addEventListener('click', () => {
    const dots = [...document.querySelectorAll('input[name=dots]:checked')].map(box => box.value)
    send(roundPath(roundId) + '/ballots/' + encodeURIComponent(person(roundId)), 'PUT', { dots },
      failure => votePage(roundId, failure, dots),
      () => roundPage(roundId, dots.length === 1 ? 'Your dot is saved.' : 'Your ' + dots.length + ' dots are saved.'))
  })
}

async function tallyPage (roundId) {
  const tally = await api(roundPath(roundId) + '/tally')
  show('The dots', html`
    <h1 class="govuk-heading-l">The dots and the priorities selected</h1>
    <div class="govuk-inset-text">${tally.tieNote}</div>
    <table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--m">Issues by rank</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row">
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">Rank</th>
        <th scope="col" class="govuk-table__header">Issue</th>
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">Dots</th>
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">Survey rank</th>
        <th scope="col" class="govuk-table__header">Selected</th></tr></thead>
      <tbody class="govuk-table__body">${tally.issues.map(issue => html`<tr class="govuk-table__row">
        <td class="govuk-table__cell govuk-table__cell--numeric">${issue.rank}</td>
        <td class="govuk-table__cell">${issue.title}</td>
        <td class="govuk-table__cell govuk-table__cell--numeric">${issue.dots}</td>
        <td class="govuk-table__cell govuk-table__cell--numeric">${issue.surveyRank}</td>
        <td class="govuk-table__cell">${issue.selected ? html`<strong class="govuk-tag govuk-tag--green">Selected</strong>` : 'No'}</td>
      </tr>`)}</tbody></table>`, crumbs(roundId))
}

// ---- specifying ----

async function specifyPage (roundId, error = null, draft = {}) {
  const round = await api(roundPath(roundId))
  const issue = has('sub-group') ? person(roundId) : (draft.issue || round.selected[0])
  const fields = { outcome: 'outcome', indicators: 'indicators', maxAnnualAllocation: 'maxAnnualAllocation', subGroup: 'subGroup' }
  show('Write a specification', html`
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
    ${error ? errorSummary(error, fields, 'outcome') : ''}
    <span class="govuk-caption-l">${round.name}</span>
    <h1 class="govuk-heading-l">Write the specification</h1>
    ${has('sub-group') ? html`<p class="govuk-body">For the priority <strong>${issue}</strong>.</p>`
      : html`<div class="govuk-form-group"><label class="govuk-label govuk-label--s" for="issue">Priority</label>
        <select class="govuk-select" id="issue">${round.selected.map(id => html`<option value="${id}" ${new Html(id === issue ? 'selected' : '')}>${id}</option>`)}</select></div>`}
    ${textarea('outcome', 'Outcome', 'What the activity will achieve for people, not how many attend', draft.outcome)}
    ${textarea('indicators', 'Indicators from the strategic plan', 'One on each line', (draft.indicators || []).join('\n'))}
    ${input('maxAnnualAllocation', 'Maximum allocation a year, in pounds', 'For example, 400000.00', draft.maxAnnualAllocation, 'text', 'govuk-input--width-10')}
    ${input('subGroup', 'Written by', 'The sub-group\'s name', draft.subGroup)}
    <button type="button" class="govuk-button" data-module="govuk-button" id="save">Save the specification</button>
    </div></div>`, crumbs(roundId, round.name))
  focusSummary(error)
  document.getElementById('save').addEventListener('click', () => {
    const chosen = has('sub-group') ? issue : document.getElementById('issue').value
    const body = {
      issue: chosen,
      outcome: document.getElementById('outcome').value.trim(),
      indicators: lines('indicators'),
      maxAnnualAllocation: document.getElementById('maxAnnualAllocation').value.trim(),
      subGroup: document.getElementById('subGroup').value.trim() || undefined
    }
    send(roundPath(roundId) + '/specifications/spec-' + encodeURIComponent(chosen), 'PUT', body,
      failure => specifyPage(roundId, failure, body), () => roundPage(roundId, 'The specification for ' + chosen + ' is saved.'))
  })
}

// ---- proposing ----

async function proposePage (roundId, error = null, draft = {}) {
  const round = await api(roundPath(roundId))
  const { specifications } = await api('/public/rounds/' + encodeURIComponent(roundId) + '/specifications')
  const lead = organisation(roundId)
  const others = round.organisations.filter(o => o.id !== lead)
  const publicBodies = round.organisations.filter(o => o.sector === 'PUBLIC')
  const fields = {
    id: 'id', title: 'title', specification: 'specification', partners: 'partner-0', annualAmount: 'annualAmount',
    evaluationPlan: 'evaluationPlan', sponsor: 'sponsor', 'sponsor.commitment': 'commitment', clientGroupSeats: 'clientGroupSeats',
    milestones: 'milestones', outputs: 'outputs'
  }
  round.crossCuttingThemes.forEach(theme => { fields['crossCutting.' + theme.id] = 'theme-' + theme.id })
  show('Send a proposal', html`
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
    ${error ? errorSummary(error, fields, 'title') : ''}
    <span class="govuk-caption-l">${round.name}, closing ${round.closingDate}</span>
    <h1 class="govuk-heading-l">Send a proposal</h1>
    <p class="govuk-body">Led by your organisation, ${lead}. You can change it until the closing date; the eligibility check runs each time you send it.</p>
    ${input('id', 'Reference', 'Lower-case letters, digits and hyphens, such as unemployment-pathways', draft.id)}
    ${input('title', 'Title', '', draft.title)}
    <div class="govuk-form-group"><label class="govuk-label govuk-label--s" for="specification">Specification</label>
      <select class="govuk-select" id="specification">${specifications.map(s => html`<option value="${s.id}" ${new Html(s.id === draft.specification ? 'selected' : '')}>${s.title}: up to ${pounds(s.maxAnnualAllocation)} a year</option>`)}</select></div>
    <div class="govuk-form-group"><fieldset class="govuk-fieldset" aria-describedby="partners-hint">
      <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Partners</legend>
      <div class="govuk-hint" id="partners-hint">Every activity is delivered through a partnership.</div>
      <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">${others.map((o, i) => html`<div class="govuk-checkboxes__item">
        <input class="govuk-checkboxes__input" id="partner-${i}" name="partners" type="checkbox" value="${o.id}" ${new Html((draft.partners || []).includes(o.id) ? 'checked' : '')}>
        <label class="govuk-label govuk-checkboxes__label" for="partner-${i}">${o.name}</label></div>`)}</div>
    </fieldset></div>
    ${input('annualAmount', 'Amount a year, in pounds', 'For example, 350000.00; no more than the specification\'s maximum', draft.annualAmount, 'text', 'govuk-input--width-10')}
    ${textarea('evaluationPlan', 'How the activity will be evaluated', '', draft.evaluationPlan)}
    <div class="govuk-form-group"><label class="govuk-label govuk-label--s" for="sponsor">Public sector sponsor</label>
      <div class="govuk-hint" id="sponsor-hint">Who will consider mainstream funding if the activity succeeds</div>
      <select class="govuk-select" id="sponsor" aria-describedby="sponsor-hint">${publicBodies.map(o => html`<option value="${o.id}" ${new Html(o.id === draft.sponsor?.organisation ? 'selected' : '')}>${o.name}</option>`)}</select></div>
    ${textarea('commitment', 'The sponsor\'s commitment', '', draft.sponsor?.commitment)}
    <div class="govuk-form-group"><div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes"><div class="govuk-checkboxes__item">
      <input class="govuk-checkboxes__input" id="clientGroupConsulted" type="checkbox" ${new Html(draft.clientGroupConsulted ? 'checked' : '')}>
      <label class="govuk-label govuk-checkboxes__label" for="clientGroupConsulted">The client group was consulted</label></div></div></div>
    ${input('clientGroupSeats', 'Client group seats on the steering group', '', draft.clientGroupSeats ?? '', 'text', 'govuk-input--width-3')}
    ${round.crossCuttingThemes.map(theme => textarea('theme-' + theme.id, theme.title, 'Every proposal says how it addresses this', draft.crossCutting?.[theme.id]))}
    ${textarea('milestones', 'Milestones', 'One on each line: the date, a space, then what is done by then. For example, 2027-09-30 Steering group in place', (draft.milestones || []).map(m => m.due + ' ' + m.description).join('\n'))}
    ${textarea('outputs', 'Outputs', 'One on each line: the measure, a colon, then the yearly target. For example, Residents taking part: 200', (draft.outputs || []).map(o => o.measure + ': ' + o.annualTarget).join('\n'))}
    <button type="button" class="govuk-button" data-module="govuk-button" id="send">Send the proposal</button>
    </div></div>`, crumbs(roundId, round.name))
  focusSummary(error)
  document.getElementById('send').addEventListener('click', () => {
    const crossCutting = {}
    round.crossCuttingThemes.forEach(theme => { crossCutting[theme.id] = document.getElementById('theme-' + theme.id).value.trim() })
    const seats = document.getElementById('clientGroupSeats').value.trim()
    const body = {
      id: document.getElementById('id').value.trim(),
      specification: document.getElementById('specification').value,
      title: document.getElementById('title').value.trim(),
      lead,
      partners: [...document.querySelectorAll('input[name=partners]:checked')].map(box => box.value),
      annualAmount: document.getElementById('annualAmount').value.trim(),
      evaluationPlan: document.getElementById('evaluationPlan').value.trim() || undefined,
      sponsor: { organisation: document.getElementById('sponsor').value, commitment: document.getElementById('commitment').value.trim() || undefined },
      clientGroupConsulted: document.getElementById('clientGroupConsulted').checked,
      clientGroupSeats: /^\d+$/.test(seats) ? Number(seats) : seats,
      crossCutting,
      milestones: lines('milestones').map(line => ({ due: line.split(' ')[0], description: line.substring(line.indexOf(' ') + 1) })),
      outputs: lines('outputs').map(line => {
        const target = line.substring(line.lastIndexOf(':') + 1).trim()
        return { measure: line.substring(0, line.lastIndexOf(':')).trim(), annualTarget: /^\d+$/.test(target) ? Number(target) : target }
      })
    }
    send(roundPath(roundId) + '/proposals/' + encodeURIComponent(body.id || 'unnamed'), 'PUT', body,
      failure => proposePage(roundId, failure, body), () => location.assign(roundPath(roundId) + '/proposals/' + encodeURIComponent(body.id)))
  })
}

async function proposalsPage (roundId) {
  const { proposals } = await api(roundPath(roundId) + '/proposals')
  show('Proposals', html`
    <h1 class="govuk-heading-l">Proposals</h1>
    ${proposals.length === 0 ? html`<p class="govuk-body">There are no proposals you can see yet.${has('panel-member') ? ' Declare your interests first.' : ''}</p>`
      : html`<table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--m">${proposals.length} proposals</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row">
        <th scope="col" class="govuk-table__header">Proposal</th>
        <th scope="col" class="govuk-table__header">Specification</th>
        <th scope="col" class="govuk-table__header">Lead</th>
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">A year</th>
        <th scope="col" class="govuk-table__header">Eligibility</th></tr></thead>
      <tbody class="govuk-table__body">${proposals.map(p => html`<tr class="govuk-table__row">
        <td class="govuk-table__cell"><a class="govuk-link" href="${roundPath(roundId)}/proposals/${encodeURIComponent(p.id)}">${p.title}</a></td>
        <td class="govuk-table__cell">${p.specification}</td>
        <td class="govuk-table__cell">${p.lead}</td>
        <td class="govuk-table__cell govuk-table__cell--numeric">${pounds(p.annualAmount)}</td>
        <td class="govuk-table__cell">${p.eligible ? 'Eligible' : html`<strong class="govuk-tag govuk-tag--red">Not eligible</strong>`}</td>
      </tr>`)}</tbody></table>`}`, crumbs(roundId))
}

async function proposalPage (roundId, proposalId, notice = null, error = null) {
  const base = roundPath(roundId)
  const [round, proposal] = await Promise.all([api(base), api(base + '/proposals/' + encodeURIComponent(proposalId))])
  const scores = await optional(base + '/proposals/' + encodeURIComponent(proposalId) + '/scores')
  const decision = await optional(base + '/proposals/' + encodeURIComponent(proposalId) + '/decision')
  const meetings = (has('programme-manager') || has('panel-member') || has('auditor'))
    ? (await api(base + '/meetings')).meetings.filter(m => m.proposal === proposalId) : []
  const scoring = has('panel-member') && round.stage === 'SCORING' && proposal.eligible && scores === null
  const fields = Object.fromEntries(round.criteria.map(c => ['criteria.' + c.id, 'criterion-' + c.id + '-0']))
  show(proposal.title, html`
    ${error ? errorSummary(error, Object.assign(fields, { at: 'meeting-at', minutes: 'meeting-minutes', note: 'meeting-note' }), scoring ? 'criterion-' + round.criteria[0].id + '-0' : 'meeting-at') : ''}
    ${notice ? done(notice) : ''}
    <span class="govuk-caption-l">${proposal.specification}</span>
    <h1 class="govuk-heading-l">${proposal.title}</h1>
    ${proposal.eligible
      ? html`<div class="govuk-inset-text">Eligible: it passes every condition of the gateway.</div>`
      : html`<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span>
        <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>Not eligible, so it will not be scored:</strong></div>
        <ul class="govuk-list govuk-list--bullet">${proposal.problems.map(p => html`<li>${p.why} (${p.field})</li>`)}</ul>`}
    ${decision ? html`<h2 class="govuk-heading-m">Decision</h2><dl class="govuk-summary-list">
      ${summaryRow('Status', decision.status)}
      ${decision.finalScore ? summaryRow('Final score', decision.finalScore) : ''}
      ${summaryRow('Award a year', pounds(decision.awardAnnual))}
      ${summaryRow('Why', decision.reason)}</dl>` : ''}
    <dl class="govuk-summary-list">
      ${summaryRow('Lead', proposal.lead)}
      ${summaryRow('Partners', proposal.partners.join(', '))}
      ${summaryRow('Amount a year', pounds(proposal.annualAmount))}
      ${summaryRow('Evaluation', proposal.evaluationPlan || '')}
      ${summaryRow('Sponsor', proposal.sponsor ? proposal.sponsor.organisation + ': ' + (proposal.sponsor.commitment || '') : '')}
      ${summaryRow('Client group', (proposal.clientGroupConsulted ? 'Consulted' : 'Not consulted') + ', ' + proposal.clientGroupSeats + ' seats on the steering group')}
      ${Object.entries(proposal.crossCutting).map(([theme, text]) => summaryRow('Cross-cutting: ' + theme, text))}
      ${summaryRow('Milestones', html`<ul class="govuk-list">${proposal.milestones.map(m => html`<li>${m.due}: ${m.description}</li>`)}</ul>`)}
      ${summaryRow('Outputs', html`<ul class="govuk-list">${proposal.outputs.map(o => html`<li>${o.measure}: ${o.annualTarget} a year</li>`)}</ul>`)}
    </dl>
    ${scoring ? html`<h2 class="govuk-heading-m">Your score</h2>
      <p class="govuk-body">Score each criterion from 0 to ${round.scoreScale}. You see the other members' scores once you have sent yours; it cannot be changed after.</p>
      ${round.criteria.map(c => html`<div class="govuk-form-group"><fieldset class="govuk-fieldset">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${c.title} (weight ${c.weight})</legend>
        <div class="govuk-radios govuk-radios--inline govuk-radios--small" data-module="govuk-radios">
        ${Array.from({ length: round.scoreScale + 1 }, (_, n) => html`<div class="govuk-radios__item">
          <input class="govuk-radios__input" id="criterion-${c.id}-${n}" name="criterion-${c.id}" type="radio" value="${n}">
          <label class="govuk-label govuk-radios__label" for="criterion-${c.id}-${n}">${n}</label></div>`)}
        </div></fieldset></div>`)}
      <button type="button" class="govuk-button" data-module="govuk-button" id="score">Send my score</button>` : ''}
    ${scores ? html`<h2 class="govuk-heading-m">The panel's scores</h2>
      <table class="govuk-table"><thead class="govuk-table__head"><tr class="govuk-table__row">
        <th scope="col" class="govuk-table__header">Member</th>
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">Score</th></tr></thead>
      <tbody class="govuk-table__body">${scores.scores.map(s => html`<tr class="govuk-table__row">
        <td class="govuk-table__cell">${s.member}</td><td class="govuk-table__cell govuk-table__cell--numeric">${s.score}</td></tr>`)}</tbody></table>` : ''}
    ${(has('programme-manager') || has('panel-member')) && round.stage === 'SCORING' ? html`<h2 class="govuk-heading-m">Meet the proposers</h2>
      ${meetings.length > 0 ? html`<ul class="govuk-list">${meetings.map(m => html`<li>${m.at}, ${m.minutes} minutes${m.note ? ': ' + m.note : ''}</li>`)}</ul>` : ''}
      ${input('meeting-at', 'When', 'For example, 2027-02-10T10:00', '', 'text', 'govuk-input--width-20')}
      ${input('meeting-minutes', 'Minutes', '', '90', 'text', 'govuk-input--width-3')}
      ${textarea('meeting-note', 'Note', 'What was asked or agreed')}
      <button type="button" class="govuk-button govuk-button--secondary" data-module="govuk-button" id="meet">Save the meeting</button>` : ''}`,
  crumbs(roundId, round.name).concat([['Proposals', base + '/proposals']]))
  focusSummary(error)
  document.getElementById('score')?.addEventListener('click', () => {
    const criteria = {}
    round.criteria.forEach(c => {
      const chosen = document.querySelector(`input[name="criterion-${c.id}"]:checked`)
      if (chosen) {
        criteria[c.id] = Number(chosen.value)
      }
    })
    send(base + '/proposals/' + encodeURIComponent(proposalId) + '/scores/' + encodeURIComponent(person(roundId)), 'PUT', { criteria },
      failure => proposalPage(roundId, proposalId, null, failure), answer => proposalPage(roundId, proposalId, 'Your score, ' + answer.score + ', is sent.'))
  })
  document.getElementById('meet')?.addEventListener('click', () => {
    const minutes = document.getElementById('meeting-minutes').value.trim()
    const body = {
      proposal: proposalId,
      at: document.getElementById('meeting-at').value.trim(),
      minutes: /^\d+$/.test(minutes) ? Number(minutes) : minutes,
      note: document.getElementById('meeting-note').value.trim() || undefined
    }
    send(base + '/meetings', 'POST', body, failure => proposalPage(roundId, proposalId, null, failure),
      () => proposalPage(roundId, proposalId, 'The meeting is saved.'))
  })
}

/** A read the caller may not be allowed yet (blind scores, an unpublished decision): null then. */
async function optional (path) {
  try {
    return await api(path)
  } catch (failure) {
    if (failure instanceof ApiError && [403, 404, 409].includes(failure.status)) {
      return null
    }
    throw failure
  }
}

// ---- the panels ----

async function declarePage (roundId, error = null) {
  const mine = await api(roundPath(roundId) + '/declarations/' + encodeURIComponent(person(roundId)))
  show('Declare your interests', html`
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
    ${error ? errorSummary(error, {}, 'interest-0') : ''}
    ${mine.declared
      ? html`<h1 class="govuk-heading-l">Your interests are declared</h1>
        <p class="govuk-body">${mine.interests.length === 0 ? 'You declared no interest.' : 'You declared an interest in ' + mine.interests.join(', ') + '.'}
        You will not see or score those, nor any your organisation leads or partners.</p>
        <p class="govuk-body"><a class="govuk-link" href="${roundPath(roundId)}/proposals">The proposals you score</a></p>`
      : html`<div class="govuk-form-group"><fieldset class="govuk-fieldset" aria-describedby="interests-hint">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--l"><h1 class="govuk-fieldset__heading">Do you have an interest in any of these proposals?</h1></legend>
        <div class="govuk-hint" id="interests-hint">You declare once, before you see any proposal. Those led or partnered by your own organisation are kept from you anyway.</div>
        <div class="govuk-checkboxes" data-module="govuk-checkboxes">${mine.proposals.map((p, i) => html`<div class="govuk-checkboxes__item">
          <input class="govuk-checkboxes__input" id="interest-${i}" name="interests" type="checkbox" value="${p.id}" aria-describedby="interest-${i}-hint">
          <label class="govuk-label govuk-checkboxes__label" for="interest-${i}">${p.title}</label>
          <div class="govuk-hint govuk-checkboxes__hint" id="interest-${i}-hint">Led by ${p.lead}, with ${p.partners.join(', ') || 'no partner'}</div></div>`)}</div>
        </fieldset></div>
        <button type="button" class="govuk-button" data-module="govuk-button" id="declare">Declare</button>`}
    </div></div>`, crumbs(roundId))
  focusSummary(error)
  document.getElementById('declare')?.addEventListener('click', () => {
    const interests = [...document.querySelectorAll('input[name=interests]:checked')].map(box => box.value)
    send(roundPath(roundId) + '/declarations/' + encodeURIComponent(person(roundId)), 'PUT', { interests },
      failure => declarePage(roundId, failure), () => declarePage(roundId))
  })
}

// ---- decisions and contracts ----

async function decisionsPage (roundId, notice = null, error = null) {
  const decided = await api(roundPath(roundId) + '/decisions')
  const overriding = has('programme-manager') && decided.stage === 'DECIDED'
  show('Decisions', html`
    ${error ? errorSummary(error, { reason: 'override-reason', decision: 'override-proposal' }, 'override-reason') : ''}
    ${notice ? done(notice) : ''}
    <h1 class="govuk-heading-l">${decided.stage === 'PUBLISHED' ? 'Decisions' : 'Awards worked out, not yet published'}</h1>
    <dl class="govuk-summary-list">
      ${summaryRow('Fund a year', pounds(decided.fund.annualAmount))}
      ${summaryRow('Awarded a year', pounds(decided.fund.awardedAnnual))}
      ${summaryRow('Unawarded a year', pounds(decided.fund.unawardedAnnual))}
      ${summaryRow('Contracts', decided.fund.contracts + ', ' + pounds(decided.fund.awardedTotal) + ' in all')}
    </dl>
    <table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--m">Each specification's maximum</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row">
        <th scope="col" class="govuk-table__header">Specification</th>
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">Maximum a year</th>
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">Awarded a year</th>
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">Left</th></tr></thead>
      <tbody class="govuk-table__body">${decided.specifications.map(s => html`<tr class="govuk-table__row">
        <td class="govuk-table__cell">${s.id}</td>
        <td class="govuk-table__cell govuk-table__cell--numeric">${pounds(s.maxAnnualAllocation)}</td>
        <td class="govuk-table__cell govuk-table__cell--numeric">${pounds(s.awardedAnnual)}</td>
        <td class="govuk-table__cell govuk-table__cell--numeric">${pounds(s.leftAnnual)}</td></tr>`)}</tbody></table>
    <table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--m">Every proposal</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row">
        <th scope="col" class="govuk-table__header">Proposal</th>
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">Final score</th>
        <th scope="col" class="govuk-table__header">Status</th>
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">Award a year</th>
        <th scope="col" class="govuk-table__header">Why</th></tr></thead>
      <tbody class="govuk-table__body">${decided.proposals.map(p => html`<tr class="govuk-table__row">
        <td class="govuk-table__cell"><a class="govuk-link" href="${roundPath(roundId)}/proposals/${encodeURIComponent(p.proposal)}">${p.proposal}</a></td>
        <td class="govuk-table__cell govuk-table__cell--numeric">${p.finalScore ?? ''}</td>
        <td class="govuk-table__cell">${p.status}</td>
        <td class="govuk-table__cell govuk-table__cell--numeric">${pounds(p.awardAnnual)}</td>
        <td class="govuk-table__cell">${p.reason}</td></tr>`)}</tbody></table>
    ${overriding ? html`<h2 class="govuk-heading-m">Override a recommendation</h2>
      <p class="govuk-body">Only with a reason, which the audit trail and the proposer's letter keep.</p>
      <div class="govuk-form-group"><label class="govuk-label govuk-label--s" for="override-proposal">Proposal</label>
        <select class="govuk-select" id="override-proposal">${decided.proposals.filter(p => ['AWARDED', 'NOT_FUNDED_NO_BUDGET', 'NOT_FUNDED_SCORE'].includes(p.status)).map(p => html`<option value="${p.proposal}">${p.proposal} (${p.status})</option>`)}</select></div>
      <div class="govuk-form-group"><label class="govuk-label govuk-label--s" for="override-decision">Decision</label>
        <select class="govuk-select" id="override-decision"><option value="AWARD">Award it in full</option><option value="DECLINE">Do not fund it</option></select></div>
      ${textarea('override-reason', 'Reason', '')}
      <button type="button" class="govuk-button govuk-button--warning" data-module="govuk-button" id="override">Override</button>` : ''}`,
  crumbs(roundId))
  focusSummary(error)
  document.getElementById('override')?.addEventListener('click', () => {
    const proposal = document.getElementById('override-proposal').value
    const body = { decision: document.getElementById('override-decision').value, reason: document.getElementById('override-reason').value.trim() }
    send(roundPath(roundId) + '/proposals/' + encodeURIComponent(proposal) + '/override', 'PUT', body,
      failure => decisionsPage(roundId, null, failure), answer => decisionsPage(roundId, proposal + ' is now ' + answer.status + '.'))
  })
}

async function contractsPage (roundId) {
  const { contracts, files } = await api(roundPath(roundId) + '/contracts')
  show('Contracts', html`
    <h1 class="govuk-heading-l">Contracts</h1>
    <table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--m">${contracts.length} contracts, four instalments a year in advance</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row">
        <th scope="col" class="govuk-table__header">Contract</th>
        <th scope="col" class="govuk-table__header">Lead organisation</th>
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">A year</th>
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">In all</th>
        <th scope="col" class="govuk-table__header">First instalment</th></tr></thead>
      <tbody class="govuk-table__body">${contracts.map(c => html`<tr class="govuk-table__row">
        <td class="govuk-table__cell">${c.id}</td>
        <td class="govuk-table__cell">${c.lead}</td>
        <td class="govuk-table__cell govuk-table__cell--numeric">${pounds(c.annualAmount)}</td>
        <td class="govuk-table__cell govuk-table__cell--numeric">${pounds(c.total)}</td>
        <td class="govuk-table__cell">${pounds(c.instalments[0].amount)} on ${c.instalments[0].due}</td></tr>`)}</tbody></table>
    ${contracts.map(c => html`<details class="govuk-details">
      <summary class="govuk-details__summary"><span class="govuk-details__summary-text">What ${c.lead} commits to in ${c.id}</span></summary>
      <div class="govuk-details__text">
        <h3 class="govuk-heading-s">Milestones</h3>
        <ul class="govuk-list">${c.milestones.map(m => html`<li>${m.due}: ${m.description}</li>`)}</ul>
        <h3 class="govuk-heading-s">Outputs</h3>
        <ul class="govuk-list">${c.outputs.map(o => html`<li>${o.measure}: ${o.annualTarget} a year</li>`)}</ul>
        <h3 class="govuk-heading-s">Cross-cutting commitments</h3>
        <ul class="govuk-list">${Object.entries(c.crossCuttingCommitments).map(([theme, text]) => html`<li>${theme}: ${text}</li>`)}</ul>
      </div></details>`)}
    <h2 class="govuk-heading-m">Files for finance</h2>
    <p class="govuk-body">Each link works for a limited time. The manifest lists every file's SHA-256.</p>
    <ul class="govuk-list">${Object.entries(files).map(([name, link]) => html`<li><a class="govuk-link" href="${link}" download="${name}">${name}</a></li>`)}</ul>`,
  crumbs(roundId))
}

// ---- the public page: no sign-in ----

export async function publicRoundPage (roundId) {
  const response = await fetch('/api/public/rounds/' + encodeURIComponent(roundId) + '/specifications')
  if (!response.ok) {
    return problem('Not published', 'This round has published no specifications yet.')
  }
  const page = await response.json()
  show(page.name, html`
    <span class="govuk-caption-l">Call for proposals</span>
    <h1 class="govuk-heading-l">${page.name}</h1>
    <p class="govuk-body-l">Proposals are invited until <strong>${page.closingDate}</strong>.</p>
    ${page.specifications.map(s => html`<h2 class="govuk-heading-m">${s.title}</h2>
      <dl class="govuk-summary-list">
        ${summaryRow('Outcome', s.outcome)}
        ${summaryRow('In the strategic plan', s.strategicOutcome)}
        ${summaryRow('Measured by', html`<ul class="govuk-list">${s.indicators.map(i => html`<li>${i}</li>`)}</ul>`)}
        ${summaryRow('Maximum a year', pounds(s.maxAnnualAllocation))}
      </dl>`)}
    <h2 class="govuk-heading-m">Every proposal must</h2>
    <ul class="govuk-list govuk-list--bullet">
      <li>be delivered through a partnership, led by one organisation responsible for finances, evaluation and partnership support</li>
      <li>show the client group was consulted and has seats on the steering group</li>
      <li>say how it will be evaluated</li>
      <li>have a public sector sponsor committed to consider mainstream funding if it succeeds</li>
      ${page.crossCuttingThemes.map(t => html`<li>address ${t.title}</li>`)}
      <li>set out key milestones and outputs</li>
    </ul>`)
}
