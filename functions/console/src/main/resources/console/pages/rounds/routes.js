// The rounds area's routes: a commissioning round's pages, and its section of the home page.
import { roundRoute, roundsList, publicRoundPage } from './rounds.js'

/** The home page's section about rounds (the home page shows every area's section). */
export const homeSection = roundsList

export const routes = [
  { path: '/public/rounds/:roundId', public: true, page: ({ roundId }) => publicRoundPage(roundId) },
  { path: '/rounds-new', page: () => roundRoute(['rounds-new']) },
  { path: '/rounds/:roundId', page: ({ roundId }) => roundRoute(['rounds', roundId]) },
  { path: '/rounds/:roundId/:page', page: ({ roundId, page }) => roundRoute(['rounds', roundId, page]) },
  { path: '/rounds/:roundId/:page/:id', page: ({ roundId, page, id }) => roundRoute(['rounds', roundId, page, id]) }
]
