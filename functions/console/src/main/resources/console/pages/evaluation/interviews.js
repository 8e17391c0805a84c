// The evaluator's notes of each telephone interview, by partnership: the notes kept so far, and a form to
// add one (or correct one, by its reference). Refusals at the field, with what was typed kept.
import { api, html, showFormPage } from '/common.js'
import { table, field, select, dateInput, isoDay, form, whenSubmitted } from '/components/index.js'
import { programmeName } from '../programmes/names.js'
import { evaluationPath, evaluationCrumbs } from './parts.js'

const FIELDS = {
  interviewId: { id: 'interview-id', label: 'The reference' },
  partnershipId: { id: 'partnership', label: 'The partnership' },
  on: { id: 'on', label: 'The day of the interview' },
  interviewee: { id: 'interviewee', label: 'Who was interviewed' },
  notes: { id: 'notes', label: 'The notes' }
}

export async function interviewsPage ({ programmeId }, typed = {}, errors = {}) {
  const [name, { interviews }, { partnerships }] = await Promise.all([programmeName(programmeId),
    api(evaluationPath(programmeId) + '/interviews'), api(evaluationPath(programmeId) + '/report')])
  const nameOf = new Map(partnerships.map(p => [p.partnershipId, p.name]))
  showFormPage({ title: 'Telephone interview notes', caption: name, errors, crumbs: evaluationCrumbs(programmeId, name) }, html`
    ${interviews.length === 0
      ? html`<p class="govuk-body">No interview has been noted yet.</p>`
      : table({ caption: 'Interviews noted', captionSize: 'm', firstCellIsHeader: true, head: ['Partnership', 'Day', 'Interviewee', 'Notes', 'Noted by'],
        rows: interviews.map(note => [nameOf.get(note.partnershipId) ?? note.partnershipId, note.onInWords, note.interviewee, note.notes, note.recordedBy]) })}
    <h2 class="govuk-heading-m">Note an interview</h2>
    ${form({ id: 'interview', submit: 'Save the notes', content: html`
      ${field({ id: 'interview-id', label: 'Reference', width: '20', value: typed['interview-id'], error: errors['interview-id'],
        hint: 'Letters, digits and hyphens, such as rugby-1. Saving the same reference again corrects its notes.' })}
      ${select({ id: 'partnership', label: 'Partnership', items: partnerships.map(p => ({ value: p.partnershipId, text: p.name })),
        value: typed.partnership, error: errors.partnership, placeholder: 'Choose a partnership' })}
      ${dateInput({ id: 'on', legend: 'Day of the interview', value: typed.on, error: errors.on })}
      ${field({ id: 'interviewee', label: 'Who was interviewed', value: typed.interviewee, error: errors.interviewee,
        hint: 'Their name and part in the partnership, such as "Dan Dogwood, representative".' })}
      ${field({ id: 'notes', label: 'Notes', rows: 6, value: typed.notes, error: errors.notes })}` })}`)
  whenSubmitted('interview', {
    fields: FIELDS,
    check: values => String(values['interview-id'] ?? '').trim() === ''
      ? { 'interview-id': 'Enter a reference for the interview, such as rugby-1' }
      : {},
    send: values => api(evaluationPath(programmeId) + '/interviews/' + encodeURIComponent(values['interview-id'].trim()), 'PUT',
      JSON.stringify({ partnershipId: values.partnership || null, on: isoDay(values.on), interviewee: values.interviewee, notes: values.notes })),
    refused: (values, found) => interviewsPage({ programmeId }, values, found),
    done: () => interviewsPage({ programmeId })
  })
}
