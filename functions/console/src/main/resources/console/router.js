// Finding the page for a path in the route table. A route's path is written with :names for the
// parts that vary ('/programmes/:programmeId/runs/:runId'); when two routes fit, the one with more
// fixed parts wins, so '/rounds/:roundId/audit' is found before '/rounds/:roundId/:page'.

function fits (pattern, parts) {
  const wanted = pattern.split('/').filter(Boolean)
  if (wanted.length !== parts.length) {
    return null
  }
  const params = {}
  for (let i = 0; i < wanted.length; i++) {
    if (wanted[i].startsWith(':')) {
      params[wanted[i].slice(1)] = parts[i]
    } else if (wanted[i] !== parts[i]) {
      return null
    }
  }
  return params
}

function fixedParts (pattern) {
  return pattern.split('/').filter(part => part && !part.startsWith(':')).length
}

/** The route for a path and the values of its :names, or null. */
export function match (routes, pathname) {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent)
  let best = null
  for (const route of routes) {
    const params = fits(route.path, parts)
    if (params && (!best || fixedParts(route.path) > fixedParts(best.route.path))) {
      best = { route, params }
    }
  }
  return best
}
