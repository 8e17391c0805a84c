// GOV.UK error summary: every problem on the page as a link to its field (GOV.UK Frontend moves
// focus to the summary when the page is drawn, and to the field when a link is followed).
import { html } from './html.js'

/**
 * errorSummary({ days: 'Enter the days in half-day steps, like 1.5', date: '...' }) — keys are the
 * fields' ids, in the order the fields are on the page (a value can be a list of sentences); or a
 * list [{ text, href }]. Nothing when empty.
 */
export function errorSummary (errors = {}) {
  const list = Array.isArray(errors)
    ? errors
    : Object.entries(errors ?? {}).flatMap(([id, text]) => [text].flat().map(sentence => ({ text: sentence, href: '#' + id })))
  if (list.length === 0) {
    return html``
  }
  return html`<div class="govuk-error-summary" data-module="govuk-error-summary"><div role="alert">
    <h2 class="govuk-error-summary__title">There is a problem</h2>
    <div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list">
      ${list.map(item => item.href ? html`<li><a href="${item.href}">${item.text}</a></li>` : html`<li>${item.text}</li>`)}
    </ul></div></div></div>`
}

/** A page's title when its form was refused: GOV.UK starts it with "Error: ". */
export function titleWith (title, errors) {
  const any = Array.isArray(errors) ? errors.length > 0 : Object.keys(errors ?? {}).length > 0
  return any ? 'Error: ' + title : title
}
