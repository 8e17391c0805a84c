// The rounds on the home page, setting a round up from its file, and the public call for proposals.
import { api, show, problem, ApiError } from '/common.js'
import { html, tag, money, longDate, summaryList, fileUpload, idInTheFileProblem, errorSummary, titleWith, form, whenSubmitted } from '/components/index.js'
import { roundPath, has, lines } from './parts.js'

/** The home page's list of rounds. */
export async function roundsList () {
  const { rounds } = await api('/rounds')
  return html`<h2 class="govuk-heading-m">Commissioning rounds</h2>
    ${rounds.length === 0
      ? html`<p class="govuk-body">No commissioning round has been set up yet.</p>`
      : lines(rounds.map(r => html`<a class="govuk-link" href="${roundPath(r.roundId)}">${r.name}</a> ${tag(r.stage)}`))}
    ${has('programme-manager') ? html`<p class="govuk-body"><a class="govuk-link" href="/rounds-new">Set up a commissioning round</a></p>` : ''}`
}

/** A file that is not JSON is refused at its field, as the API refuses a bad document. */
async function readSetUp (file) {
  if (!file) {
    throw new ApiError(400, { message: 'Choose a round set-up to load.', details: [{ field: 'file', problem: 'Choose the round\'s set-up, a .json file' }] })
  }
  try {
    return JSON.parse(await file.text())
  } catch {
    throw new ApiError(400, { message: 'The file is not a JSON document.', details: [{ field: 'file', problem: 'The file is not a JSON document' }] })
  }
}

export function setUpPage (values = {}, errors = {}) {
  show(titleWith('Set up a round', errors), html`
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
    ${errorSummary(errors)}
    <h1 class="govuk-heading-l">Set up a commissioning round</h1>
    <p class="govuk-body">Choose the round's set-up: the fund, the issues from the strategic plan with their evidence, the Strategic Board, the criteria, the organisations and the mailing list. Nothing is stored if it has any problem.</p>
    ${form({ id: 'set-up', submit: 'Set up the round', content: fileUpload({ id: 'file', label: 'Round set-up', hint: 'A .json file in the round document\'s form, without ballots, proposals or scores', accept: '.json,application/json', error: errors.file }) })}
    </div></div>`, [['Home', '/']])
  whenSubmitted('set-up', {
    fields: { file: 'file', roundId: { id: 'file', message: idInTheFileProblem('round', 'coventry-commissioning-2002') } },
    send: async v => {
      const setup = await readSetUp(v.file)
      return api(roundPath(setup.roundId || 'unnamed'), 'PUT', JSON.stringify(setup))
    },
    refused: (v, found) => setUpPage(v, found),
    done: answer => location.assign(roundPath(answer.roundId))
  })
}

/** The call for proposals, to anyone: no sign-in. */
export async function publicRoundPage (roundId) {
  const response = await fetch('/api/public/rounds/' + encodeURIComponent(roundId) + '/specifications')
  if (!response.ok) {
    return problem('Not published', 'This round has published no specifications yet.')
  }
  const page = await response.json()
  show(page.name, html`
    <span class="govuk-caption-l">Call for proposals</span>
    <h1 class="govuk-heading-l">${page.name}</h1>
    <p class="govuk-body-l">Proposals are invited until <strong>${longDate(page.closingDate)}</strong>.</p>
    ${page.specifications.map(s => html`<h2 class="govuk-heading-m">${s.title}</h2>
      ${summaryList([
        ['Outcome', s.outcome],
        ['In the strategic plan', s.strategicOutcome],
        ['Measured by', lines(s.indicators)],
        ['Maximum a year', money(s.maxAnnualAllocation)]
      ])}`)}
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
