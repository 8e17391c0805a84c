// GOV.UK details: more about something, folded away until a person opens it.
import { html } from './html.js'

/** details({ summary: 'What Coventry commits to', content: text or Html, id, open: false }) */
export function details ({ summary, content, id, open = false }) {
  return html`<details class="govuk-details"${id ? html` id="${id}"` : ''}${open ? html` open` : ''}>
    <summary class="govuk-details__summary"><span class="govuk-details__summary-text">${summary}</span></summary>
    <div class="govuk-details__text">${content}</div></details>`
}
