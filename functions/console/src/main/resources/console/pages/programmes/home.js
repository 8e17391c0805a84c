// The home page: the programmes, and each area's own section (the commissioning rounds, monitoring).
import { api, html, show, bindingIn } from '/common.js'
import { homeSection as roundsSection } from '../rounds/routes.js'
import { homeSection as monitoringSection } from '../monitoring/routes.js'
import { homeSection as reportingSection } from '../reporting/routes.js'
import { programmePath } from './names.js'

export async function homePage () {
  const [{ programmes }, rounds] = await Promise.all([api('/programmes'), roundsSection()])
  const registers = await reportingSection(new Set(programmes.map(p => p.programmeId)))
  show('Programmes', html`
    <h1 class="govuk-heading-l">Programmes</h1>
    ${programmes.length === 0
      ? html`<p class="govuk-body">No programme has been loaded yet.</p>`
      : html`<ul class="govuk-list">${programmes.map(p => html`<li><a class="govuk-link" href="${programmePath(p.programmeId)}${bindingIn(p.programmeId).partnershipId ? '/mine' : ''}">${p.name}</a> (version ${p.version})</li>`)}</ul>`}
    <p class="govuk-body"><a class="govuk-link" href="/load">Load or replace a programme</a></p>
    ${rounds}
    ${monitoringSection()}
    ${registers}`)
}
