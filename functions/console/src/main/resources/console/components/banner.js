// GOV.UK notification banner: "Success" after something was done, or "Important" for news.
import { html, classes } from './html.js'

let banners = 0

/** banner({ heading: 'Adviser saved', body, success: true, title }) — heading and body are text or Html. */
export function banner ({ heading, body, success = false, title = success ? 'Success' : 'Important' }) {
  const titleId = 'banner-title-' + (++banners)
  return html`<div class="${classes('govuk-notification-banner', success && 'govuk-notification-banner--success')}" role="${success ? 'alert' : 'region'}" aria-labelledby="${titleId}" data-module="govuk-notification-banner">
    <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="${titleId}">${title}</h2></div>
    <div class="govuk-notification-banner__content">
      ${heading ? html`<p class="govuk-notification-banner__heading">${heading}</p>` : ''}
      ${body ? html`<p class="govuk-body">${body}</p>` : ''}
    </div></div>`
}
