// The evaluator's hub: each wave's survey (set up, open, remind) with who has answered, and the way to
// the interview notes and the report.
import { api, show } from '/common.js'
import { html, table, form, whenSubmitted, panel, tag } from '/components/index.js'
import { programmeName } from '../programmes/names.js'
import { evaluationPath, surveyPath, evaluationCrumbs, WAVES } from './parts.js'

/** Set up a wave not set up yet; change one still a draft; an opened survey keeps its questions. */
function setUpLink (programmeId, wave, text, survey) {
  if (survey && survey.stateInWords !== 'Draft') {
    return ''
  }
  return html`<a class="govuk-link" href="${surveyPath(programmeId, wave)}">${survey ? 'Change' : 'Set up'}<span class="govuk-visually-hidden"> the ${text.toLowerCase()}</span></a>`
}

export async function evaluationPage ({ programmeId }, notice = null) {
  const [name, { surveys }] = await Promise.all([programmeName(programmeId), api(evaluationPath(programmeId) + '/surveys')])
  const byWave = new Map(surveys.map(survey => [survey.wave, survey]))
  const rows = await Promise.all(WAVES.map(async ({ wave, text }) => {
    const survey = byWave.get(wave) ? await api(surveyPath(programmeId, wave)) : null
    return [text,
      survey ? survey.title : 'Not set up',
      survey ? tag(survey.stateInWords.toUpperCase(), { text: survey.stateInWords }) : tag('DRAFT', { text: 'Not set up' }),
      survey ? survey.closingDateInWords : '',
      survey ? survey.answered + ' of ' + survey.invited : '',
      survey ? String(survey.remindersLeft) : '',
      setUpLink(programmeId, wave, text, survey)]
  }))
  const buttons = WAVES.flatMap(({ wave, text }) => {
    const survey = byWave.get(wave)
    if (!survey) {
      return []
    }
    if (survey.stateInWords === 'Draft') {
      return [{ text: 'Open the ' + text.toLowerCase() + ' and invite every contact', value: 'open:' + wave, id: 'open-' + wave }]
    }
    return survey.stateInWords === 'Open' && survey.remindersLeft > 0
      ? [{ text: 'Remind those who have not answered the ' + text.toLowerCase(), value: 'remind:' + wave, id: 'remind-' + wave, secondary: true }]
      : []
  })
  show('Evaluation', html`
    <span class="govuk-caption-l">${name}</span>
    <h1 class="govuk-heading-l">Evaluation</h1>
    ${notice ? panel({ title: notice.title, body: notice.body, headingLevel: 2 }) : ''}
    <p class="govuk-body">Every contact of every partnership is asked to answer an on-line survey at the start of the
      programme and again at its end, each through a link of their own that needs no account and works once.
      Two reminders go to those who have not answered; none after the closing date.</p>
    ${table({ caption: 'Surveys', captionSize: 'm', firstCellIsHeader: true,
      head: ['Wave', 'Title', 'State', 'Closing date', 'Answered of invited', 'Reminders left', ''], rows })}
    ${buttons.length > 0 ? form({ id: 'survey-actions', buttons, content: html`` }) : ''}
    <h2 class="govuk-heading-m">Interviews and the report</h2>
    <ul class="govuk-list">
      <li><a class="govuk-link" href="${evaluationPath(programmeId)}/interviews">Telephone interview notes</a></li>
      <li><a class="govuk-link" href="${evaluationPath(programmeId)}/report">The evaluation report</a></li>
    </ul>`, evaluationCrumbs(programmeId, name).slice(0, -1))
  if (buttons.length > 0) {
    whenSubmitted('survey-actions', {
      otherwise: 'survey-actions',
      send: (typed, action) => {
        const [what, wave] = action.split(':')
        return api(surveyPath(programmeId, wave) + (what === 'open' ? '/open' : '/reminders'), 'POST', '{}')
      },
      refused: (typed, found) => show('Evaluation', html`<p class="govuk-body">${Object.values(found).flat().join(' ')}</p>
        <p class="govuk-body"><a class="govuk-link" href="${evaluationPath(programmeId)}">Back to the evaluation</a></p>`),
      done: (sent, typed, action) => evaluationPage({ programmeId }, {
        title: action.startsWith('open') ? 'Survey opened' : 'Reminder sent',
        body: sent.emailed + (sent.emailed === 1 ? ' email' : ' emails') + ' sent' +
          (sent.suppressed > 0 ? ', ' + sent.suppressed + ' not sent to addresses that bounced or complained' : '')
      })
    })
  }
}
