// Support days: the balances of pools, partnerships and advisers, finance's CSV, and a page for each
// task (book adviser time, set up an adviser, pool a locality's days).
import { api, html, show, showFormPage } from '/common.js'
import { table, tag, banner, form, whenSubmitted, errorSummary, titleWith } from '/components/index.js'
import { programmeName, programmeCrumbs, programmePath } from '../programmes/names.js'

export function supportPath (programmeId) {
  return programmePath(programmeId) + '/support'
}

/** After a task: back to the hub (in the address bar too), with what was done in a banner. */
export function backToSupport (programmeId, notice) {
  history.pushState(null, '', supportPath(programmeId))
  return supportPage({ programmeId }, notice)
}

/** A support task's page: one form under the programme's name, its button, and a way back to the hub. */
export function showSupportForm ({ programmeId, name, title, errors, formId, button, content }) {
  const here = supportPath(programmeId)
  showFormPage({ title, caption: name, errors, crumbs: programmeCrumbs(programmeId, name, ['Support days', here]) },
    form({ id: formId, buttons: [button], cancel: { href: here, text: 'Back to support days' }, content }))
}

// changeLink: for a line that can be changed (an adviser), the address of its form.
function daysTable (caption, lines, entitled, changeLink = null) {
  return table({
    caption,
    head: ['Name', { text: entitled, numeric: true }, { text: 'Booked', numeric: true }, { text: 'Delivered', numeric: true }, { text: 'Remaining', numeric: true }],
    rows: lines.map(l => [
      html`${changeLink ? html`<a class="govuk-link" href="${changeLink(l)}">${l.name}</a>` : l.name}${l.overBookedByDays ? html` ${tag('OVER_BOOKED', { text: 'Over by ' + l.overBookedByDays + ' days' })}` : ''}`,
      l.entitledDays ?? l.contractedDays, l.bookedDays, l.deliveredDays, l.remainingDays])
  })
}

export async function supportPage ({ programmeId }, notice = null, errors = {}) {
  const here = supportPath(programmeId)
  const [balances, name] = await Promise.all([api(here + '-balances'), programmeName(programmeId)])
  show(titleWith('Support days', errors), html`
    ${errorSummary(errors)}
    ${notice ? banner({ heading: notice, success: true }) : ''}
    <span class="govuk-caption-l">${name}</span>
    <h1 class="govuk-heading-l">Support days</h1>
    <ul class="govuk-list">
      <li><a class="govuk-link" href="${here}/book">Book adviser time</a></li>
      <li><a class="govuk-link" href="${here}/adviser">Set up an adviser</a></li>
      <li><a class="govuk-link" href="${here}/pool">Pool a locality's days</a></li>
    </ul>
    ${form({ id: 'csv-form', buttons: [{ text: 'Make the balances CSV for finance', id: 'csv', secondary: true }], content: html`` })}
    ${daysTable('Pools', balances.pools, 'Entitled')}
    ${daysTable('Advisers', balances.advisers, 'Contracted', l => here + '/adviser/' + encodeURIComponent(l.id))}
    ${daysTable('Partnerships', balances.partnerships, 'Entitled')}`,
  programmeCrumbs(programmeId, name))
  whenSubmitted('csv-form', {
    fields: { format: 'csv' },
    send: () => api(here + '-balances?format=csv'),
    refused: (values, problems) => supportPage({ programmeId }, null, problems),
    done: made => supportPage({ programmeId }, html`The CSV is ready: <a class="govuk-notification-banner__link" href="${made.csv.link}" download="support-balances.csv">download it</a> (the link works for an hour).`)
  })
}
