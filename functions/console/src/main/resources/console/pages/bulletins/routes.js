// The bulletins area's routes: writing one.
import { bulletinPage } from './bulletin.js'

export const routes = [
  { path: '/programmes/:programmeId/bulletin', page: params => bulletinPage(params) }
]
