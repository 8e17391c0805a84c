// Learning to Deliver's assessments: a partnership's form and profile, and the Steering Group's table.
import { assessPage } from './assess.js'
import { profilePage } from './profile.js'
import { regionalTablePage } from './table.js'

export const routes = [
  { path: '/programmes/:programmeId/partnerships/:partnershipId/assess', page: params => assessPage(params) },
  { path: '/programmes/:programmeId/partnerships/:partnershipId/profile', page: params => profilePage(params) },
  { path: '/programmes/:programmeId/assessment-table', page: params => regionalTablePage(params) }
]
