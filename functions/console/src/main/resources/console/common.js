// What every page of the grants console shares: escaped HTML, the API with the signed-in person's
// token, pages and problems shown the GOV.UK way, and pounds written exactly as the API wrote them.
import { initAll } from '/govuk/govuk-frontend.min.js'
import { html } from './components/html.js'
import { errorSummary as summaryOfProblems, titleWith } from './components/errorSummary.js'
import { enhanceAutocompletes } from './components/autocomplete.js'
import { enhanceDownloads } from './components/download.js'

export const TOKEN = 'grants.idToken'
const main = document.getElementById('main-content')

document.body.classList.add('js-enabled', 'govuk-frontend-supported')

// Writing HTML and pounds: the component layer's, shared here for the pages written before it.
export { Html, html, escape } from './components/html.js'
export { money as pounds } from './components/words.js'

/** While a page is still coming: what is happening, read out by screen readers. */
export function loading (text) {
  main.innerHTML = html`<p class="govuk-body" aria-live="polite">${text}</p>`.text
}

export function show (title, content, crumbs = []) {
  document.title = title + ' – Grants'
  main.innerHTML = content.text
  const breadcrumbs = document.getElementById('breadcrumbs')
  breadcrumbs.hidden = crumbs.length === 0
  document.getElementById('breadcrumb-list').innerHTML = crumbs.map(([label, href]) =>
    html`<li class="govuk-breadcrumbs__list-item"><a class="govuk-breadcrumbs__link" href="${href}">${label}</a></li>`.text).join('')
  initAll()
  enhanceAutocompletes(main)
  enhanceDownloads(main, apiFile, error => problem('Sorry, the file could not be downloaded', error.message))
}

/** A page of one form: its problems, caption and heading above the content, two-thirds wide, as GOV.UK lays out a question page. */
export function showFormPage ({ title, caption, errors = {}, crumbs = [] }, content) {
  show(titleWith(title, errors), html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
    ${summaryOfProblems(errors)}
    ${caption ? html`<span class="govuk-caption-l">${caption}</span>` : ''}
    <h1 class="govuk-heading-l">${title}</h1>
    ${content}</div></div>`, crumbs)
}

export function token () {
  return sessionStorage.getItem(TOKEN)
}

/** Who the token says is signed in (the server checks it; this only shows it). */
export function signedInAs () {
  try {
    return JSON.parse(atob(token().split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).email
  } catch {
    return null
  }
}

// ---- the API ----

export class ApiError extends Error {
  constructor (status, error) {
    super(error?.message || 'The request failed (' + status + ').')
    this.status = status
    this.details = error?.details || []
    this.code = error?.code
  }
}

/** A call to the API as the signed-in person; when their sign-in has run out, back to signing in. */
async function send (path, method = 'GET', body = undefined, headers = {}) {
  const response = await fetch('/api' + path, {
    method,
    headers: { authorization: 'Bearer ' + token(), 'content-type': 'application/json', ...headers },
    body
  })
  if (response.status === 401) {
    sessionStorage.removeItem(TOKEN)
    location.assign('/')
    throw new ApiError(401, { message: 'Sign in again.' })
  }
  return response
}

/** headers: more of them, such as an Idempotency-Key that makes a retried form record once. */
export async function api (path, method = 'GET', body = undefined, headers = {}) {
  const response = await send(path, method, body, headers)
  const answer = await response.json()
  if (!response.ok) {
    throw new ApiError(response.status, answer.error)
  }
  return answer
}

/** A file the API writes (a CSV, or with accept 'text/html' a printable page), as it came. */
export async function apiFile (path, accept) {
  const response = await send(path, 'GET', undefined, accept ? { accept } : {})
  if (!response.ok) {
    throw new ApiError(response.status, (await response.json()).error)
  }
  return response.blob()
}

export function problem (title, message) {
  show(title, html`<h1 class="govuk-heading-l">${title}</h1><p class="govuk-body">${message}</p>
    <p class="govuk-body"><a class="govuk-link" href="/">Go to the programmes</a></p>`)
}

/**
 * What the signed-in person is bound to in a programme or round: their partnership, adviser record,
 * voter, member or issue id, or organisation. A manager binds people; SignInClaims puts the bindings
 * into the ID token's grants:bindings claim, by scope (a programme or round id, or * for everywhere).
 */
export function bindingIn (scopeId) {
  const all = bindings()
  return all[scopeId] || all['*'] || {}
}

/** Every programme, round or register the signed-in person is bound in by name (not '*'). */
export const boundScopes = () => Object.keys(bindings()).filter(scope => scope !== '*')

function bindings () {
  try {
    return JSON.parse(claims()['grants:bindings'] || '{}')
  } catch {
    return {}
  }
}

export function claims () {
  try {
    return JSON.parse(atob(token().split('.')[1].replace(/-/g, '+').replace(/_/g, '/')))
  } catch {
    return {}
  }
}


/**
 * The signed-in person's groups: Cognito's ID token lists them, the local issuer writes them as API
 * Gateway hands them on ("[finance-officer lead-contact]"). Whole names, so "officer" is not "finance-officer".
 */
function groups () {
  const written = claims()['cognito:groups']
  return Array.isArray(written) ? written : String(written ?? '').replace(/[[\]]/g, '').split(/[\s,]+/).filter(Boolean)
}

/** Whether the signed-in person has one of these roles (the API checks; this only chooses what to offer). */
export const hasRole = (...roles) => roles.some(role => groups().includes(role))
