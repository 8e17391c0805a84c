// What the evaluation's pages share: their addresses, and the three sections and three kinds of question in words.
import { programmeCrumbs } from '../programmes/names.js'

const id = value => encodeURIComponent(value)
export const evaluationPath = programmeId => '/programmes/' + id(programmeId) + '/evaluation'
export const surveyPath = (programmeId, wave) => evaluationPath(programmeId) + '/surveys/' + id(wave)
export const evaluationCrumbs = (programmeId, name) => [...programmeCrumbs(programmeId, name), ['Evaluation', evaluationPath(programmeId)]]

export const SECTIONS = [
  { value: 'KNOWLEDGE_AND_UNDERSTANDING', text: 'Knowledge and understanding' },
  { value: 'PERCEIVED_CAPACITY', text: 'Perceived capacity' },
  { value: 'SUPPORT_RECEIVED', text: 'Support received' }
]

export const KINDS = [
  { value: 'SCALE', text: 'A scale from 1 to 5' },
  { value: 'NUMBER', text: 'A whole number' },
  { value: 'TEXT', text: 'Words' }
]

export const WAVES = [
  { wave: 'baseline', text: 'Baseline survey' },
  { wave: 'end', text: 'End of programme survey' }
]
