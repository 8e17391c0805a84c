// A programme is named by its name, not its id: the name for captions and breadcrumbs, read once a page.
import { api } from '/common.js'

let programmes = null

export async function programmeName (programmeId) {
  programmes ??= api('/programmes').then(answer => answer.programmes).catch(() => [])
  return (await programmes).find(p => p.programmeId === programmeId)?.name ?? programmeId
}

export function programmePath (programmeId) {
  return '/programmes/' + encodeURIComponent(programmeId)
}

/** The breadcrumbs of a page inside a programme: Programmes › its name › ...more. */
export function programmeCrumbs (programmeId, name, ...more) {
  return [['Programmes', '/'], [name, programmePath(programmeId)], ...more]
}
