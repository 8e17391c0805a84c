// A run's notices: to whom each went and how its delivery went, with re-issuing a partnership's own.
import { api, html, show, problem } from '/common.js'
import { table, tag, inWords, button } from '/components/index.js'
import { programmeName, programmeCrumbs } from '../programmes/names.js'
import { runPath, runPagePath } from '../runs/rows.js'

/** What has the keyboard's focus, as a selector that finds it again once the page is drawn afresh. */
function focusedPlace () {
  const focused = document.activeElement
  if (focused?.dataset?.resend) return '[data-resend="' + CSS.escape(focused.dataset.resend) + '"]'
  return focused?.getAttribute?.('role') === 'region' ? 'main [role="region"]' : null
}

export async function noticesPage ({ programmeId, runId }) {
  const keepFocusOn = focusedPlace() // the page redraws itself while delivery goes on: a keyboard user stays put
  const path = runPath(programmeId, runId)
  const [{ notices }, run, name] = await Promise.all([api(path + '/notices'), api(path + '?limit=5000'), programmeName(programmeId)])
  const names = Object.fromEntries(run.rows.map(r => [r.partnershipId, r.partnershipName]))
  const partnership = n => n.partnershipId ? names[n.partnershipId] ?? n.partnershipId : 'All partnerships'
  show('Notices', html`
    <span class="govuk-caption-l">${name}</span>
    <h1 class="govuk-heading-l" data-following-delivery>Notices</h1>
    ${notices.some(n => n.state === 'QUEUED' || n.state === 'SENDING') ? html`<p class="govuk-body" aria-live="polite">Some notices are still being sent: this page updates itself.</p>` : ''}
    ${table({
      label: 'Notices',
      head: ['Partnership', 'Notice', 'Delivery', 'Sent to', 'Action'],
      rows: notices.map(n => [
        partnership(n), inWords(n.kind), tag(n.state), n.recipients.join(', '),
        n.partnershipId && !n.key.includes('/resend-') ? button({ text: 'Re-issue', hidden: ' the notice of ' + partnership(n), secondary: true, classes: 'govuk-!-margin-bottom-0', data: { resend: n.partnershipId } }) : ''])
    })}`,
  programmeCrumbs(programmeId, name, ['Allocation run', runPagePath(programmeId, runId)]))
  // While notices are still being sent, the page follows their delivery by itself.
  if (notices.some(n => n.state === 'QUEUED' || n.state === 'SENDING')) {
    const here = location.pathname
    setTimeout(() => {
      if (location.pathname === here && document.querySelector('[data-following-delivery]')) {
        noticesPage({ programmeId, runId })
      }
    }, 3000)
  }
  document.querySelectorAll('[data-resend]').forEach(button => button.addEventListener('click', async () => {
    try {
      await api(path + '/notices/' + encodeURIComponent(button.dataset.resend) + '/resend', 'POST', '{}')
      location.reload()
    } catch (failure) {
      problem('The notice was not re-issued', failure.message)
    }
  }))
  if (keepFocusOn) document.querySelector(keepFocusOn)?.focus()
}
