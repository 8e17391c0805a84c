// A run's notices: to whom each went and how its delivery went, with re-issuing a partnership's own.
import { api, html, show, problem } from '/common.js'
import { table, tag, inWords, button } from '/components/index.js'
import { programmeName, programmeCrumbs } from '../programmes/names.js'
import { runPath, runPagePath } from '../runs/rows.js'

export async function noticesPage ({ programmeId, runId }) {
  const path = runPath(programmeId, runId)
  const [{ notices }, run, name] = await Promise.all([api(path + '/notices'), api(path + '?limit=5000'), programmeName(programmeId)])
  const names = Object.fromEntries(run.rows.map(r => [r.partnershipId, r.partnershipName]))
  const partnership = n => n.partnershipId ? names[n.partnershipId] ?? n.partnershipId : 'All partnerships'
  show('Notices', html`
    <span class="govuk-caption-l">${name}</span>
    <h1 class="govuk-heading-l">Notices</h1>
    ${table({
      label: 'Notices',
      head: ['Partnership', 'Notice', 'Delivery', 'Sent to', 'Action'],
      rows: notices.map(n => [
        partnership(n), inWords(n.kind), tag(n.state), n.recipients.join(', '),
        n.partnershipId && !n.key.includes('/resend-') ? button({ text: 'Re-issue', hidden: ' the notice of ' + partnership(n), secondary: true, classes: 'govuk-!-margin-bottom-0', data: { resend: n.partnershipId } }) : ''])
    })}`,
  programmeCrumbs(programmeId, name, ['Allocation run', runPagePath(programmeId, runId)]))
  document.querySelectorAll('[data-resend]').forEach(button => button.addEventListener('click', async () => {
    try {
      await api(path + '/notices/' + encodeURIComponent(button.dataset.resend) + '/resend', 'POST', '{}')
      location.reload()
    } catch (failure) {
      problem('The notice was not re-issued', failure.message)
    }
  }))
}
