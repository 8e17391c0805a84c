// A partnership's representative assesses it against the competency framework: the wave, the kind,
// and for each statement a score from 1 to 4 with the evidence for it. Refused answers are marked at
// their field and everything typed is kept; once submitted, an assessment is kept as it was.
import { api, html, showFormPage } from '/common.js'
import { radios, field, form, whenSubmitted } from '/components/index.js'
import { programmeName } from '../programmes/names.js'
import { partnershipPath, frameworkPath, WAVES, KINDS, SCORES, assessmentCrumbs } from './parts.js'
import { profilePage } from './profile.js'

// One id per assessment being written, kept while the page is shown again after a refusal: sending
// it twice is then the same assessment, never a second one.
const drafts = new Map()

function statementsOf (framework) {
  return framework.domains.flatMap(domain => domain.statements.map(statement => ({ ...statement, domain: domain.title })))
}

/** The API's answers[i].score or .evidence → the page's score-i or evidence-i (the answers go in statement order). */
function fieldsOf (statements) {
  return apiField => {
    const at = /^answers\[(\d+)]\.(score|evidence|statement)$/.exec(apiField ?? '')
    if (at) {
      const i = Number(at[1])
      const statement = statements[i]?.text ?? 'This statement'
      return at[2] === 'evidence' ? { id: 'evidence-' + i, label: 'The evidence for “' + statement + '”' }
        : { id: 'score-' + i, label: 'The score for “' + statement + '”' }
    }
    if (apiField === 'wave') return { id: 'wave', label: 'When' }
    if (apiField === 'kind') return { id: 'kind', label: 'The kind of assessment' }
    return { id: 'score-0' }
  }
}

export async function assessPage ({ programmeId, partnershipId }, values = {}, errors = {}) {
  const key = programmeId + '/' + partnershipId
  if (!drafts.has(key)) {
    drafts.set(key, partnershipId + '-' + crypto.randomUUID())
  }
  const [framework, name] = await Promise.all([api(frameworkPath(programmeId)), programmeName(programmeId)])
  const statements = statementsOf(framework)
  const content = html`
    <p class="govuk-body">Score your partnership against each statement of the competency framework (version ${framework.version}), and say what shows it. Your Project Champion confirms the assessment once you have sent it.</p>
    ${radios({ id: 'wave', legend: 'When is this assessment?', items: WAVES, value: values.wave, error: errors.wave, legendSize: 'm' })}
    ${radios({ id: 'kind', legend: 'What kind of assessment is it?', items: KINDS, value: values.kind, error: errors.kind, legendSize: 'm' })}
    ${framework.domains.map(domain => html`<h2 class="govuk-heading-m">${domain.title}</h2>
      ${domain.statements.map(statement => {
        const i = statements.findIndex(s => s.id === statement.id)
        return html`${radios({ id: 'score-' + i, legend: statement.text, items: SCORES, inline: true, value: values['score-' + i], error: errors['score-' + i] })}
          ${field({ id: 'evidence-' + i, label: 'Evidence', hint: 'What shows this score, such as a document or minutes', rows: 3, value: values['evidence-' + i], error: errors['evidence-' + i] })}`
      })}`)}`
  showFormPage({ title: 'Assess your partnership', caption: name, errors, crumbs: assessmentCrumbs(programmeId, name, 'Profile', partnershipId) },
    form({ id: 'assess-form', content, buttons: [{ text: 'Send the assessment', id: 'send-assessment' }] }))
  whenSubmitted('assess-form', {
    check: typed => typed.wave && typed.kind ? {} : {
      ...(typed.wave ? {} : { wave: 'Choose when this assessment is: the baseline or the end of the programme' }),
      ...(typed.kind ? {} : { kind: 'Choose the kind of assessment' })
    },
    fields: fieldsOf(statements),
    send: typed => api(partnershipPath(programmeId, partnershipId) + '/assessments/' + drafts.get(key), 'PUT', JSON.stringify({
      wave: typed.wave,
      kind: typed.kind,
      answers: statements.map((statement, i) => ({ statement: statement.id, score: Number(typed['score-' + i] ?? 0), evidence: typed['evidence-' + i] ?? '' }))
    })),
    refused: (typed, problems) => assessPage({ programmeId, partnershipId }, typed, problems),
    done: () => {
      drafts.delete(key)
      history.pushState(null, '', partnershipPath(programmeId, partnershipId) + '/profile')
      return profilePage({ programmeId, partnershipId }, 'Your assessment is sent. Your Project Champion confirms it; it counts once confirmed.')
    }
  })
}
