// GOV.UK table. Cells are text (escaped), Html, or {text | html, numeric, classes}; a column marked
// numeric in the head is right-aligned in every row.
import { Html, html, attributes, classes } from './html.js'

/** A cell given as text or Html stands alone; one given as an object carries its options. */
function cellOf (cell) {
  const withOptions = cell !== null && typeof cell === 'object' && !(cell instanceof Html) && !Array.isArray(cell)
  return withOptions ? cell : { text: cell }
}

function content (cell) {
  return cell.html !== undefined ? cell.html : cell.text
}

/**
 * table({ caption, captionSize: 'm', head: ['Run', { text: 'Funded', numeric: true }],
 *         rows: [[link, '12'], { cells: [...], attributes: { 'data-name': 'x' } }], id, firstCellIsHeader })
 */
export function table ({ caption, captionSize = 'm', head = [], rows = [], id, firstCellIsHeader = false, classes: extra }) {
  const columns = head.map(cellOf)
  return html`<table${attributes({ class: classes('govuk-table', extra), id })}>
    ${caption ? html`<caption class="${classes('govuk-table__caption', captionSize && 'govuk-table__caption--' + captionSize)}">${caption}</caption>` : ''}
    ${columns.length > 0 ? html`<thead class="govuk-table__head"><tr class="govuk-table__row">${columns.map(column =>
      html`<th scope="col" class="${classes('govuk-table__header', column.numeric && 'govuk-table__header--numeric', column.classes)}">${content(column)}</th>`)}</tr></thead>` : ''}
    <tbody class="govuk-table__body">${rows.map(row => {
      const cells = Array.isArray(row) ? row : row.cells
      return html`<tr${attributes({ class: 'govuk-table__row', ...(Array.isArray(row) ? {} : row.attributes) })}>${cells.map((raw, i) => {
        const cell = cellOf(raw)
        const numeric = cell.numeric ?? columns[i]?.numeric
        return i === 0 && firstCellIsHeader
          ? html`<th scope="row" class="${classes('govuk-table__header', cell.classes)}">${content(cell)}</th>`
          : html`<td class="${classes('govuk-table__cell', numeric && 'govuk-table__cell--numeric', cell.classes)}">${content(cell)}</td>`
      })}</tr>`
    })}</tbody></table>`
}
