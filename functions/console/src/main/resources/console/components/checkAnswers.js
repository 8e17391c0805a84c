// GOV.UK "check answers": before something that cannot be undone (a run's commit, a round's
// publication, a payment run), what is about to happen, section by section, each answer with a link
// to change it.
import { html } from './html.js'
import { summaryList } from './summaryList.js'

/**
 * checkAnswers([{ heading: 'The run', rows: [{ key: 'Final grants', value: '£372,400.00', change: '/programmes/x/preview' }, ['Key', 'value'] ] }])
 * A row's change link says what it changes to a screen reader ("Change final grants"); a section's
 * heading may be left out when there is one. Rows that are false are left out.
 */
export function checkAnswers (sections) {
  return html`${sections.filter(Boolean).map(section => html`
    ${section.heading ? html`<h2 class="govuk-heading-m">${section.heading}</h2>` : ''}
    <div class="app-check-answers">${summaryList(section.rows.filter(Boolean).map(row => Array.isArray(row)
      ? { key: row[0], value: row[1] }
      : {
          key: row.key,
          value: row.value,
          action: row.change ? { href: row.change, text: 'Change', hidden: String(row.changes ?? row.key).toLowerCase() } : undefined
        }))}</div>`)}`
}
