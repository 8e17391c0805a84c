// The monitoring area's routes: agreements and their returns, the review queue, the reminder
// ledger, payment runs, and one page for each thing a manager, officer or finance does.
import { agreementsPage, monitoringSection } from './agreements.js'
import { agreementPage } from './agreement.js'
import { acceptPage } from './acceptance.js'
import { returnPage } from './returns.js'
import { reviewQueuePage, reviewPage } from './review.js'
import { remindersPage } from './reminders.js'
import { settingsPage } from './settings.js'
import { chooseDayPage, dayPage, makeRunPage } from './payments.js'
import {
  varyReturnPage, skipReturnPage, varyMilestonePage, waiveMilestonePage, achieveMilestonePage,
  holdPage, releasePage, askForOverridePage, approveOverridePage, terminatePage, nameOfficerPage
} from './actions.js'

/** The home page's section about monitoring. */
export const homeSection = monitoringSection

const AGREEMENT = '/agreements/:agreementId'

export const routes = [
  { path: '/agreements', page: () => agreementsPage() },
  { path: AGREEMENT, page: params => agreementPage(params) },
  { path: AGREEMENT + '/reminders', page: params => remindersPage(params) },
  { path: AGREEMENT + '/terminate', page: params => terminatePage(params) },
  { path: AGREEMENT + '/officer', page: params => nameOfficerPage(params) },
  { path: AGREEMENT + '/accept', page: params => acceptPage(params) },
  { path: AGREEMENT + '/returns/:returnKey', page: params => returnPage(params) },
  { path: AGREEMENT + '/returns/:returnKey/review', page: params => reviewPage(params) },
  { path: AGREEMENT + '/returns/:returnKey/vary', page: params => varyReturnPage(params) },
  { path: AGREEMENT + '/returns/:returnKey/skip', page: params => skipReturnPage(params) },
  { path: AGREEMENT + '/milestones/:milestoneKey/vary', page: params => varyMilestonePage(params) },
  { path: AGREEMENT + '/milestones/:milestoneKey/waive', page: params => waiveMilestonePage(params) },
  { path: AGREEMENT + '/milestones/:milestoneKey/achieve', page: params => achieveMilestonePage(params) },
  { path: AGREEMENT + '/instalments/:instalment/hold', page: params => holdPage(params) },
  { path: AGREEMENT + '/instalments/:instalment/release', page: params => releasePage(params) },
  { path: AGREEMENT + '/instalments/:instalment/override', page: params => askForOverridePage(params) },
  { path: AGREEMENT + '/instalments/:instalment/override/approve', page: params => approveOverridePage(params) },
  { path: '/monitoring-settings/:scopeId', page: params => settingsPage(params) },
  { path: '/review-queue', page: () => reviewQueuePage() },
  { path: '/payment-runs', page: () => chooseDayPage() },
  { path: '/payment-runs/:day', page: params => dayPage(params) },
  { path: '/payment-runs/:day/make', page: params => makeRunPage(params) }
]
