// A partnership's profile: each domain's score at the baseline and at the end (exact, from confirmed
// assessments only), its assessments and what each still waits for; the Project Champion confirms here.
import { api, html, show, hasRole, problem } from '/common.js'
import { table, tag, banner, dateTime, form, whenSubmitted, button } from '/components/index.js'
import { programmeName, programmePath, programmeCrumbs } from '../programmes/names.js'
import { partnershipPath, WAVES, KINDS, choiceInWords, scoreInWords } from './parts.js'

// The button only for the one the API says may press it (mayConfirm: the Project Champion); others are told who.
function confirming (mayConfirm, assessment, partnershipName) {
  const which = html`the assessment sent ${dateTime(assessment.submittedAt)} by ${assessment.submittedBy}`
  if (!mayConfirm) {
    return html`<p class="govuk-body" id="who-confirms">${partnershipName}'s Project Champion, as the programme document names them, is to confirm ${which}.</p>`
  }
  return form({ id: 'confirm-form', content: html`<p class="govuk-body">As the partnership's Project Champion, confirm ${which}.</p>`,
    buttons: [{ text: 'Confirm the assessment', id: 'confirm-assessment' }] })
}

export async function profilePage ({ programmeId, partnershipId }, notice = null) {
  const here = partnershipPath(programmeId, partnershipId)
  const [profile, listed, name] = await Promise.all([api(here + '/profile'), api(here + '/assessments'), programmeName(programmeId)])
  const awaiting = listed.assessments.filter(a => a.status === 'AWAITING_CHAMPION')
  const member = hasRole('partnership-member')
  show(profile.name + ': competency profile', html`
    ${notice ? banner({ heading: notice, success: true }) : ''}
    <span class="govuk-caption-l">${name}</span>
    <h1 class="govuk-heading-l">${profile.name}: competency profile</h1>
    <p class="govuk-body">Each domain's score is the mean of its statements' scores, from 1 to 4, in the latest confirmed assessment of each wave.</p>
    ${table({
      caption: 'Scores by domain',
      head: ['Domain', 'Baseline', 'End of the programme'],
      rows: profile.domains.map(domain => [domain.title, scoreInWords(domain.baseline), scoreInWords(domain.end)]),
      firstCellIsHeader: true
    })}
    ${member ? button({ text: 'Assess your partnership', href: here + '/assess', secondary: true }) : ''}
    ${button({ text: 'Book adviser time', href: programmePath(programmeId) + '/support/book?partnership=' + encodeURIComponent(partnershipId), secondary: true })}
    ${table({
      caption: 'Assessments',
      head: ['Sent', 'When', 'Kind', 'By', 'Status'],
      rows: listed.assessments.map(a => [dateTime(a.submittedAt), choiceInWords(WAVES, a.wave), choiceInWords(KINDS, a.kind), a.submittedBy, tag(a.status)])
    })}
    ${awaiting.length > 0 ? confirming(listed.mayConfirm, awaiting[0], profile.name) : ''}`, programmeCrumbs(programmeId, name, [profile.name, here + '/profile']))
  if (listed.mayConfirm && awaiting.length > 0) {
    whenSubmitted('confirm-form', {
      fields: {},
      send: () => api(here + '/assessments/' + encodeURIComponent(awaiting[0].assessmentId) + '/confirm', 'POST'),
      refused: (typed, problems) => problem('The assessment was not confirmed', Object.values(problems).flat().join(' ')),
      done: () => profilePage({ programmeId, partnershipId }, 'The assessment is confirmed.')
    })
  }
}
