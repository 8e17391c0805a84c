// A round's own page: its stages as a GOV.UK task list, each with its state and who acts next, what
// the signed-in person can do now, and the manager's step that moves the round on.
import { api, show } from '/common.js'
import { html, insetText, summaryList, taskList, tag, money, longDate, banner, errorSummary, titleWith, form, whenSubmitted } from '/components/index.js'
import { roundPath, has, person, issueTitle, lines, optional } from './parts.js'
import { budgetPath } from '../budgets/budget.js'

/** The stages in order: what happens, who does it, and who acts while it is the round's stage. */
const STAGES = [
  { stage: 'VOTING', title: 'Vote with dots', who: 'Board members vote with dots; then the programme manager closes voting' },
  { stage: 'SPECIFYING', title: 'Write the specifications and name the panels', who: 'Sub-groups write a specification each; the programme manager names the panels and publishes' },
  { stage: 'PROPOSING', title: 'Take proposals', who: 'Lead organisations send proposals until the closing date; then the programme manager closes proposals' },
  { stage: 'SCORING', title: 'Score and moderate the proposals', who: 'Panel members declare their interests and score; the programme manager then works out the awards' },
  { stage: 'DECIDED', title: 'Check the awards and publish them', who: 'The programme manager checks the awards, overrides any with a reason, and publishes' },
  { stage: 'PUBLISHED', title: 'Accept the contracts', who: 'Each lead organisation accepts its contract; finance pays the instalments' }
]

/** The manager's step that ends each stage, and what is said once it is done. */
const NEXT = {
  VOTING: { path: 'close-voting', button: 'Close voting and select the priorities', done: 'Voting is closed and the priorities are selected.' },
  PROPOSING: { path: 'close-proposals', button: 'Close proposals', done: 'Proposals are closed: the panels can score them.' },
  SCORING: { path: 'decide', button: 'Work out the awards', done: 'The awards are worked out: check them before you publish them.' }
}

/** Where a stage's work is done, for whoever signed in may do or see it; nothing before it starts. */
function stageLink (roundId, stage, current) {
  const base = roundPath(roundId)
  const manager = has('programme-manager')
  const links = {
    VOTING: has('board-member') && current === 'VOTING' ? base + '/vote' : current !== 'VOTING' && (manager || has('auditor') || has('board-member') || has('sub-group')) ? base + '/tally' : null,
    SPECIFYING: has('sub-group') && current === 'SPECIFYING' ? base + '/specify' : manager ? base + '/panels' : null,
    PROPOSING: has('proposer') && current === 'PROPOSING' ? base + '/propose' : manager || has('auditor') || has('proposer') ? base + '/proposals' : null,
    SCORING: has('panel-member') ? base + '/declare' : manager || has('auditor') ? base + '/proposals' : null,
    DECIDED: manager || has('auditor') || (has('finance-officer') && current === 'PUBLISHED') ? base + '/decisions' : null,
    PUBLISHED: manager || has('auditor') || has('finance-officer') ? base + '/contracts' : has('proposer') ? base + '/proposals' : null
  }
  return links[stage]
}

function stageTasks (roundId, round) {
  const now = STAGES.findIndex(s => s.stage === round.stage)
  return STAGES.map((s, i) => ({
    title: s.title,
    href: i <= now ? stageLink(roundId, s.stage, round.stage) ?? undefined : undefined,
    hint: i === now ? 'Now: ' + s.who + '.' : s.who + '.',
    status: i < now ? 'DONE' : i === now ? (round.stage === 'PUBLISHED' ? 'PUBLISHED' : 'IN_PROGRESS') : { text: 'Cannot start yet' }
  }))
}

/** What the signed-in person can open in the round now, besides the task list (secondCall: the API's preview, or null). */
function yourLinks (roundId, round, secondCall) {
  const base = roundPath(roundId)
  const links = []
  const stage = round.stage
  if (has('board-member') && stage === 'VOTING') {
    links.push([base + '/vote', round.yourBallot ? 'Change your dots' : 'Place your dots'])
  }
  if (has('sub-group') && stage === 'SPECIFYING') {
    links.push([base + '/specify', 'Write your priority\'s specification'])
  }
  if (has('programme-manager') && stage === 'SPECIFYING') {
    links.push([base + '/specify', 'Write a specification'], [base + '/panels', 'Name the selection panels'],
      [base + '/publish', 'Publish the specifications'])
  }
  if (has('programme-manager') && ['PROPOSING', 'SCORING'].includes(stage)) {
    links.push([base + '/panels', 'The selection panels: add a member where one is needed'])
  }
  if (has('sub-group') && ['PROPOSING', 'SCORING'].includes(stage)) {
    links.push([base + '/panels/spec-' + encodeURIComponent(person(roundId)), 'Your specification\'s panel: add a member if it is needed'])
  }
  if (has('proposer') && stage === 'PROPOSING') {
    links.push([base + '/propose', 'Send a proposal'])
  }
  if (has('panel-member') && ['PROPOSING', 'SCORING'].includes(stage)) {
    links.push([base + '/declare', 'Declare your interests'])
  }
  if (stage !== 'VOTING' && stage !== 'SPECIFYING' && (has('programme-manager') || has('auditor') || has('proposer') || has('panel-member'))) {
    links.push([base + '/proposals', has('proposer') ? 'Your organisation\'s proposals' : 'Proposals'])
  }
  if (has('programme-manager') && ['SCORING', 'DECIDED'].includes(stage)) {
    links.push([base + '/late-interests', 'Record a late-declared interest'])
  }
  if (has('programme-manager') && stage === 'DECIDED') {
    links.push([base + '/decisions', 'Check the awards and publish them'])
  }
  if (stage === 'PUBLISHED' && (has('programme-manager') || has('auditor') || has('finance-officer'))) {
    links.push([base + '/decisions', 'Every decision'], [base + '/contracts', 'Contracts and finance files'])
  }
  if (has('programme-manager') || has('finance-officer') || has('auditor') || has('board-member')) {
    links.push([budgetPath(roundId), 'Budget: how much is left, and of which pot'])
  }
  if (secondCall?.status === 'READY') {
    links.push([base + '/second-call', 'Open a second call for the ' + secondCall.fund.annualAmountInWords + ' a year left'])
  } else if (secondCall?.status === 'ALREADY_OPEN') {
    links.push([roundPath(secondCall.roundId), 'The second call: ' + secondCall.fund.inWords])
  }
  if (has('programme-manager') || has('auditor')) {
    links.push([base + '/audit', 'Audit trail'])
  }
  if (round.closingDate) {
    links.push(['/public/rounds/' + encodeURIComponent(roundId), 'The public page of specifications'])
  }
  return lines(links.map(([href, text]) => html`<a class="govuk-link" href="${href}">${text}</a>`))
}

export async function roundPage (roundId, notice = null, errors = {}) {
  const round = await api(roundPath(roundId))
  const next = has('programme-manager') ? NEXT[round.stage] : null
  // What a second call would get: asked for a published round's manager only (the API says; nothing is computed here).
  const secondCall = has('programme-manager') && round.stage === 'PUBLISHED' ? await optional(roundPath(roundId) + '/second-call') : null
  show(titleWith(round.name, errors), html`
    ${errorSummary(errors)}
    ${notice ? banner({ heading: notice, success: true }) : ''}
    <span class="govuk-caption-l">Commissioning round</span>
    <h1 class="govuk-heading-l">${round.name}</h1>
    ${summaryList([
      ['Stage', tag(round.stage)],
      ['Fund', money(round.fund.annualAmount) + ' a year for ' + round.fund.years + ' years from ' + round.fund.firstYear],
      ['Priorities to select', round.priorityCount + ', by up to ' + round.dotsPerVoter + ' dots from each board member'],
      round.selected && ['Priorities selected', lines(round.selected.map(id => issueTitle(round, id)))],
      round.closingDate && ['Closing date for proposals', longDate(round.closingDate)],
      round.yourBallot && ['Your dots', lines(round.yourBallot.dots.map(id => issueTitle(round, id)))]
    ])}
    ${round.tieNote ? insetText(round.tieNote) : ''}
    <h2 class="govuk-heading-m">The round's stages</h2>
    ${taskList(stageTasks(roundId, round), { idPrefix: 'stages' })}
    ${next ? form({ id: 'next', submit: next.button, content: html`` }) : ''}
    <h2 class="govuk-heading-m">What you can do</h2>
    ${yourLinks(roundId, round, secondCall)}`,
  [['Home', '/']])
  if (next) {
    whenSubmitted('next', {
      send: () => api(roundPath(roundId) + '/' + next.path, 'POST'),
      refused: (values, found) => roundPage(roundId, null, found),
      done: () => roundPage(roundId, next.done)
    })
  }
}
