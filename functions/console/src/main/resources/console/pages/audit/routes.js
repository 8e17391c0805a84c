// The audit area's routes: the trail of a programme and of a round.
import { programmeAuditPage, roundAuditPage } from './audit.js'

export const routes = [
  { path: '/programmes/:programmeId/audit', page: programmeAuditPage },
  { path: '/rounds/:roundId/audit', page: roundAuditPage }
]
