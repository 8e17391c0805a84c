// The console's one route table: every page of every area. Each area lists its own pages in
// pages/<area>/routes.js as { path, page, public? } (see router.js for how a path is matched).
import { routes as account } from './pages/account/routes.js'
import { routes as programmes } from './pages/programmes/routes.js'
import { routes as runs } from './pages/runs/routes.js'
import { routes as notices } from './pages/notices/routes.js'
import { routes as bulletins } from './pages/bulletins/routes.js'
import { routes as support } from './pages/support/routes.js'
import { routes as audit } from './pages/audit/routes.js'
import { routes as rounds } from './pages/rounds/routes.js'
import { routes as monitoring } from './pages/monitoring/routes.js'
import { routes as reporting } from './pages/reporting/routes.js'
import { routes as governance } from './pages/governance/routes.js'
import { routes as budgets } from './pages/budgets/routes.js'
import { routes as events } from './pages/events/routes.js'
import { routes as assessment } from './pages/assessment/routes.js'
import { routes as evaluation } from './pages/evaluation/routes.js'

export const ROUTES = [...account, ...programmes, ...runs, ...notices, ...bulletins, ...support, ...audit, ...rounds, ...monitoring, ...reporting, ...governance, ...budgets, ...events, ...assessment, ...evaluation]
