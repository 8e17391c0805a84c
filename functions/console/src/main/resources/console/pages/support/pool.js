// Pooling a two-tier locality's support days: first the locality, then which of its funded
// partnerships share one pool of days.
import { api, html, show } from '/common.js'
import { field, checkboxes, whenSubmitted } from '/components/index.js'
import { programmeName, programmeCrumbs, programmePath } from '../programmes/names.js'
import { runPath } from '../runs/rows.js'
import { supportPath, showSupportForm, backToSupport } from './hub.js'

const FIELDS = {
  poolId: { id: 'pool-id', label: 'The reference' },
  members: { id: 'members', label: 'Each partnership chosen' }
}

async function latestRun (programmeId) {
  const { runs } = await api(programmePath(programmeId) + '/allocation-runs')
  return runs.length === 0 ? null : api(runPath(programmeId, runs[0].runId) + '?limit=5000')
}

/** The two-tier localities whose days can be pooled: those that met the district-majority condition. */
export async function chooseLocalityPage ({ programmeId }) {
  const here = supportPath(programmeId)
  const [run, name] = await Promise.all([latestRun(programmeId), programmeName(programmeId)])
  const localities = run ? run.localities.filter(l => l.conditionMet) : []
  show('Pool a locality\'s days', html`
    <span class="govuk-caption-l">${name}</span>
    <h1 class="govuk-heading-l">Pool a locality's days</h1>
    <p class="govuk-body">A county and its districts can share their support days in one pool. Choose the locality.</p>
    ${localities.length === 0
      ? html`<p class="govuk-body">No two-tier locality is funded in the latest run, so there are no days to pool.</p>`
      : html`<ul class="govuk-list">${localities.map(l => html`<li><a class="govuk-link" href="${here}/pool/${encodeURIComponent(l.county)}">${l.countyName}</a></li>`)}</ul>`}`,
  programmeCrumbs(programmeId, name, ['Support days', here]))
}

export async function poolPage ({ programmeId, county }, values = {}, errors = {}) {
  const here = supportPath(programmeId)
  const [run, balances, name] = await Promise.all([latestRun(programmeId), api(here + '-balances'), programmeName(programmeId)])
  const locality = run?.localities.find(l => l.county === county)
  const pooled = Object.fromEntries(balances.partnerships.filter(p => p.pool).map(p => [p.id, p.pool]))
  const members = (run?.rows ?? []).filter(r => r.locality === county && r.status === 'FUNDED')
  const title = 'Pool ' + (locality?.countyName ?? county) + '\'s days'
  showSupportForm({
    programmeId, name, title, errors, formId: 'pool-form', button: { text: 'Create the pool', id: 'save-pool' },
    content: html`
        ${field({ id: 'pool-id', label: 'Reference', width: 'one-half', hint: 'Lower-case letters, digits and hyphens, such as ' + county + '-pool', value: values['pool-id'], error: errors['pool-id'] })}
        ${checkboxes({
          id: 'members', legend: 'Partnerships in the pool', hint: 'The funded partnerships of the locality; select all that share the pool',
          items: members.map(r => ({ value: r.partnershipId, text: r.partnershipName, hint: pooled[r.partnershipId] ? 'Already in the pool ' + pooled[r.partnershipId] : undefined })),
          values: values.members, error: errors.members
        })}`
  })
  whenSubmitted('pool-form', {
    check: typed => (typed['pool-id'] ?? '').trim() ? {} : { 'pool-id': 'Enter a reference for the pool, like ' + county + '-pool' },
    fields: FIELDS,
    send: typed => api(programmePath(programmeId) + '/support-pools/' + encodeURIComponent(typed['pool-id'].trim()), 'PUT',
      JSON.stringify({ members: typed.members ?? [] })),
    refused: (typed, problems) => poolPage({ programmeId, county }, typed, problems),
    done: pool => backToSupport(programmeId, 'The pool ' + pool.poolId + ' is created: ' + pool.members.length + ' partnerships share their days.')
  })
}
