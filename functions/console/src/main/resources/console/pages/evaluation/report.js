// The evaluation report: response rates per partnership and overall, each question asked in both waves
// compared over the partnerships that answered both (overall, by tier, by locality), the support each
// partnership received, the interview notes and the recommendations (which the evaluator writes here).
// Every figure is the API's own words: exact fractions and two-place decimals computed there.
import { api, html, showFormPage } from '/common.js'
import { table, field, form, whenSubmitted, downloadLink, insetText } from '/components/index.js'
import { programmeName } from '../programmes/names.js'
import { evaluationPath, evaluationCrumbs } from './parts.js'

const figure = ratio => ratio.decimal + ' (' + ratio.exact + ')'

function comparisons (caption, groups) {
  return table({ caption, captionSize: 's', firstCellIsHeader: true,
    head: ['Group', { text: 'Partnerships', numeric: true }, { text: 'Baseline', numeric: true }, { text: 'End', numeric: true }, { text: 'Change', numeric: true }],
    rows: groups.map(g => [g.group, { text: String(g.partnerships), numeric: true }, { text: figure(g.baseline), numeric: true },
      { text: figure(g.end), numeric: true }, { text: figure(g.change), numeric: true }]) })
}

export async function reportPage ({ programmeId }, typed = null, errors = {}) {
  const [name, report] = await Promise.all([programmeName(programmeId), api(evaluationPath(programmeId) + '/report')])
  const recommendations = typed === null ? (report.recommendations?.text ?? '') : typed.recommendations
  showFormPage({ title: 'Evaluation report', caption: name, errors, crumbs: evaluationCrumbs(programmeId, name) }, html`
    <h2 class="govuk-heading-m">Who answered</h2>
    <p class="govuk-body">Baseline: ${report.responseRates.baseline.inWords} of the contacts invited. End of programme:
      ${report.responseRates.end.inWords}.</p>
    ${table({ caption: 'Response rates by partnership', captionSize: 's', firstCellIsHeader: true,
      head: ['Partnership', 'Tier', 'Locality', 'Baseline', 'End of programme'],
      rows: report.partnerships.map(p => [p.name, p.tier, p.locality, p.baseline.inWords, p.end.inWords]) })}
    <h2 class="govuk-heading-m">Baseline against the end of the programme</h2>
    <p class="govuk-body">Each question asked in both waves, over the partnerships that answered it in both: each
      partnership's own mean first, then the mean of those. Exact fractions in brackets.</p>
    ${report.questions.length === 0
      ? html`<p class="govuk-body">No question has been answered in both waves yet.</p>`
      : report.questions.map(q => html`<h3 class="govuk-heading-s">${q.text}</h3>
        <p class="govuk-body">${q.sectionInWords}, ${q.kind === 'SCALE' ? 'on a scale of 1 to 5' : 'a number'}.</p>
        ${comparisons('Overall', [q.overall])}
        ${comparisons('By tier', q.byTier)}
        ${comparisons('By locality', q.byLocality)}`)}
    <h2 class="govuk-heading-m">Support received</h2>
    ${table({ caption: 'Support each partnership received', captionSize: 's', firstCellIsHeader: true,
      head: ['Partnership', { text: 'Adviser days delivered', numeric: true }, 'Workshops attended', 'Answered both waves'],
      rows: report.support.map(s => [s.name, { text: s.daysDelivered, numeric: true }, s.eventsAttendedInWords, s.answeredBothWaves ? 'Yes' : 'No']) })}
    <h2 class="govuk-heading-m">Telephone interviews</h2>
    ${report.interviews.length === 0
      ? html`<p class="govuk-body">No interview has been noted yet.</p>`
      : report.interviews.map(note => insetText(html`<p class="govuk-body"><strong>${note.interviewee}</strong>, ${note.onInWords}</p><p class="govuk-body">${note.notes}</p>`))}
    <h2 class="govuk-heading-m">Recommendations</h2>
    ${form({ id: 'recommendations-form', submit: 'Save the recommendations', content: html`
      ${field({ id: 'recommendations', label: "The evaluator's recommendations for improvement", rows: 8, value: recommendations, error: errors.recommendations })}` })}
    <h2 class="govuk-heading-m">Files</h2>
    <ul class="govuk-list"><li>${downloadLink({ path: evaluationPath(programmeId) + '/report.csv', name: programmeId + '-evaluation.csv', text: "Download the report's figures (evaluation.csv)" })}</li></ul>`)
  whenSubmitted('recommendations-form', {
    fields: { text: { id: 'recommendations', label: 'The recommendations' } },
    send: values => api(evaluationPath(programmeId) + '/recommendations', 'PUT', JSON.stringify({ text: values.recommendations })),
    refused: (values, found) => reportPage({ programmeId }, values, found),
    done: () => reportPage({ programmeId })
  })
}
