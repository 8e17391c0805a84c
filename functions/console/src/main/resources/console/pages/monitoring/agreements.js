// A lead contact's "Your agreements": each agreement with a task list of the returns it owes
// ("Due 26 July 2002, 3 working days late"). Staff see the same list of the agreements they monitor.
import { api, show } from '/common.js'
import { html, money, longDate, tag, taskList, summaryList, banner, downloadLink } from '/components/index.js'
import { settingsPath } from './settings.js'
import { agreementPath, returnPath, returnTitle, dueInWords, isLeadContact, mayReview, paysOut, has, lines } from './parts.js'

/** The home page's section about monitoring: where each person starts. */
export function monitoringSection () {
  if (!has('programme-manager', 'finance-officer', 'officer', 'sub-group', 'lead-contact', 'auditor')) {
    return ''
  }
  const links = [
    html`<a class="govuk-link" href="/agreements">${isLeadContact() ? 'Your agreements and returns' : 'Agreements being monitored'}</a>`,
    (mayReview() || has('auditor')) && html`<a class="govuk-link" href="/review-queue">Returns to review</a>`,
    (paysOut() || has('auditor')) && html`<a class="govuk-link" href="/payment-runs">Payment runs</a>`
  ]
  return html`<h2 class="govuk-heading-m">Monitoring</h2>${lines(links)}`
}

function returnsOwed (agreement) {
  if (agreement.returnsDue.length === 0) {
    return html`<p class="govuk-body">No return is due now.</p>`
  }
  return taskList(agreement.returnsDue.map(r => ({
    title: 'Send the ' + returnTitle(r),
    href: returnPath(agreement.id, r.key),
    hint: dueInWords(r),
    status: r.state
  })), { idPrefix: 'returns-' + agreement.id })
}

function agreementSection (agreement) {
  return html`<section class="app-agreement">
    <h2 class="govuk-heading-m"><a class="govuk-link" href="${agreementPath(agreement.id)}">${agreement.title}</a></h2>
    ${summaryList([
      ['What', tag(agreement.source)],
      ['Organisation', agreement.organisationName],
      ['In force', longDate(agreement.start) + ' to ' + longDate(agreement.end)],
      ['In all', money(agreement.total)],
      agreement.terminated && ['Status', tag('TERMINATED')],
      agreement.heldInstalments > 0 && ['Payments held', agreement.heldInstalments === 1 ? '1 instalment' : agreement.heldInstalments + ' instalments']
    ])}
    <h3 class="govuk-heading-s">Returns due</h3>
    ${returnsOwed(agreement)}</section>`
}

/**
 * Each round's or programme's monitoring report, as the server writes it today (the sub-group's page
 * of money paid and held, returns, milestones and outputs), for the staff who may read it.
 */
function monitoringReports (agreements) {
  if (!has('programme-manager', 'finance-officer', 'officer', 'sub-group', 'auditor')) {
    return ''
  }
  const scopes = [...new Set(agreements.map(agreement => agreement.trail))].sort()
  return html`<h2 class="govuk-heading-m">Monitoring reports</h2>
    <p class="govuk-body">Money paid and held, and every return, milestone and output, as they stand today.</p>
    ${lines(scopes.map(scope => downloadLink({
      path: '/monitoring-report/' + encodeURIComponent(scope),
      name: 'monitoring-report-' + scope + '.html',
      text: 'Download the monitoring report of ' + scope + ' (HTML)'
    })))}
    <h2 class="govuk-heading-m">Monitoring settings</h2>
    <p class="govuk-body">When returns are due, when a late one holds payments, and the reminders sent.</p>
    ${lines(scopes.map(scope => html`<a class="govuk-link" href="${settingsPath(scope)}">Monitoring settings of ${scope}</a>`))}`
}

export async function agreementsPage (notice = null) {
  const { agreements } = await api('/agreements')
  const title = isLeadContact() ? 'Your agreements' : 'Agreements'
  show(title, html`
    ${notice ? banner({ heading: notice, success: true }) : ''}
    <h1 class="govuk-heading-l">${title}</h1>
    ${agreements.length === 0
      ? html`<p class="govuk-body">${isLeadContact() ? 'Your organisation has no agreement yet.' : 'No agreement is being monitored yet.'}</p>`
      : html`${monitoringReports(agreements)}${agreements.map(agreementSection)}`}`, [['Home', '/']])
}
