// The rounds area's routes: a commissioning round's pages, and its section of the home page.
import { roundsList, setUpPage, publicRoundPage } from './home.js'
import { roundPage } from './round.js'
import { votePage, tallyPage } from './vote.js'
import { specifyPage, publishPage } from './specify.js'
import { panelsPage, panelPage } from './panels.js'
import { proposePage, proposalsPage } from './propose.js'
import { proposalPage } from './proposal.js'
import { declarePage, lateInterestPage } from './interests.js'
import { proposerMeetingsPage } from './meetings.js'
import { decisionsPage, publishDecisionsPage } from './decisions.js'
import { contractsPage, contractPage } from './contracts.js'
import { secondCallPage } from './secondCall.js'

/** The home page's section about rounds (the home page shows every area's section). */
export const homeSection = roundsList

export const routes = [
  { path: '/public/rounds/:roundId', public: true, page: ({ roundId }) => publicRoundPage(roundId) },
  { path: '/rounds-new', page: () => setUpPage() },
  { path: '/rounds/:roundId', page: ({ roundId }) => roundPage(roundId) },
  { path: '/rounds/:roundId/vote', page: ({ roundId }) => votePage(roundId) },
  { path: '/rounds/:roundId/tally', page: ({ roundId }) => tallyPage(roundId) },
  { path: '/rounds/:roundId/specify', page: ({ roundId }) => specifyPage(roundId) },
  { path: '/rounds/:roundId/publish', page: ({ roundId }) => publishPage(roundId) },
  { path: '/rounds/:roundId/panels', page: ({ roundId }) => panelsPage(roundId) },
  { path: '/rounds/:roundId/panels/:specificationId', page: ({ roundId, specificationId }) => panelPage(roundId, specificationId) },
  { path: '/rounds/:roundId/propose', page: ({ roundId }) => proposePage(roundId) },
  { path: '/rounds/:roundId/declare', page: ({ roundId }) => declarePage(roundId) },
  { path: '/rounds/:roundId/late-interests', page: ({ roundId }) => lateInterestPage(roundId) },
  { path: '/rounds/:roundId/proposals', page: ({ roundId }) => proposalsPage(roundId) },
  { path: '/rounds/:roundId/proposals/:proposalId', page: ({ roundId, proposalId }) => proposalPage(roundId, proposalId) },
  { path: '/rounds/:roundId/proposals/:proposalId/meetings', page: ({ roundId, proposalId }) => proposerMeetingsPage(roundId, proposalId) },
  { path: '/rounds/:roundId/proposals/:proposalId/contract', page: ({ roundId, proposalId }) => contractPage(roundId, proposalId) },
  { path: '/rounds/:roundId/decisions', page: ({ roundId }) => decisionsPage(roundId) },
  { path: '/rounds/:roundId/publish-decisions', page: ({ roundId }) => publishDecisionsPage(roundId) },
  { path: '/rounds/:roundId/contracts', page: ({ roundId }) => contractsPage(roundId) },
  { path: '/rounds/:roundId/second-call', page: ({ roundId }) => secondCallPage(roundId) }
]
