// Setting up an adviser bought by tender: their name, the days contracted for the year, their day rate
// (what each booking commits to the programme's budget) and their specialisms from the programme's list. Changing an adviser starts from what is saved, so their
// specialisms are kept unless unticked; their bookings are kept.
import { api, html } from '/common.js'
import { field, checkboxes, whenSubmitted } from '/components/index.js'
import { programmeName, programmePath } from '../programmes/names.js'
import { showSupportForm, backToSupport, supportPath } from './hub.js'

// The API's controlled list (grants.core.support.Specialisms), in the same order: the workshop topics first.
const SPECIALISMS = ['Performance management', 'Governance and accountability', 'Involving the voluntary sector',
  'Economic development', 'Leadership of partnerships', 'Health', 'Crime and community safety', 'Housing',
  'Education and skills', 'Employment and enterprise', 'Environment', 'Children and young people', 'Older people',
  'Transport', 'Culture and sport']

const FIELDS = {
  adviserId: { id: 'adviser-id', label: 'The reference' },
  name: { id: 'adviser-name', label: 'The name' },
  contractedDays: { id: 'contracted', message: 'Enter the contracted days as a number in half-day steps, like 20 or 20.5' },
  dayRate: { id: 'day-rate', message: 'Enter the day rate in pounds and pence, like 450.00, or leave it empty' },
  specialisms: { id: 'specialisms', label: 'Each specialism' }
}

/** The form's values for an adviser already saved (from the balances), or blank for a new one. */
async function savedAdviser (programmeId, adviserId) {
  if (!adviserId) {
    return {}
  }
  const balances = await api(supportPath(programmeId) + '-balances')
  const adviser = balances.advisers.find(a => a.id === adviserId)
  return adviser
    ? { 'adviser-id': adviser.id, 'adviser-name': adviser.name, contracted: adviser.contractedDays, 'day-rate': adviser.dayRate ?? '', specialisms: adviser.specialisms ?? [] }
    : { 'adviser-id': adviserId }
}

export async function adviserPage ({ programmeId, adviserId }, values = null, errors = {}) {
  const [name, shown] = await Promise.all([programmeName(programmeId), values ?? savedAdviser(programmeId, adviserId)])
  values = shown
  showSupportForm({
    programmeId, name, title: adviserId ? 'Change an adviser' : 'Set up an adviser', errors, formId: 'adviser-form', button: { text: 'Save the adviser', id: 'save-adviser' },
    content: html`
        ${field({ id: 'adviser-id', label: 'Reference', width: 'one-half', value: values['adviser-id'], error: errors['adviser-id'],
          hint: 'Lower-case letters, digits and hyphens, such as adviser-health. An existing adviser\'s details are replaced; their bookings are kept.' })}
        ${field({ id: 'adviser-name', label: 'Name', value: values['adviser-name'], error: errors['adviser-name'] })}
        ${field({ id: 'contracted', label: 'Contracted days for the year', hint: 'In half-day steps, like 20 or 20.5', width: '4', inputmode: 'decimal', suffix: 'days', value: values.contracted, error: errors.contracted })}
        ${field({ id: 'day-rate', label: 'Day rate', hint: 'What a day of their time costs, like 450.00: each booking commits its days at this rate to the programme\'s budget. Leave it empty if it is not agreed yet.', prefix: '£', width: '10', inputmode: 'decimal', value: values['day-rate'], error: errors['day-rate'] })}
        ${checkboxes({ id: 'specialisms', legend: 'Specialisms', hint: 'Select all that apply', items: SPECIALISMS.map(s => ({ value: s.toLowerCase(), text: s })), values: values.specialisms, error: errors.specialisms })}`
  })
  whenSubmitted('adviser-form', {
    check: typed => (typed['adviser-id'] ?? '').trim() ? {} : { 'adviser-id': 'Enter a reference for the adviser, like adviser-health' },
    fields: FIELDS,
    send: typed => api(programmePath(programmeId) + '/advisers/' + encodeURIComponent(typed['adviser-id'].trim()), 'PUT', JSON.stringify({
      name: typed['adviser-name'],
      contractedDays: (typed.contracted ?? '').trim(),
      ...((typed['day-rate'] ?? '').trim() ? { dayRate: typed['day-rate'].trim() } : {}),
      specialisms: typed.specialisms ?? []
    })),
    refused: (typed, problems) => adviserPage({ programmeId, adviserId }, typed, problems),
    done: adviser => backToSupport(programmeId, adviser.name + ' is set up, with ' + adviser.contractedDays + ' days contracted'
      + (adviser.dayRateInWords ? ' at ' + adviser.dayRateInWords + ' a day' : '') + '.')
  })
}
