// One partnership's grant in a run, and why.
import { api, html, show } from '/common.js'
import { summaryList, panel, inWords, money } from '/components/index.js'
import { programmeName, programmeCrumbs } from '../programmes/names.js'
import { runPath, runPagePath } from './rows.js'

export async function partnershipPage ({ programmeId, runId, partnershipId }) {
  const [row, name] = await Promise.all([
    api(runPath(programmeId, runId) + '/partnerships/' + encodeURIComponent(partnershipId)), programmeName(programmeId)])
  const funded = row.status === 'FUNDED'
  show(row.partnershipName, html`
    <span class="govuk-caption-l">${name}</span>
    <h1 class="govuk-heading-l">${row.partnershipName}</h1>
    ${panel({ title: funded ? 'Grant ' + money(row.finalGrantGbp) : 'No grant', confirmation: funded, headingLevel: 2 })}
    ${summaryList([
      ['Status', inWords(row.status)],
      ['Base grant', money(row.baseGrantGbp)],
      ['Share of redistributed funds', money(row.redistributionGbp)],
      ['Final grant', money(row.finalGrantGbp)],
      ['Adviser support days', row.supportDays]
    ])}
    <h2 class="govuk-heading-m">Why</h2>
    <p class="govuk-body grants-reason">${row.reason}</p>`,
  programmeCrumbs(programmeId, name, ['Allocation run', runPagePath(programmeId, runId)]))
}
