// GOV.UK summary list: key and value pairs, with an optional action (a link) on a row.
import { html, classes } from './html.js'

/**
 * summaryList([['Committed', dateTime(at)], { key: 'Name', value: 'Ann', action: { href: '/x', text: 'Change', hidden: 'name' } }])
 * Rows that are false, null or undefined are left out, so a row can be conditional.
 */
export function summaryList (rows, { noBorder = false } = {}) {
  const present = rows.filter(Boolean).map(row => Array.isArray(row) ? { key: row[0], value: row[1] } : row)
  const anyAction = present.some(row => row.action)
  return html`<dl class="${classes('govuk-summary-list', noBorder && 'govuk-summary-list--no-border')}">${present.map(row => html`
    <div class="${classes('govuk-summary-list__row', anyAction && !row.action && 'govuk-summary-list__row--no-actions')}">
      <dt class="govuk-summary-list__key">${row.key}</dt>
      <dd class="govuk-summary-list__value">${row.value}</dd>
      ${row.action ? html`<dd class="govuk-summary-list__actions"><a class="govuk-link" href="${row.action.href}">${row.action.text}${row.action.hidden ? html`<span class="govuk-visually-hidden"> ${row.action.hidden}</span>` : ''}</a></dd>` : ''}
    </div>`)}</dl>`
}
