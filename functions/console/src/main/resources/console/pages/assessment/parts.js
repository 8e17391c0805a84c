// What the assessment pages share: their addresses, and waves, kinds and scores in words.
import { programmePath, programmeCrumbs } from '../programmes/names.js'

export function partnershipPath (programmeId, partnershipId) {
  return programmePath(programmeId) + '/partnerships/' + encodeURIComponent(partnershipId)
}

export function frameworkPath (programmeId) {
  return programmePath(programmeId) + '/competency-framework'
}

export function tablePath (programmeId) {
  return programmePath(programmeId) + '/assessment-table'
}

export const WAVES = [
  { value: 'BASELINE', text: 'Baseline', hint: 'At the start of the programme' },
  { value: 'END', text: 'End of the programme' }
]

export const KINDS = [
  { value: 'SELF', text: 'Self-assessment', hint: 'The partnership assesses itself' },
  { value: 'JOINT_REVIEW', text: 'Joint Government/Partnership review', hint: 'For a partnership with a Local Area Agreement; a government reviewer co-signs it' }
]

export const SCORES = [
  { value: '1', text: '1 – not yet' },
  { value: '2', text: '2 – partly' },
  { value: '3', text: '3 – mostly' },
  { value: '4', text: '4 – fully' }
]

/** A wave or kind code as its words ("BASELINE" → "Baseline"). */
export function choiceInWords (choices, code) {
  return choices.find(choice => choice.value === code)?.text ?? code
}

/** An exact score from the API ({ words: "2 1/3" }) as "2 1/3 of 4", or "Not assessed yet". */
export function scoreInWords (score) {
  return score ? score.words + ' of 4' : 'Not assessed yet'
}

export function assessmentCrumbs (programmeId, name, partnershipName, partnershipId) {
  return programmeCrumbs(programmeId, name, [partnershipName, partnershipPath(programmeId, partnershipId) + '/profile'])
}
