// An agreement's reminder ledger: every reminder planned for its returns, each sent once (to whom,
// and on which day, caught up after a missed run), not sent (and why), or still waiting for its day.
import { api, show } from '/common.js'
import { html, table, tag, longDate } from '/components/index.js'
import { agreementCrumbs, agreementName, agreementPath, readAgreement, returnTitle, lines } from './parts.js'

/** When the reminder comes, against the due date it is for (ISO days compare as text). */
function whenInWords (reminder) {
  if (reminder.plannedOn < reminder.dueDate) {
    return 'Before the due date'
  }
  return reminder.plannedOn === reminder.dueDate ? 'On the due date' : 'After the due date'
}

function outcome (r) {
  if (r.state === 'SENT') {
    return html`${tag('SENT')}${r.caughtUp ? html` on ${longDate(r.handledOn)}, caught up after a missed run` : html` on ${longDate(r.handledOn)}`}`
  }
  if (r.state === 'SUPPRESSED') {
    return html`${tag(r.reason === 'CLOSED' || r.reason === 'NO_CONTACT' ? r.reason : 'SUPPRESSED')} on ${longDate(r.handledOn)}${r.reason === 'SUBMITTED' || r.reason === 'SKIPPED' ? ': the return was ' + (r.reason === 'SUBMITTED' ? 'already submitted' : 'skipped') : ''}`
  }
  return tag(r.state)
}

export async function remindersPage ({ agreementId }) {
  // The agreement too (the same people may read both), for the title its crumbs and caption show.
  const [{ reminders }] = await Promise.all([api(agreementPath(agreementId) + '/reminders'), readAgreement(agreementId)])
  show('Reminders', html`
    <span class="govuk-caption-l">${agreementName(agreementId)}</span>
    <h1 class="govuk-heading-l">Reminders</h1>
    <p class="govuk-body">Each reminder is sent once at most. A day the daily run missed is caught up by the next run.</p>
    ${reminders.length === 0 ? html`<p class="govuk-body">No reminder is planned.</p>` : table({
      caption: reminders.length === 1 ? '1 reminder' : reminders.length + ' reminders',
      head: ['Return', 'Reminder', 'To', 'For the due date', 'Planned for', 'What happened', 'Sent to'],
      rows: reminders.map(r => [returnTitle({ id: r.returnId }), whenInWords(r), tag(r.audience), longDate(r.dueDate), longDate(r.plannedOn), outcome(r),
        r.recipients.length === 0 ? '' : lines(r.recipients)])
    })}`, agreementCrumbs(agreementId).concat([['Reminders', agreementPath(agreementId) + '/reminders']]))
}
