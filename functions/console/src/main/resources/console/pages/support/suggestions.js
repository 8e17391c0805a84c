// Support that fits: on the booking page, the advisers whose specialisms match the partnership's
// weakest domains and who still have days, best first, each with the reason in words. Only
// suggestions: any adviser can still be chosen. A partnership member, who cannot read every balance,
// books for their own partnership with the advisers suggested to it.
import { api, html, bindingIn, ApiError } from '/common.js'
import { table, insetText } from '/components/index.js'
import { programmePath } from '../programmes/names.js'

/** Whom to suggest for: the partnership chosen on the form, else the one in the address (?partnership=), else the member's own. */
function partnershipToSuggestFor (programmeId, values) {
  const [kind, id] = (values.partnership ?? '').split(':')
  if (kind === 'partnership' && id) {
    return id
  }
  return new URLSearchParams(location.search).get('partnership') || bindingIn(programmeId).partnershipId || null
}

async function suggestionsFor (programmeId, partnershipId) {
  if (!partnershipId) {
    return []
  }
  const answer = await api(programmePath(programmeId) + '/support-suggestions?' + new URLSearchParams({ partnershipId }))
  return answer.suggestions
}

function suggestionsTable (suggestions) {
  if (suggestions.length === 0) {
    return ''
  }
  return html`${table({
    id: 'suggested-advisers',
    caption: 'Advisers suggested for your weakest domains',
    head: ['Adviser', 'Why', { text: 'Days left', numeric: true }],
    rows: suggestions.map(s => [s.name, s.reason, s.remainingDays]),
    firstCellIsHeader: true
  })}${insetText('These are suggestions, best match first: you can choose any adviser.')}`
}

/**
 * What the booking form offers: the balances (or, for a member refused them, their own partnership and
 * the advisers suggested to it), whether the balances could be read, the suggestions' table, and the
 * partnership to start with.
 */
export async function bookingChoices (programmeId, values) {
  const partnershipId = partnershipToSuggestFor(programmeId, values)
  const [balances, suggestions] = await Promise.all([
    api(programmePath(programmeId) + '/support-balances').catch(failure => {
      if (failure instanceof ApiError && failure.status === 403 && bindingIn(programmeId).partnershipId) {
        return null
      }
      throw failure
    }),
    suggestionsFor(programmeId, partnershipId)])
  const own = bindingIn(programmeId).partnershipId
  return {
    mayReadBalances: balances !== null, // a member may not: after booking they are not sent to the hub
    balances: balances ?? {
      partnerships: [{ id: own, name: own }],
      pools: [],
      advisers: suggestions.map(s => ({ id: s.adviserId, name: s.name }))
    },
    suggestions: suggestionsTable(suggestions),
    partnership: partnershipId ? 'partnership:' + partnershipId : undefined
  }
}
