// The budgets area's route: a programme's or round's budget statement (issue 25's ledger).
import { budgetPage } from './budget.js'

export const routes = [
  { path: '/budgets/:scopeId', page: budgetPage }
]
