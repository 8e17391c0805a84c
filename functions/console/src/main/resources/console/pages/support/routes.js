// The support area's routes: the hub of balances, and a page for each task.
import { supportPage } from './hub.js'
import { bookPage } from './book.js'
import { adviserPage } from './adviser.js'
import { chooseLocalityPage, poolPage } from './pool.js'

export const routes = [
  { path: '/programmes/:programmeId/support', page: params => supportPage(params) },
  { path: '/programmes/:programmeId/support/book', page: params => bookPage(params) },
  { path: '/programmes/:programmeId/support/adviser', page: params => adviserPage(params) },
  { path: '/programmes/:programmeId/support/adviser/:adviserId', page: params => adviserPage(params) },
  { path: '/programmes/:programmeId/support/pool', page: chooseLocalityPage },
  { path: '/programmes/:programmeId/support/pool/:county', page: params => poolPage(params) }
]
