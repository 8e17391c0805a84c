// The runs area's routes: previewing and committing a run, a run, a partnership's grant, finance's files.
import { previewPage } from './preview.js'
import { runPage } from './run.js'
import { partnershipPage } from './partnership.js'
import { exportsPage } from './exports.js'

export const routes = [
  { path: '/programmes/:programmeId/preview', page: previewPage },
  { path: '/programmes/:programmeId/runs/:runId', page: runPage },
  { path: '/programmes/:programmeId/runs/:runId/partnerships/:partnershipId', page: partnershipPage },
  { path: '/programmes/:programmeId/runs/:runId/exports', page: exportsPage }
]
