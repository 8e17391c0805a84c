// The performance reporting area's routes: the indicator register, an owner's indicators and figure
// form, a figures file, a manager's themes, outcomes, people, indicators and board meetings, and what
// the public sees without signing in.
import { registerPage, reportingSection } from './register.js'
import { myIndicatorsPage, figurePage } from './figures.js'
import { addMeetingPage } from './meetings.js'
import { publicFiguresPage } from './public.js'
import { publicGovernancePage } from '../governance/public.js'
import { themePage, outcomePage, personPage } from './keep.js'
import { indicatorPage } from './indicator.js'
import { figuresFilePage } from './upload.js'

/** The home page's section about performance reporting. */
export const homeSection = reportingSection

const REGISTER = '/registers/:registerId'

export const routes = [
  { path: '/public/registers/:registerId', public: true, page: params => publicFiguresPage(params) },
  // Beside the figures, what the board and its groups decided (G11): governance's public page.
  { path: '/public/registers/:registerId/governance', public: true, page: params => publicGovernancePage(params) },
  { path: REGISTER, page: params => registerPage(params) },
  { path: REGISTER + '/my-indicators', page: params => myIndicatorsPage(params) },
  { path: REGISTER + '/meetings/new', page: params => addMeetingPage(params) },
  { path: REGISTER + '/themes/new', page: params => themePage(params) },
  { path: REGISTER + '/themes/:themeId', page: params => themePage(params) },
  { path: REGISTER + '/outcomes/new', page: params => outcomePage(params) },
  { path: REGISTER + '/outcomes/:outcomeId', page: params => outcomePage(params) },
  { path: REGISTER + '/people/new', page: params => personPage(params) },
  { path: REGISTER + '/people/:personId', page: params => personPage(params) },
  { path: REGISTER + '/indicators/new', page: params => indicatorPage(params) },
  { path: REGISTER + '/indicators/:indicatorId', page: params => indicatorPage(params) },
  { path: REGISTER + '/figures-file', page: params => figuresFilePage(params) },
  { path: REGISTER + '/indicators/:indicatorId/figures', page: params => figurePage(params) },
  { path: REGISTER + '/indicators/:indicatorId/figures/:quarter', page: params => figurePage(params) }
]
