// GOV.UK button outside a form (a form's own buttons are form's): a link that looks like a button,
// a button a page listens to, or the start button.
import { html, attributes, classes } from './html.js'

const START_ICON = html`<svg class="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false"><path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z"/></svg>`

/**
 * button({ text, href (a link), id, secondary, warning, start, hidden: ' the notice of Rugby' (said only to screen readers),
 *          data: { resend: 'rugby' } (data-* attributes), classes })
 */
export function button ({ text, href, id, secondary = false, warning = false, start = false, hidden, data = {}, classes: extra }) {
  const className = classes('govuk-button', secondary && 'govuk-button--secondary', warning && 'govuk-button--warning', start && 'govuk-button--start', extra)
  const dataAttributes = Object.fromEntries(Object.entries(data).map(([name, value]) => ['data-' + name, value]))
  const words = html`${text}${hidden ? html`<span class="govuk-visually-hidden">${hidden}</span>` : ''}${start ? START_ICON : ''}`
  return href
    ? html`<a${attributes({ href, id, class: className, role: 'button', draggable: 'false', 'data-module': 'govuk-button', ...dataAttributes })}>${words}</a>`
    : html`<button${attributes({ type: 'button', id, class: className, 'data-module': 'govuk-button', ...dataAttributes })}>${words}</button>`
}
