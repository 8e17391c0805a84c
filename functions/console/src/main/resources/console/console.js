// The grants console: pages of the GOV.UK Design System over the grants API. It signs in with the
// authorization code grant and PKCE, keeps the token in this tab's sessionStorage only, and shows
// every amount exactly as the API wrote it: it never computes money. Which page a path shows is the
// route table's business (routes.js); this only finds it and shows what went wrong.
import { ApiError, problem, token, signedInAs } from '/common.js'
import { ROUTES } from '/routes.js'
import { match } from '/router.js'
import { startPage } from '/pages/account/signIn.js'

async function route () {
  const found = match(ROUTES, location.pathname)
  if (found?.route.public) {
    return found.route.page(found.params)
  }
  if (!token()) {
    return startPage()
  }
  document.getElementById('account-navigation').hidden = false
  document.getElementById('signed-in-as').textContent = signedInAs() || ''
  if (!found) {
    return problem('Page not found', 'There is no such page.')
  }
  return found.route.page(found.params)
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
