// The notices area's routes: a run's notices and their delivery.
import { noticesPage } from './notices.js'

export const routes = [
  { path: '/programmes/:programmeId/runs/:runId/notices', page: noticesPage }
]
