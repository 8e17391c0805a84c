// Signing in with the authorization code grant and PKCE, and signing out of the hosted UI too.
import { TOKEN, html, show, problem } from '/common.js'
import { button } from '/components/index.js'

const PKCE = 'grants.pkce'

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

export async function finishSignIn () {
  const query = new URLSearchParams(location.search)
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

export function startPage () {
  show('Sign in', html`
    <h1 class="govuk-heading-xl">Grants</h1>
    <p class="govuk-body-l">Allocation runs, finance exports, notices and support days for grant programmes.</p>
    ${button({ text: 'Sign in', id: 'sign-in', start: true })}`)
  document.getElementById('sign-in').addEventListener('click', startSignIn)
}

// Signing out ends the user pool's session too (its hosted UI's /logout), not only this tab's token:
// otherwise the next "Sign in" would be let straight back in without a password.
export async function signOut () {
  const settings = await config()
  const signedIn = sessionStorage.getItem(TOKEN)
  sessionStorage.removeItem(TOKEN)
  if (!signedIn || !settings.logoutUrl) {
    return signedOutPage()
  }
  location.assign(settings.logoutUrl + '?' + new URLSearchParams({
    client_id: settings.clientId, logout_uri: settings.signedOutUri
  }))
}

function signedOutPage () {
  show('Signed out', html`<h1 class="govuk-heading-l">You have signed out</h1>
    <p class="govuk-body"><a class="govuk-link" href="/">Sign in again</a></p>`)
}
