// Board members' dots, and the dots once voting has closed.
import { api, show } from '/common.js'
import { html, table, tag, insetText, checkboxes, errorSummary, titleWith, form, whenSubmitted } from '/components/index.js'
import { evidenceInWords } from '/words.js'
import { roundPath, crumbs, person, lines } from './parts.js'
import { roundPage } from './round.js'

function issueHint (issue) {
  return html`${issue.strategicOutcome}. Residents' survey rank ${issue.surveyRank}.
    ${(issue.evidence ?? []).length === 0 ? '' : lines(issue.evidence.map(evidenceInWords))}`
}

export async function votePage (roundId, values = null, errors = {}) {
  const round = await api(roundPath(roundId))
  const chosen = values?.dots ?? (round.yourBallot ? round.yourBallot.dots : [])
  show(titleWith('Place your dots', errors), html`
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
    ${errorSummary(errors)}
    ${form({ id: 'vote', submit: 'Save my dots', content: checkboxes({
      id: 'dots',
      legend: 'Which issues matter most?',
      legendSize: 'l',
      isPageHeading: true,
      hint: 'Choose up to ' + round.dotsPerVoter + '. You can change your choice until the programme manager closes voting. Nobody sees the dots until then.',
      items: round.issues.map(issue => ({ value: issue.id, text: issue.title, hint: issueHint(issue) })),
      values: chosen,
      error: errors.dots
    }) })}
    </div></div>`, crumbs(roundId, round.name))
  whenSubmitted('vote', {
    fields: { dots: { id: 'dots', label: 'Your ballot' } },
    send: v => api(roundPath(roundId) + '/ballots/' + encodeURIComponent(person(roundId)), 'PUT', JSON.stringify({ dots: v.dots })),
    refused: (v, found) => votePage(roundId, v, found),
    done: (answer, v) => roundPage(roundId, v.dots.length === 1 ? 'Your dot is saved.' : 'Your ' + v.dots.length + ' dots are saved.')
  })
}

export async function tallyPage (roundId) {
  const tally = await api(roundPath(roundId) + '/tally')
  show('The dots', html`
    <h1 class="govuk-heading-l">The dots and the priorities selected</h1>
    ${insetText(tally.tieNote)}
    ${table({
      caption: 'Issues by rank',
      head: [{ text: 'Rank', numeric: true }, 'Issue', { text: 'Dots', numeric: true }, { text: 'Survey rank', numeric: true }, 'Selected'],
      rows: tally.issues.map(issue => [issue.rank, issue.title, issue.dots, issue.surveyRank,
        issue.selected ? tag('SELECTED') : 'No'])
    })}`, crumbs(roundId))
}
