// An API refusal ({ message, details: [{ field, problem }] }) as the errors a page shows: one
// sentence per field on the page, keyed by the field's id, for the error summary and the field alike.
import { fieldInWords, sentence } from './words.js'

/**
 * fields: the API's field → the id of the field on the page, or { id, label, message } for better
 * words; or a function from the API's field (and its problem) to { id, label, message } (a whole document's problems).
 */
function placeOf (apiField, fields, problem) {
  if (typeof fields === 'function') {
    return fields(apiField, problem)
  }
  let path = String(apiField ?? '')
  while (path) {
    if (fields[path] !== undefined) {
      const place = fields[path]
      return typeof place === 'string' ? { id: place } : place
    }
    const shorter = path.replace(/(\[\d+]|\.[^.[\]]*)$/, '')
    path = shorter === path ? '' : shorter
  }
  return null
}

/**
 * The sentence for an id the API cannot use as part of an address (the API says "in the path must be
 * 1 to 128 characters of letters, digits, _ . : -", which is about the request, not the person's file).
 */
export function idInTheFileProblem (what, example) {
  return 'The ' + what + '\'s id in the file can only be letters, digits, hyphens, underscores, full stops and colons, up to 128 of them, like ' + example
}

/**
 * refusalErrors({ message, details }, { days: { id: 'days', label: 'Days' } }, 'adviser')
 *   → { days: 'Days must be in half-day steps.' } (several problems at one field: a list of sentences)
 * A problem about a field not on the page, or a refusal naming no field, goes to fallbackId (the first field).
 */
export function refusalErrors (refusal, fields = {}, fallbackId) {
  const errors = {}
  // A second problem at the same field makes a list: each is its own line there and in the summary.
  const add = (id, text) => { errors[id] = errors[id] === undefined ? text : [errors[id], text].flat() }
  const details = refusal?.details ?? []
  for (const detail of details) {
    const place = placeOf(detail.field, fields, detail.problem)
    const text = place?.message ?? sentence(place?.label ?? fieldInWords(detail.field), detail.problem)
    add(place?.id ?? fallbackId, text)
  }
  if (details.length === 0) {
    add(fallbackId, sentence(null, refusal?.message ?? 'The request failed'))
  }
  return errors
}
