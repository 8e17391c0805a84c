// The grants console: pages of the GOV.UK Design System over the grants API. It signs in with the
// authorization code grant and PKCE, keeps the token in this tab's sessionStorage only, and shows
// every amount exactly as the API wrote it: it never computes money.
import { TOKEN, loading, Html, html, pounds, show, token, signedInAs, ApiError, api, problem, summaryRow, errorSummary, bindingIn } from '/common.js'
import { routes as roundRoutes, homeSection as roundsList } from '/pages/rounds/routes.js'
import { match } from '/router.js'

const PKCE = 'grants.pkce'

// ---- signing in: the authorization code grant with PKCE ----

function base64url (bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

async function config () {
  const response = await fetch('/config.json')
  return response.json()
}

async function startSignIn () {
  const settings = await config()
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)))
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))))
  const state = base64url(crypto.getRandomValues(new Uint8Array(16)))
  sessionStorage.setItem(PKCE, JSON.stringify({ verifier, state }))
  location.assign(settings.authorizeUrl + '?' + new URLSearchParams({
    response_type: 'code', client_id: settings.clientId, redirect_uri: settings.redirectUri,
    scope: 'openid email profile', state, code_challenge: challenge, code_challenge_method: 'S256'
  }))
}

async function finishSignIn (query) {
  const pkce = JSON.parse(sessionStorage.getItem(PKCE) || 'null')
  sessionStorage.removeItem(PKCE)
  if (!pkce || query.get('state') !== pkce.state || !query.get('code')) {
    return problem('Sign in again', 'The sign-in did not finish: start it again from this console.')
  }
  const settings = await config()
  const response = await fetch(settings.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', client_id: settings.clientId, code: query.get('code'),
      code_verifier: pkce.verifier, redirect_uri: settings.redirectUri
    })
  })
  if (!response.ok) {
    return problem('Sign in again', 'The sign-in did not finish: start it again from this console.')
  }
  sessionStorage.setItem(TOKEN, (await response.json()).id_token)
  location.replace('/')
}

// ---- pages ----

function startPage () {
  show('Sign in', html`
    <h1 class="govuk-heading-xl">Grants</h1>
    <p class="govuk-body-l">Allocation runs, finance exports, notices and support days for grant programmes.</p>
    <button type="button" class="govuk-button govuk-button--start" data-module="govuk-button" id="sign-in">
      Sign in
      <svg class="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
        <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z"/>
      </svg>
    </button>`)
  document.getElementById('sign-in').addEventListener('click', startSignIn)
}

// Signing out ends the user pool's session too (its hosted UI's /logout), not only this tab's token:
// otherwise the next "Sign in" would be let straight back in without a password.
async function signOut () {
  const settings = await config()
  sessionStorage.removeItem(TOKEN)
  if (!settings.logoutUrl) {
    return signedOutPage()
  }
  location.assign(settings.logoutUrl + '?' + new URLSearchParams({
    client_id: settings.clientId, logout_uri: settings.signedOutUri
  }))
}

function signedOutPage () {
  sessionStorage.removeItem(TOKEN)
  show('Signed out', html`<h1 class="govuk-heading-l">You have signed out</h1>
    <p class="govuk-body"><a class="govuk-link" href="/">Sign in again</a></p>`)
}

async function programmesPage () {
  const [{ programmes }, rounds] = await Promise.all([api('/programmes'), roundsList()])
  show('Programmes', html`
    <h1 class="govuk-heading-l">Programmes</h1>
    ${programmes.length === 0
      ? html`<p class="govuk-body">No programme has been loaded yet.</p>`
      : html`<ul class="govuk-list">${programmes.map(p => html`<li><a class="govuk-link" href="/programmes/${encodeURIComponent(p.programmeId)}${bindingIn(p.programmeId).partnershipId ? '/mine' : ''}">${p.name}</a> <span class="govuk-hint govuk-!-display-inline">(${p.programmeId}, version ${p.version})</span></li>`)}</ul>`}
    <p class="govuk-body"><a class="govuk-link" href="/load">Load or replace a programme</a></p>
    ${rounds}`)
}

async function programmePage (programmeId) {
  const { runs } = await api('/programmes/' + encodeURIComponent(programmeId) + '/allocation-runs')
  const base = '/programmes/' + encodeURIComponent(programmeId)
  show('Allocation runs of ' + programmeId, html`
    <span class="govuk-caption-l">${programmeId}</span>
    <h1 class="govuk-heading-l">Allocation runs</h1>
    ${runs.length === 0
      ? html`<p class="govuk-body">No run has been committed yet.</p>`
      : html`<table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--m">Committed runs, newest first</caption>
        <thead class="govuk-table__head"><tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">Run</th>
          <th scope="col" class="govuk-table__header">Committed</th>
          <th scope="col" class="govuk-table__header govuk-table__header--numeric">Funded</th>
          <th scope="col" class="govuk-table__header govuk-table__header--numeric">Final grants</th>
        </tr></thead>
        <tbody class="govuk-table__body">${runs.map(run => html`<tr class="govuk-table__row">
          <td class="govuk-table__cell"><a class="govuk-link" href="${base}/runs/${encodeURIComponent(run.runId)}">${run.runId}</a></td>
          <td class="govuk-table__cell">${run.committedAt}</td>
          <td class="govuk-table__cell govuk-table__cell--numeric">${run.totals.funded}</td>
          <td class="govuk-table__cell govuk-table__cell--numeric">${pounds(run.totals.finalGrantsGbp)}</td>
        </tr>`)}</tbody></table>`}
    <ul class="govuk-list">
      <li><a class="govuk-link" href="${base}/preview">Preview a run of the programme as it is now</a></li>
      <li><a class="govuk-link" href="${base}/bulletin">Write a bulletin</a></li>
      <li><a class="govuk-link" href="${base}/support">Support days</a></li>
      <li><a class="govuk-link" href="${base}/audit">Audit trail</a></li>
    </ul>`,
  [['Programmes', '/']])
}

/** A run with every row: the API answers rows a page at a time, so the rest are read page by page. */
async function allRows (path) {
  const run = await api(path + '?limit=5000')
  while (run.rowsPage.next) {
    loading('Loading rows: ' + run.rows.length + ' of ' + run.rowsPage.total + '…')
    const page = await api(path + '?limit=5000&after=' + encodeURIComponent(run.rowsPage.next))
    run.rows.push(...page.rows)
    run.rowsPage = page.rowsPage
  }
  return run
}

async function runPage (programmeId, runId) {
  const base = '/programmes/' + encodeURIComponent(programmeId)
  const run = await allRows(base + '/allocation-runs/' + encodeURIComponent(runId))
  const t = run.totals
  show('Run ' + runId, html`
    <span class="govuk-caption-l">${programmeId}</span>
    <h1 class="govuk-heading-l">Run ${runId}</h1>
    <dl class="govuk-summary-list">
      ${summaryRow('Committed', run.committedAt)}
      ${summaryRow('Funded partnerships', t.funded + ' of ' + t.rows + (t.withdrawn > 0 ? ', ' + t.withdrawn + ' withdrawn' : ''))}
      ${summaryRow('Base grants', pounds(t.baseGrantsGbp))}
      ${summaryRow('Withdrawn and redistributed', pounds(t.redistributionGbp))}
      ${summaryRow('Final grants', pounds(t.finalGrantsGbp))}
      ${summaryRow('Unallocated', pounds(t.unallocatedGbp))}
    </dl>
    <ul class="govuk-list">
      <li><a class="govuk-link" href="${base}/runs/${encodeURIComponent(runId)}/exports">Finance files</a></li>
      <li><a class="govuk-link" href="${base}/runs/${encodeURIComponent(runId)}/notices">Notices and their delivery</a></li>
      <li id="report" hidden></li>
    </ul>
    <h2 class="govuk-heading-m">Localities</h2>
    <table class="govuk-table">
      <thead class="govuk-table__head"><tr class="govuk-table__row">
        <th scope="col" class="govuk-table__header">Locality</th>
        <th scope="col" class="govuk-table__header">Districts sharing</th>
        <th scope="col" class="govuk-table__header">Condition</th>
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">Final grants</th>
      </tr></thead>
      <tbody class="govuk-table__body">${run.localities.map(l => html`<tr class="govuk-table__row">
        <td class="govuk-table__cell">${l.countyName}</td>
        <td class="govuk-table__cell">${l.qualifyingDistricts} of ${l.districts}</td>
        <td class="govuk-table__cell"><strong class="govuk-tag ${l.conditionMet ? 'govuk-tag--green' : 'govuk-tag--red'}">${l.conditionMet ? 'Met' : 'Withdrawn'}</strong></td>
        <td class="govuk-table__cell govuk-table__cell--numeric">${pounds(l.finalGrantsGbp)}</td>
      </tr>`)}</tbody>
    </table>
    <h2 class="govuk-heading-m">Partnerships</h2>
    <div class="govuk-form-group">
      <label class="govuk-label" for="filter">Find a partnership</label>
      <div class="govuk-hint" id="filter-hint">Type part of its name; the table shows only those that match.</div>
      <input class="govuk-input govuk-!-width-one-half" id="filter" type="search" aria-describedby="filter-hint" aria-controls="rows">
    </div>
    <p class="govuk-body" id="shown" aria-live="polite">${run.rows.length} partnerships shown</p>
    <table class="govuk-table" id="rows">
      <thead class="govuk-table__head"><tr class="govuk-table__row">
        <th scope="col" class="govuk-table__header">Partnership</th>
        <th scope="col" class="govuk-table__header">Status</th>
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">Final grant</th>
        <th scope="col" class="govuk-table__header">Why</th>
      </tr></thead>
      <tbody class="govuk-table__body">${run.rows.map(r => html`<tr class="govuk-table__row" data-name="${r.partnershipName.toLowerCase()}">
        <td class="govuk-table__cell"><a class="govuk-link" href="${base}/runs/${encodeURIComponent(runId)}/partnerships/${encodeURIComponent(r.partnershipId)}">${r.partnershipName}</a></td>
        <td class="govuk-table__cell">${r.status}</td>
        <td class="govuk-table__cell govuk-table__cell--numeric">${pounds(r.finalGrantGbp)}</td>
        <td class="govuk-table__cell grants-reason">${r.reason}</td>
      </tr>`)}</tbody>
    </table>`,
  [['Programmes', '/'], [programmeId, base]])
  const filter = document.getElementById('filter')
  filter.addEventListener('input', () => {
    const wanted = filter.value.trim().toLowerCase()
    let shown = 0
    document.querySelectorAll('#rows tbody tr').forEach(row => {
      row.hidden = !row.dataset.name.includes(wanted)
      shown += row.hidden ? 0 : 1
    })
    document.getElementById('shown').textContent = shown + (shown === 1 ? ' partnership shown' : ' partnerships shown')
  })
  // The run report (its chart of every grant) is one of the finance files, once the export is complete.
  api(base + '/allocation-runs/' + encodeURIComponent(runId) + '/exports').then(exported => {
    const report = exported.files['run-report.html']
    if (report) {
      const item = document.getElementById('report')
      item.innerHTML = html`<a class="govuk-link" href="${report}">The run report, with its chart of every grant</a>`.text
      item.hidden = false
    }
  }).catch(() => {})
}

async function rowPage (programmeId, runId, partnershipId) {
  const base = '/programmes/' + encodeURIComponent(programmeId)
  const row = await api(base + '/allocation-runs/' + encodeURIComponent(runId) + '/partnerships/' + encodeURIComponent(partnershipId))
  show(row.partnershipName, html`
    <span class="govuk-caption-l">Run ${runId}</span>
    <h1 class="govuk-heading-l">${row.partnershipName}</h1>
    <div class="govuk-panel ${row.status === 'FUNDED' ? 'govuk-panel--confirmation' : ''}">
      <h2 class="govuk-panel__title">${row.status === 'FUNDED' ? 'Grant ' + pounds(row.finalGrantGbp) : 'No grant'}</h2>
    </div>
    <dl class="govuk-summary-list">
      ${summaryRow('Status', row.status)}
      ${summaryRow('Base grant', pounds(row.baseGrantGbp))}
      ${summaryRow('Share of redistributed funds', pounds(row.redistributionGbp))}
      ${summaryRow('Final grant', pounds(row.finalGrantGbp))}
      ${summaryRow('Adviser support days', row.supportDays)}
    </dl>
    <h2 class="govuk-heading-m">Why</h2>
    <p class="govuk-body grants-reason">${row.reason}</p>`,
  [['Programmes', '/'], [programmeId, base], ['Run ' + runId, base + '/runs/' + encodeURIComponent(runId)]])
}

/** A programme's audit trail, or a round's ({@code kind} 'programmes' or 'rounds'): each is kept under its own id. */
async function auditPage (kind, id) {
  const base = '/' + kind + '/' + encodeURIComponent(id)
  // Each notice sent is an entry of its own, so a trail soon runs to many pages: read the newest thousand.
  const page = { entries: [] }
  let next = null
  do {
    const more = await api(base + '/audit?limit=200' + (next ? '&after=' + encodeURIComponent(next) : ''))
    page.entries.push(...more.entries)
    next = more.next
  } while (next && page.entries.length < 1000)
  show('Audit trail of ' + id, html`
    <span class="govuk-caption-l">${id}</span>
    <h1 class="govuk-heading-l">Audit trail</h1>
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-table__caption--m">${next ? 'The newest ' + page.entries.length + ' changes' : 'Every change'}, newest first</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row">
        <th scope="col" class="govuk-table__header">When</th>
        <th scope="col" class="govuk-table__header">Who</th>
        <th scope="col" class="govuk-table__header">What</th>
        <th scope="col" class="govuk-table__header">Before</th>
        <th scope="col" class="govuk-table__header">After</th>
      </tr></thead>
      <tbody class="govuk-table__body">${page.entries.map(e => html`<tr class="govuk-table__row">
        <td class="govuk-table__cell">${e.at}</td>
        <td class="govuk-table__cell">${e.actor}</td>
        <td class="govuk-table__cell">${e.action}: ${e.target}</td>
        <td class="govuk-table__cell grants-reason">${e.before ?? '–'}</td>
        <td class="govuk-table__cell grants-reason">${e.after ?? '–'}</td>
      </tr>`)}</tbody>
    </table>`,
  [[kind === 'rounds' ? 'Home' : 'Programmes', '/'], [id, base]])
}


// ---- a manager's pages: load a programme, preview and commit a run ----

/** The GOV.UK error summary of a refusal; each problem links to the input it is about ({@code inputs}: field to id). */
function loadPage (error) {
  show(error ? 'Error: Load a programme' : 'Load a programme', html`
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
    ${error ? errorSummary(error) : ''}
    <h1 class="govuk-heading-l">Load a programme</h1>
    <p class="govuk-body">Choose the programme document (JSON). It replaces the stored programme of the same id; nothing is stored if it has any problem.</p>
    <div class="govuk-form-group ${error ? 'govuk-form-group--error' : ''}">
      <label class="govuk-label" for="file">Programme document</label>
      <div class="govuk-hint" id="file-hint">A .json file in the programme document's form (see its schema at /api/schemas/programme)</div>
      <input class="govuk-file-upload" id="file" type="file" accept=".json,application/json" aria-describedby="file-hint">
    </div>
    <button type="button" class="govuk-button" data-module="govuk-button" id="load">Load the programme</button>
    </div></div>`, [['Programmes', '/']])
  if (error) {
    document.querySelector('.govuk-error-summary').focus()
  }
  document.getElementById('load').addEventListener('click', async () => {
    const file = document.getElementById('file').files[0]
    if (!file) {
      return loadPage(new ApiError(400, { message: 'Choose a programme document to load.', details: [{ field: 'file', problem: 'choose a file' }] }))
    }
    const text = await file.text()
    let programmeId
    try {
      programmeId = JSON.parse(text).programmeId
    } catch {
      return loadPage(new ApiError(400, { message: 'The file is not a JSON document.', details: [] }))
    }
    try {
      await api('/programmes/' + encodeURIComponent(programmeId || 'unnamed'), 'PUT', text)
      location.assign('/programmes/' + encodeURIComponent(programmeId) + '/preview')
    } catch (failure) {
      loadPage(failure)
    }
  })
}

async function previewPage (programmeId) {
  const base = '/programmes/' + encodeURIComponent(programmeId)
  const run = await api(base + '/allocation-runs', 'POST', JSON.stringify({ mode: 'DRY_RUN' }))
  const t = run.totals
  const changes = run.comparedWithRun ? run.comparedWithRun.differences.filter(d => d.changeGbp !== '0.00' || d.previousStatus !== d.status) : []
  show('Preview of ' + programmeId, html`
    <span class="govuk-caption-l">${programmeId}</span>
    <h1 class="govuk-heading-l">Preview the allocation run</h1>
    <p class="govuk-body">Nothing is stored until you commit it.</p>
    <dl class="govuk-summary-list">
      ${summaryRow('Funded partnerships', t.funded + ' of ' + t.rows)}
      ${summaryRow('Withdrawn partnerships', String(t.withdrawn))}
      ${summaryRow('Base grants', pounds(t.baseGrantsGbp))}
      ${summaryRow('Withdrawn money shared among the funded', pounds(t.redistributionGbp))}
      ${summaryRow('Final grants', pounds(t.finalGrantsGbp))}
      ${summaryRow('Unallocated', pounds(t.unallocatedGbp))}
    </dl>
    <h2 class="govuk-heading-m">Localities</h2>
    <table class="govuk-table"><thead class="govuk-table__head"><tr class="govuk-table__row">
      <th scope="col" class="govuk-table__header">Locality</th><th scope="col" class="govuk-table__header">Districts sharing</th>
      <th scope="col" class="govuk-table__header">Condition</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Final grants</th>
    </tr></thead><tbody class="govuk-table__body">${run.localities.map(l => html`<tr class="govuk-table__row">
      <td class="govuk-table__cell">${l.countyName}</td><td class="govuk-table__cell">${l.qualifyingDistricts} of ${l.districts}</td>
      <td class="govuk-table__cell"><strong class="govuk-tag ${l.conditionMet ? 'govuk-tag--green' : 'govuk-tag--red'}">${l.conditionMet ? 'Met' : 'Withdrawn'}</strong></td>
      <td class="govuk-table__cell govuk-table__cell--numeric">${pounds(l.finalGrantsGbp)}</td></tr>`)}</tbody></table>
    <h2 class="govuk-heading-m">Difference from the last committed run</h2>
    ${!run.comparedWithRun
      ? html`<p class="govuk-body">No run has been committed yet.</p>`
      : changes.length === 0
        ? html`<p class="govuk-body">No partnership's grant differs from run ${run.comparedWithRun.runId}.</p>`
        : html`<table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--s">${changes.length} partnerships differ from run ${run.comparedWithRun.runId}</caption>
          <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Partnership</th>
          <th scope="col" class="govuk-table__header">Was</th><th scope="col" class="govuk-table__header">Now</th>
          <th scope="col" class="govuk-table__header govuk-table__header--numeric">Change</th></tr></thead>
          <tbody class="govuk-table__body">${changes.map(d => html`<tr class="govuk-table__row"><td class="govuk-table__cell">${d.partnershipId}</td>
          <td class="govuk-table__cell">${d.previousStatus ?? '–'} ${pounds(d.previousFinalGrantGbp)}</td><td class="govuk-table__cell">${d.status ?? '–'} ${pounds(d.finalGrantGbp)}</td>
          <td class="govuk-table__cell govuk-table__cell--numeric">${pounds(d.changeGbp)}</td></tr>`)}</tbody></table>`}
    <h2 class="govuk-heading-m">Commit this run</h2>
    <div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span>
      <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>
        Committing stores this run for good: every partnership's contacts are emailed their notice, the finance
        files are written and finance is emailed links to them.</strong></div>
    <div class="govuk-form-group" id="confirm-group">
      <div class="govuk-checkboxes" data-module="govuk-checkboxes"><div class="govuk-checkboxes__item">
        <input class="govuk-checkboxes__input" id="confirm" type="checkbox">
        <label class="govuk-label govuk-checkboxes__label" for="confirm">I have checked this preview</label>
      </div></div>
    </div>
    <button type="button" class="govuk-button" data-module="govuk-button" id="commit">Commit the run</button>`,
  [['Programmes', '/'], [programmeId, base]])
  document.getElementById('commit').addEventListener('click', async () => {
    if (!document.getElementById('confirm').checked) {
      document.getElementById('confirm-group').classList.add('govuk-form-group--error')
      document.getElementById('confirm').focus()
      return
    }
    try {
      const answer = await api(base + '/allocation-runs', 'POST', JSON.stringify({ mode: 'COMMIT', inputHash: run.inputHash }))
      const committed = answer.jobId ? await followCommitJob(programmeId, answer) : answer
      showCommitted(programmeId, committed)
    } catch (failure) {
      problem('The run was not committed', failure.message)
    }
  })
}

function showCommitted (programmeId, committed) {
  const base = '/programmes/' + encodeURIComponent(programmeId)
  show('Run committed', html`<div class="govuk-panel govuk-panel--confirmation">
    <h1 class="govuk-panel__title">Run committed</h1>
    <div class="govuk-panel__body">Run <strong>${committed.runId}</strong><br>${pounds(committed.totals.finalGrantsGbp)} to ${committed.totals.funded} partnerships</div></div>
    <p class="govuk-body">The notices and the finance files follow in a few moments.</p>
    <p class="govuk-body"><a class="govuk-link" href="${base}/runs/${encodeURIComponent(committed.runId)}">See the run</a></p>`,
  [['Programmes', '/'], [programmeId, base]])
}

/**
 * A large programme is committed in the background: its progress, read from the job every two
 * seconds, until the run is whole; then the run's totals, as the server worked them out.
 */
async function followCommitJob (programmeId, job) {
  const base = '/programmes/' + encodeURIComponent(programmeId)
  show('Committing the run', html`<h1 class="govuk-heading-l">Committing the run</h1>
    <p class="govuk-body">This programme is large, so its run is being written in the background. It becomes
      visible only once every row is written. You can leave this page: the commit carries on, and the run will
      be in the programme's list of runs.</p>
    <div class="govuk-form-group">
      <label class="govuk-label" for="commit-progress">Rows written</label>
      <progress class="app-progress" id="commit-progress" max="${job.rowsTotal}" value="${job.rowsWritten}"></progress>
      <p class="govuk-body" id="commit-status" aria-live="polite">${progressText(job)}</p>
    </div>`, [['Programmes', '/'], [programmeId, base]])
  while (job.state === 'QUEUED' || job.state === 'RUNNING') {
    await new Promise(resolve => setTimeout(resolve, 2000))
    job = await api(job.status)
    const bar = document.getElementById('commit-progress')
    if (!bar) {
      return new Promise(() => {}) // the manager went to another page; the commit carries on without us
    }
    bar.value = job.rowsWritten
    document.getElementById('commit-status').textContent = progressText(job)
  }
  if (job.state === 'FAILED') {
    throw new ApiError(409, { message: job.failure })
  }
  return api(base + '/allocation-runs/' + encodeURIComponent(job.runId) + '?limit=1')
}

function progressText (job) {
  const state = { QUEUED: 'Waiting to start', RUNNING: 'Writing', DONE: 'Done', FAILED: 'Stopped' }[job.state]
  return state + ': ' + job.rowsWritten.toLocaleString('en-GB') + ' of ' + job.rowsTotal.toLocaleString('en-GB') +
    ' partnerships\' rows written.'
}

// ---- finance's files and a run's notices ----

async function exportsPage (programmeId, runId) {
  const base = '/programmes/' + encodeURIComponent(programmeId)
  const runPath = base + '/runs/' + encodeURIComponent(runId)
  const exported = await api(base + '/allocation-runs/' + encodeURIComponent(runId) + '/exports')
  show('Finance files of run ' + runId, html`
    <span class="govuk-caption-l">Run ${runId}</span>
    <h1 class="govuk-heading-l">Finance files</h1>
    <p class="govuk-body">The links work until ${exported.expiresAt}. manifest.json lists each file's size and SHA-256.</p>
    <ul class="govuk-list">${Object.entries(exported.files).map(([name, link]) =>
      html`<li><a class="govuk-link" href="${link}" download="${name}">${name}</a></li>`)}</ul>`,
  [['Programmes', '/'], [programmeId, base], ['Run ' + runId, runPath]])
}

async function noticesPage (programmeId, runId) {
  const base = '/programmes/' + encodeURIComponent(programmeId)
  const runPath = base + '/runs/' + encodeURIComponent(runId)
  const { notices } = await api(base + '/allocation-runs/' + encodeURIComponent(runId) + '/notices')
  const tag = { SENT: 'govuk-tag--green', QUEUED: 'govuk-tag--grey', SENDING: 'govuk-tag--blue', FAILED: 'govuk-tag--red', BOUNCED: 'govuk-tag--red', COMPLAINED: 'govuk-tag--orange' }
  show('Notices of run ' + runId, html`
    <span class="govuk-caption-l">Run ${runId}</span>
    <h1 class="govuk-heading-l">Notices</h1>
    <table class="govuk-table"><thead class="govuk-table__head"><tr class="govuk-table__row">
      <th scope="col" class="govuk-table__header">Partnership</th><th scope="col" class="govuk-table__header">Notice</th>
      <th scope="col" class="govuk-table__header">State</th><th scope="col" class="govuk-table__header">Sent to</th>
    </tr></thead><tbody class="govuk-table__body">${notices.map(n => html`<tr class="govuk-table__row">
      <td class="govuk-table__cell">${n.partnershipId ?? ''}</td><td class="govuk-table__cell">${n.kind}</td>
      <td class="govuk-table__cell"><strong class="govuk-tag ${tag[n.state] || ''}">${n.state}</strong></td>
      <td class="govuk-table__cell">${n.recipients.join(', ')}${n.partnershipId && !n.key.includes('/resend-') ? html` <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-resend="${n.partnershipId}">Re-issue<span class="govuk-visually-hidden"> the notice of ${n.partnershipId}</span></button>` : ''}</td></tr>`)}</tbody></table>`,
  [['Programmes', '/'], [programmeId, base], ['Run ' + runId, runPath]])
  document.querySelectorAll('[data-resend]').forEach(button => button.addEventListener('click', async () => {
    try {
      await api(base + '/allocation-runs/' + encodeURIComponent(runId) + '/notices/' + encodeURIComponent(button.dataset.resend) + '/resend', 'POST', '{}')
      location.reload()
    } catch (failure) {
      problem('The notice was not re-issued', failure.message)
    }
  }))
}


// ---- a partnership member's page: their own grant in the latest run ----

async function myGrantPage (programmeId) {
  const partnershipId = bindingIn(programmeId).partnershipId
  const base = '/programmes/' + encodeURIComponent(programmeId)
  const { runs } = await api(base + '/allocation-runs')
  if (runs.length === 0 || !partnershipId) {
    return show('Your grant', html`<h1 class="govuk-heading-l">Your grant</h1>
      <p class="govuk-body">No run of this programme has been committed yet.</p>`, [['Programmes', '/']])
  }
  return rowPage(programmeId, runs[0].runId, partnershipId)
}

// ---- bulletins: written in Markdown, previewed as they will be sent ----

function bulletinPage (programmeId, draft = {}, preview = null, error = null) {
  const base = '/programmes/' + encodeURIComponent(programmeId)
  const audiences = [['ALL', 'Everyone: representatives and project champions'], ['REPRESENTATIVES', 'Representatives'], ['CHAMPIONS', 'Project champions']]
  show(error ? 'Error: Write a bulletin' : 'Write a bulletin', html`
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
    ${error ? errorSummary(error, { bulletinId: 'bulletin-id', subject: 'subject', audience: 'audience-ALL', body: 'markdown' }, 'markdown') : ''}
    <span class="govuk-caption-l">${programmeId}</span>
    <h1 class="govuk-heading-l">Write a bulletin</h1>
    <div class="govuk-form-group"><label class="govuk-label" for="bulletin-id">Reference</label>
      <div class="govuk-hint" id="bulletin-id-hint">Lower-case letters, digits and hyphens, such as briefing-3. Sending it again with the same reference sends nothing twice.</div>
      <input class="govuk-input govuk-!-width-one-half" id="bulletin-id" aria-describedby="bulletin-id-hint" value="${draft.bulletinId ?? ''}"></div>
    <div class="govuk-form-group"><label class="govuk-label" for="subject">Subject</label>
      <input class="govuk-input" id="subject" value="${draft.subject ?? ''}"></div>
    <div class="govuk-form-group"><fieldset class="govuk-fieldset"><legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Who gets it</legend>
      <div class="govuk-radios" data-module="govuk-radios">${audiences.map(([value, label]) => html`<div class="govuk-radios__item">
        <input class="govuk-radios__input" id="audience-${value}" name="audience" type="radio" value="${value}" ${new Html((draft.audience ?? 'ALL') === value ? 'checked' : '')}>
        <label class="govuk-label govuk-radios__label" for="audience-${value}">${label}</label></div>`)}</div></fieldset></div>
    <div class="govuk-form-group"><label class="govuk-label" for="markdown">Message</label>
      <div class="govuk-hint" id="markdown-hint">Markdown: **bold**, [a link](https://www.gov.uk). Only https and mailto links are kept; images are left out.</div>
      <textarea class="govuk-textarea" id="markdown" rows="10" aria-describedby="markdown-hint">${draft.body ?? ''}</textarea></div>
    <div class="govuk-button-group">
      <button type="button" class="govuk-button govuk-button--secondary" data-module="govuk-button" id="preview">Preview</button>
      <button type="button" class="govuk-button" data-module="govuk-button" id="send">Send the bulletin</button>
    </div>
    ${preview === null ? '' : html`<h2 class="govuk-heading-m">Preview</h2><div class="govuk-inset-text" id="preview-body">${new Html(preview)}</div>`}
    </div></div>`, [['Programmes', '/'], [programmeId, base]])
  const read = () => ({
    bulletinId: document.getElementById('bulletin-id').value.trim(),
    subject: document.getElementById('subject').value,
    audience: document.querySelector('input[name=audience]:checked')?.value,
    body: document.getElementById('markdown').value
  })
  document.getElementById('preview').addEventListener('click', async () => {
    const current = read()
    try {
      const rendered = await api(base + '/bulletins/preview', 'POST', JSON.stringify({ body: current.body }))
      bulletinPage(programmeId, current, rendered.html)
    } catch (failure) {
      bulletinPage(programmeId, current, null, failure)
    }
  })
  document.getElementById('send').addEventListener('click', async () => {
    const current = read()
    try {
      const sent = await api(base + '/bulletins', 'POST', JSON.stringify(current))
      show('Bulletin queued', html`<div class="govuk-panel govuk-panel--confirmation"><h1 class="govuk-panel__title">Bulletin queued</h1>
        <div class="govuk-panel__body">${sent.emails} emails, one to each address</div></div>`, [['Programmes', '/'], [programmeId, base]])
    } catch (failure) {
      bulletinPage(programmeId, current, null, failure)
    }
  })
}


// ---- support days: balances, finance's CSV, and booking adviser time ----

function daysTable (caption, lines, entitled) {
  return html`<table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--m">${caption}</caption>
    <thead class="govuk-table__head"><tr class="govuk-table__row">
      <th scope="col" class="govuk-table__header">Name</th>
      <th scope="col" class="govuk-table__header govuk-table__header--numeric">${entitled}</th>
      <th scope="col" class="govuk-table__header govuk-table__header--numeric">Booked</th>
      <th scope="col" class="govuk-table__header govuk-table__header--numeric">Delivered</th>
      <th scope="col" class="govuk-table__header govuk-table__header--numeric">Remaining</th>
    </tr></thead><tbody class="govuk-table__body">${lines.map(l => html`<tr class="govuk-table__row">
      <td class="govuk-table__cell">${l.name}${l.overBookedByDays ? html` <strong class="govuk-tag govuk-tag--red">Over by ${l.overBookedByDays} days</strong>` : ''}</td>
      <td class="govuk-table__cell govuk-table__cell--numeric">${l.entitledDays ?? l.contractedDays}</td>
      <td class="govuk-table__cell govuk-table__cell--numeric">${l.bookedDays}</td>
      <td class="govuk-table__cell govuk-table__cell--numeric">${l.deliveredDays}</td>
      <td class="govuk-table__cell govuk-table__cell--numeric">${l.remainingDays}</td></tr>`)}</tbody></table>`
}

async function supportPage (programmeId, notice = null, error = null) {
  const base = '/programmes/' + encodeURIComponent(programmeId)
  const balances = await api(base + '/support-balances')
  show(error ? 'Error: Support days' : 'Support days', html`
    ${error ? errorSummary(error, { adviserId: 'adviser', partnershipId: 'partnership', date: 'date', days: 'days', topic: 'topic', name: 'adviser-name', contractedDays: 'contracted', members: 'members', poolId: 'pool-id' }, 'book') : ''}
    ${notice ? html`<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="done-title" data-module="govuk-notification-banner">
      <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="done-title">Done</h2></div>
      <div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">${notice}</p></div></div>` : ''}
    <span class="govuk-caption-l">${programmeId}</span>
    <h1 class="govuk-heading-l">Support days</h1>
    ${daysTable('Pools', balances.pools, 'Entitled')}
    ${daysTable('Partnerships', balances.partnerships, 'Entitled')}
    ${daysTable('Advisers', balances.advisers, 'Contracted')}
    <button type="button" class="govuk-button govuk-button--secondary" data-module="govuk-button" id="csv">Make the balances CSV for finance</button>
    <h2 class="govuk-heading-m">Book adviser time</h2>
    <div class="govuk-form-group"><label class="govuk-label" for="adviser">Adviser</label>
      <select class="govuk-select" id="adviser">${balances.advisers.map(a => html`<option value="${a.id}">${a.name}</option>`)}</select></div>
    <div class="govuk-form-group"><label class="govuk-label" for="partnership">Partnership</label>
      <select class="govuk-select" id="partnership">${balances.partnerships.map(p => html`<option value="${p.id}">${p.name}</option>`)}</select></div>
    <div class="govuk-form-group"><label class="govuk-label" for="date">Date</label>
      <div class="govuk-hint" id="date-hint">Written as 2007-10-15</div>
      <input class="govuk-input govuk-input--width-10" id="date" aria-describedby="date-hint"></div>
    <div class="govuk-form-group"><label class="govuk-label" for="days">Days</label>
      <div class="govuk-hint" id="days-hint">In half-day steps, such as 0.5 or 1.5</div>
      <input class="govuk-input govuk-input--width-4" id="days" inputmode="decimal" aria-describedby="days-hint"></div>
    <div class="govuk-form-group"><label class="govuk-label" for="topic">Topic</label>
      <input class="govuk-input" id="topic"></div>
    <button type="button" class="govuk-button" data-module="govuk-button" id="book">Book</button>
    <h2 class="govuk-heading-m">Set up an adviser</h2>
    <div class="govuk-form-group"><label class="govuk-label" for="adviser-id">Reference</label>
      <div class="govuk-hint" id="adviser-id-hint">Such as adviser-health; an existing adviser's details are replaced, their bookings kept</div>
      <input class="govuk-input govuk-!-width-one-half" id="adviser-id" aria-describedby="adviser-id-hint"></div>
    <div class="govuk-form-group"><label class="govuk-label" for="adviser-name">Name</label>
      <input class="govuk-input" id="adviser-name"></div>
    <div class="govuk-form-group"><label class="govuk-label" for="contracted">Contracted days</label>
      <input class="govuk-input govuk-input--width-4" id="contracted" inputmode="decimal"></div>
    <button type="button" class="govuk-button govuk-button--secondary" data-module="govuk-button" id="save-adviser">Save the adviser</button>
    <h2 class="govuk-heading-m">Pool a locality's days</h2>
    <div class="govuk-form-group"><label class="govuk-label" for="pool-id">Pool reference</label>
      <input class="govuk-input govuk-!-width-one-half" id="pool-id"></div>
    <div class="govuk-form-group"><label class="govuk-label" for="members">Members</label>
      <div class="govuk-hint" id="members-hint">The partnership references of one two-tier locality, separated by commas</div>
      <input class="govuk-input" id="members" aria-describedby="members-hint"></div>
    <button type="button" class="govuk-button govuk-button--secondary" data-module="govuk-button" id="save-pool">Create the pool</button>`,
  [['Programmes', '/'], [programmeId, base]])
  const act = async (path, method, body, done) => {
    try {
      await api(path, method, JSON.stringify(body))
      supportPage(programmeId, done)
    } catch (failure) {
      supportPage(programmeId, null, failure)
    }
  }
  document.getElementById('save-adviser').addEventListener('click', () => {
    const id = document.getElementById('adviser-id').value.trim()
    act(base + '/advisers/' + encodeURIComponent(id || '-'), 'PUT', {
      name: document.getElementById('adviser-name').value, contractedDays: document.getElementById('contracted').value.trim()
    }, 'Adviser ' + id + ' saved.')
  })
  document.getElementById('save-pool').addEventListener('click', () => {
    const id = document.getElementById('pool-id').value.trim()
    act(base + '/support-pools/' + encodeURIComponent(id || '-'), 'PUT', {
      members: document.getElementById('members').value.split(',').map(m => m.trim()).filter(Boolean)
    }, 'Pool ' + id + ' created.')
  })
  document.getElementById('csv').addEventListener('click', async () => {
    try {
      const made = await api(base + '/support-balances?format=csv')
      supportPage(programmeId, html`The CSV is ready: <a class="govuk-notification-banner__link" href="${made.csv.link}" download="support-balances.csv">download it</a> (the link works for an hour).`)
    } catch (failure) {
      supportPage(programmeId, null, failure)
    }
  })
  document.getElementById('book').addEventListener('click', async () => {
    const request = {
      adviserId: document.getElementById('adviser').value,
      partnershipId: document.getElementById('partnership').value,
      date: document.getElementById('date').value.trim(),
      days: document.getElementById('days').value.trim(),
      topic: document.getElementById('topic').value
    }
    try {
      const booking = await api(base + '/support-bookings', 'POST', JSON.stringify(request))
      supportPage(programmeId, 'Booked ' + booking.days + ' days on ' + booking.date + ' (booking ' + booking.bookingId + ').')
    } catch (failure) {
      supportPage(programmeId, null, failure)
    }
  })
}

// ---- which page ----

async function route () {
  const path = location.pathname
  if (path === '/auth/callback') {
    return finishSignIn(new URLSearchParams(location.search))
  }
  if (path === '/sign-out') {
    return token() ? signOut() : signedOutPage()
  }
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent)
  const found = match(roundRoutes, path)
  if (found?.route.public) {
    return found.route.page(found.params)
  }
  if (!token()) {
    return startPage()
  }
  document.getElementById('account-navigation').hidden = false
  document.getElementById('signed-in-as').textContent = signedInAs() || ''
  if (parts.length === 0) {
    return programmesPage()
  }
  if ((parts[0] === 'programmes' || parts[0] === 'rounds') && parts[2] === 'audit' && parts.length === 3) {
    return auditPage(parts[0], parts[1])
  }
  if (found) {
    return found.route.page(found.params)
  }
  if (parts[0] === 'programmes' && parts.length === 2) {
    return programmePage(parts[1])
  }
  if (parts[0] === 'programmes' && parts[2] === 'mine' && parts.length === 3) {
    return myGrantPage(parts[1])
  }
  if (parts[0] === 'programmes' && parts[2] === 'support' && parts.length === 3) {
    return supportPage(parts[1])
  }
  if (parts[0] === 'programmes' && parts[2] === 'bulletin' && parts.length === 3) {
    return bulletinPage(parts[1])
  }
  if (parts[0] === 'load' && parts.length === 1) {
    return loadPage()
  }
  if (parts[0] === 'programmes' && parts[2] === 'preview' && parts.length === 3) {
    return previewPage(parts[1])
  }
  if (parts[0] === 'programmes' && parts[2] === 'runs' && (parts[4] === 'exports' || parts[4] === 'notices') && parts.length === 5) {
    return parts[4] === 'exports' ? exportsPage(parts[1], parts[3]) : noticesPage(parts[1], parts[3])
  }
  if (parts[0] === 'programmes' && parts[2] === 'runs' && parts.length === 4) {
    return runPage(parts[1], parts[3])
  }
  if (parts[0] === 'programmes' && parts[2] === 'runs' && parts[4] === 'partnerships' && parts.length === 6) {
    return rowPage(parts[1], parts[3], parts[5])
  }
  problem('Page not found', 'There is no such page.')
}

route().catch(error => {
  if (error instanceof ApiError && error.status === 403) {
    problem('You cannot see this page', error.message)
  } else if (error instanceof ApiError && error.status === 404) {
    problem('Not found', error.message)
  } else if (!(error instanceof ApiError && error.status === 401)) {
    problem('Sorry, there is a problem', error.message)
  }
})
