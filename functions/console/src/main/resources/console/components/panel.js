// GOV.UK confirmation panel: what has just been done, at the top of the page after it.
import { html, classes } from './html.js'

/** panel({ title: 'Run committed', body: text or Html, confirmation: true, headingLevel: 1 }) */
export function panel ({ title, body, confirmation = true, headingLevel = 1 }) {
  const heading = headingLevel === 1
    ? html`<h1 class="govuk-panel__title">${title}</h1>`
    : html`<h2 class="govuk-panel__title">${title}</h2>`
  return html`<div class="${classes('govuk-panel', confirmation && 'govuk-panel--confirmation')}">${heading}
    ${body ? html`<div class="govuk-panel__body">${body}</div>` : ''}</div>`
}
