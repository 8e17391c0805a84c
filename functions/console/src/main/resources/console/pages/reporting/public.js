// What the public sees of a register, without signing in (P9): the quarters a board meeting has
// reviewed, each figure as it stood the day before that meeting, its status in words, and its card.
import { show, problem } from '/common.js'
import { html, table, longDate } from '/components/index.js'
import { quarterInWords, statusTag, publicCardHref } from './parts.js'

export async function publicFiguresPage ({ registerId }) {
  const response = await fetch('/api/public/registers/' + encodeURIComponent(registerId) + '/figures')
  if (!response.ok) {
    return problem('Not found', 'There is no published register ' + registerId + '.')
  }
  const { figures } = await response.json()
  const quarters = [...new Set(figures.map(f => f.period))].sort().reverse()
  show('Performance figures', html`
    <span class="govuk-caption-l">${registerId}</span>
    <h1 class="govuk-heading-l">Performance figures</h1>
    <p class="govuk-body">The figures of each quarter the partnership's board has reviewed, as they stood the day before
      its meeting. Each status is worked out from the figures: the year to date against the target to date.</p>
    <p class="govuk-body"><a class="govuk-link" href="/public/registers/${encodeURIComponent(registerId)}/governance">What the board and its groups decided: decisions, actions and recommendations</a></p>
    ${quarters.length === 0
      ? html`<p class="govuk-body">No board meeting has reviewed a quarter yet, so no figure is published.</p>`
      : quarters.map(period => table({
        caption: quarterInWords(period),
        head: ['Indicator', { text: 'Figure', numeric: true }, { text: 'Target to date', numeric: true }, 'Status', 'Published', 'Report card'],
        rows: figures.filter(f => f.period === period).map(f => [
          f.reference,
          { text: f.value ?? 'None', numeric: true },
          { text: f.targetToDate ?? 'No target', numeric: true },
          statusTag(f.status, f.statusInWords),
          longDate(f.publishedOn),
          html`<a class="govuk-link" href="${publicCardHref(registerId, f.indicatorId, f.key)}">Report card<span class="govuk-visually-hidden"> of ${f.reference}, ${period}</span></a>`
        ])
      }))}`)
}
