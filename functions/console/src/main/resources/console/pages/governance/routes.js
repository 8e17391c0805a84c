// The governance area's routes (issue 29): the register's bodies and meetings (the clerk), a meeting
// and each kind of decision at it, an owner's actions and recommendations with their updates,
// completions and answers, where everything stands, and scrutiny's reviews and coverage.
import { governancePage, bodyPage, recordMeetingPage } from './bodies.js'
import { meetingPage, decidePage } from './meeting.js'
import { myWorkPage, standingPage, updatePage, completePage, answerPage } from './work.js'
import { reviewsPage, scopePage, reviewPage, evidencePage, findingPage } from './scrutiny.js'

const GOVERNANCE = '/registers/:registerId/governance'
const MEETING = GOVERNANCE + '/bodies/:bodyId/meetings/:date'

export const routes = [
  { path: GOVERNANCE, page: params => governancePage(params) },
  { path: GOVERNANCE + '/bodies/new', page: params => bodyPage({ registerId: params.registerId }) },
  { path: GOVERNANCE + '/bodies/:bodyId', page: params => bodyPage(params) },
  { path: GOVERNANCE + '/bodies/:bodyId/meetings/new', page: params => recordMeetingPage(params) },
  { path: MEETING, page: params => meetingPage(params) },
  { path: MEETING + '/decide/:kind', page: params => decidePage(params) },
  { path: GOVERNANCE + '/my-work', page: params => myWorkPage(params) },
  { path: GOVERNANCE + '/standing', page: params => standingPage(params) },
  { path: GOVERNANCE + '/actions/:actionId/update', page: params => updatePage(params) },
  { path: GOVERNANCE + '/actions/:actionId/complete', page: params => completePage(params) },
  { path: GOVERNANCE + '/recommendations/:recommendationId/answer', page: params => answerPage(params) },
  { path: GOVERNANCE + '/reviews', page: params => reviewsPage(params) },
  { path: GOVERNANCE + '/reviews/new', page: params => scopePage(params) },
  { path: GOVERNANCE + '/reviews/:reviewId', page: params => reviewPage(params) },
  { path: GOVERNANCE + '/reviews/:reviewId/evidence', page: params => evidencePage(params) },
  { path: GOVERNANCE + '/reviews/:reviewId/findings', page: params => findingPage(params) }
]
