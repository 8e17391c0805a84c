// The performance reporting area's routes: the indicator register, an owner's indicators and figure
// form, a manager's board meetings, and what the public sees without signing in.
import { registerPage, reportingSection } from './register.js'
import { myIndicatorsPage, figurePage } from './figures.js'
import { addMeetingPage } from './meetings.js'
import { publicFiguresPage } from './public.js'

/** The home page's section about performance reporting. */
export const homeSection = reportingSection

const REGISTER = '/registers/:registerId'

export const routes = [
  { path: '/public/registers/:registerId', public: true, page: params => publicFiguresPage(params) },
  { path: REGISTER, page: params => registerPage(params) },
  { path: REGISTER + '/my-indicators', page: params => myIndicatorsPage(params) },
  { path: REGISTER + '/meetings/new', page: params => addMeetingPage(params) },
  { path: REGISTER + '/indicators/:indicatorId/figures', page: params => figurePage(params) },
  { path: REGISTER + '/indicators/:indicatorId/figures/:quarter', page: params => figurePage(params) }
]
