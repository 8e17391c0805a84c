// The Steering Group's regional table: every assessed partnership's score in each domain, baseline
// and end, the region's mean per domain as a chart with its table, the seed's basis warnings, and a CSV.
import { api, html, show } from '/common.js'
import { table, chart, warningText, downloadLink } from '/components/index.js'
import { programmeName, programmeCrumbs } from '../programmes/names.js'
import { tablePath, partnershipPath, scoreInWords } from './parts.js'

export async function regionalTablePage ({ programmeId }) {
  const [answer, name] = await Promise.all([api(tablePath(programmeId)), programmeName(programmeId)])
  const charted = answer.domains.filter(domain => domain.regionalMean)
  show('Competency by partnership and domain', html`
    <span class="govuk-caption-l">${name}</span>
    <h1 class="govuk-heading-l">Competency by partnership and domain</h1>
    ${answer.warnings?.map(warning => warningText(warning)) ?? ''}
    ${charted.length > 0 ? chart({
      id: 'regional-means', title: 'The region\'s mean score by domain',
      description: 'The mean of each assessed partnership\'s latest score, out of 4: ' + charted.map(d => d.title + ' ' + d.regionalMean.words).join('; ') + '.',
      labelHeading: 'Domain', valueHeading: 'Mean score (of 4)',
      bars: charted.map(domain => ({ label: domain.title, value: domain.regionalMean.chartValue })),
      format: value => charted.find(d => d.regionalMean.chartValue === value)?.regionalMean.words ?? value
    }) : html`<p class="govuk-body">No partnership has a confirmed assessment yet.</p>`}
    ${table({
      caption: 'Scores by partnership (baseline → end, of 4)',
      head: ['Partnership', ...answer.domains.map(domain => domain.title)],
      rows: answer.partnerships.map(row => [
        html`<a class="govuk-link" href="${partnershipPath(programmeId, row.partnershipId)}/profile">${row.name}</a>`,
        ...row.domains.map(domain => scoreInWords(domain.baseline) + ' → ' + scoreInWords(domain.end))]),
      firstCellIsHeader: true
    })}
    <p class="govuk-body">${downloadLink({ path: tablePath(programmeId) + '?format=csv', name: programmeId + '-assessment-table.csv', text: 'Download the table as a CSV' })}</p>`,
  programmeCrumbs(programmeId, name, ['Competency table', tablePath(programmeId)]))
}
