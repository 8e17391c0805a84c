// A partnership member's page: their own grant in the latest committed run.
import { api, html, show, bindingIn } from '/common.js'
import { partnershipPage } from '../runs/partnership.js'
import { programmePath } from './names.js'

export async function myGrantPage ({ programmeId }) {
  const partnershipId = bindingIn(programmeId).partnershipId
  const { runs } = await api(programmePath(programmeId) + '/allocation-runs')
  if (runs.length === 0 || !partnershipId) {
    return show('Your grant', html`<h1 class="govuk-heading-l">Your grant</h1>
      <p class="govuk-body">No run of this programme has been committed yet.</p>`, [['Programmes', '/']])
  }
  return partnershipPage({ programmeId, runId: runs[0].runId, partnershipId })
}
