// The evaluation area's routes (issue 26): the evaluator's hub and survey set-up, the interview notes, the
// report, and the page a contact answers through the link emailed to them, without signing in.
import { evaluationPage } from './evaluation.js'
import { surveySetUpPage } from './setup.js'
import { interviewsPage } from './interviews.js'
import { reportPage } from './report.js'
import { answerPage } from './answer.js'

const EVALUATION = '/programmes/:programmeId/evaluation'

export const routes = [
  { path: EVALUATION, page: params => evaluationPage(params) },
  { path: EVALUATION + '/surveys/:wave', page: params => surveySetUpPage(params) },
  { path: EVALUATION + '/interviews', page: params => interviewsPage(params) },
  { path: EVALUATION + '/report', page: params => reportPage(params) },
  { path: '/surveys/answer/:token', page: params => answerPage(params), public: true }
]
