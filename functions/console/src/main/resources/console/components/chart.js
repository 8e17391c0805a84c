// A bar chart as GOV.UK's Analysis Function advises: horizontal bars drawn in SVG, each labelled
// directly with its name and figure, a second style told apart by hatching as well as colour, a text
// alternative, and a table of the same figures beside it. The figures are the API's strings: they are
// shown as written; the only arithmetic here turns them into pixel lengths of bars.
import { html, classes } from './html.js'
import { money } from './words.js'
import { table } from './table.js'

const WIDTH = 400
const LONGEST_BAR = 250
const ROW = 56
const COLOURS = { solid: '#1d70b8', hatched: '#d4351c', dotted: '#00703c' }

/** A figure's size for drawing only: never shown, never added up. */
function size (figure) {
  const drawn = Math.abs(Number(figure))
  return Number.isFinite(drawn) ? drawn : 0
}

function barLength (figure, largest) {
  return largest === 0 ? 0 : Math.round(LONGEST_BAR * size(figure) / largest)
}

/**
 * chart({ id: 'where-the-money-went', title: 'Where the money went', description: 'What the chart shows, in a sentence',
 *         labelHeading: 'Locality', valueHeading: 'Final grants',
 *         bars: [{ label: 'Coventry', value: '19600.00', style: 'solid' | 'hatched' | 'dotted', note: 'withdrawn' (said in the table) }],
 *         key: [{ style: 'hatched', text: 'Withdrawn' }], format: money })
 */
export function chart ({ id, title, description, labelHeading = 'Name', valueHeading = 'Amount', bars, key = [], format = money }) {
  const largest = Math.max(0, ...bars.map(bar => size(bar.value)))
  const height = bars.length * ROW + 8
  const hatch = id + '-hatched'
  const text = description || title + ': ' + bars.map(bar => bar.label + ' ' + format(bar.value)).join('; ') + '.'
  const picture = html`<svg class="app-chart__picture" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-labelledby="${id}-title ${id}-desc" focusable="false" xmlns="http://www.w3.org/2000/svg">
    <title id="${id}-title">${title}</title><desc id="${id}-desc">${text}</desc>
    <defs><pattern id="${hatch}" patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)">
      <rect width="8" height="8" fill="#ffffff"/><rect width="4" height="8" fill="${COLOURS.hatched}"/></pattern></defs>
    ${bars.map((bar, index) => {
      const top = index * ROW
      const length = barLength(bar.value, largest)
      const hatched = bar.style === 'hatched'
      const dotted = bar.style === 'dotted'
      return html`<g>
        <text x="0" y="${top + 18}" font-size="16" fill="#0b0c0c">${bar.label}</text>
        <rect x="0" y="${top + 26}" width="${length}" height="20" fill="${hatched ? 'url(#' + hatch + ')' : dotted ? '#ffffff' : COLOURS.solid}"
          stroke="${hatched ? COLOURS.hatched : dotted ? COLOURS.dotted : 'none'}" stroke-width="${dotted ? 4 : 2}" stroke-dasharray="${hatched ? '4 2' : dotted ? '2 3' : 'none'}"/>
        <text x="${length + 8}" y="${top + 42}" font-size="16" font-weight="bold" fill="#0b0c0c">${format(bar.value)}</text>
      </g>`
    })}</svg>`
  const legend = key.length === 0
    ? ''
    : html`<ul class="govuk-list app-chart__key">${key.map(entry => html`<li><span class="${classes('app-chart__swatch', 'app-chart__swatch--' + entry.style)}" aria-hidden="true"></span>${entry.text}</li>`)}</ul>`
  const figures = table({
    caption: 'The figures in the chart',
    captionSize: 's',
    head: [labelHeading, { text: valueHeading, numeric: true }],
    rows: bars.map(bar => [bar.note ? bar.label + ' (' + bar.note + ')' : bar.label, format(bar.value)])
  })
  return html`<div class="govuk-grid-row app-chart" id="${id}">
    <div class="govuk-grid-column-one-half"><figure class="app-chart__figure"><figcaption class="govuk-heading-s">${title}</figcaption>${legend}${picture}</figure></div>
    <div class="govuk-grid-column-one-half">${figures}</div></div>`
}
