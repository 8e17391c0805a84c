// The programmes area's routes: the home page, a programme, loading one, a member's own grant.
import { homePage } from './home.js'
import { programmePage } from './programme.js'
import { loadPage } from './load.js'
import { myGrantPage } from './mine.js'

export const routes = [
  { path: '/', page: homePage },
  { path: '/load', page: loadPage },
  { path: '/programmes/:programmeId', page: programmePage },
  { path: '/programmes/:programmeId/mine', page: myGrantPage }
]
