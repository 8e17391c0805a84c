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

/** What the scrolling region is called for a screen reader: the label given, else the caption's words. */
function regionName (label, caption, id) {
  if (label) {
    return label
  }
  const words = caption instanceof Html ? caption.text.replace(/<[^>]*>/g, '') : caption
  return words ? String(words).trim() : (id ? String(id).replace(/[-_]+/g, ' ') : 'Table')
}

/**
 * table({ caption, captionSize: 'm', head: ['Run', { text: 'Funded', numeric: true }],
 *         rows: [[link, '12'], { cells: [...], attributes: { 'data-name': 'x' } }], id, firstCellIsHeader,
 *         label: 'Partnerships' (names the scrolling region when there is no caption) })
 * The table sits in a region that scrolls sideways on a narrow screen, reachable by keyboard (tabindex 0)
 * and named, so nothing wider than a phone pushes the page out.
 */
export function table ({ caption, captionSize = 'm', head = [], rows = [], id, firstCellIsHeader = false, classes: extra, label }) {
  const columns = head.map(cellOf)
  return html`<div class="app-table-region" role="region" aria-label="${regionName(label, caption, id)}" tabindex="0"><table${attributes({ class: classes('govuk-table', extra), id })}>
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
    })}</tbody></table></div>`
}
