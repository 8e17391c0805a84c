// A bulletin to a programme's contacts, written in Markdown and previewed exactly as it will be sent.
import { api, Html, html, show, showFormPage } from '/common.js'
import { field, insetText, radios, form, whenSubmitted, panel } from '/components/index.js'
import { programmeName, programmeCrumbs, programmePath } from '../programmes/names.js'

const FIELDS = {
  bulletinId: { id: 'bulletin-id', label: 'The reference' },
  subject: { id: 'subject', label: 'The subject' },
  audience: { id: 'audience', label: 'Who gets it' },
  body: { id: 'markdown', label: 'The message' }
}

const AUDIENCES = [
  { value: 'ALL', text: 'Everyone: representatives and project champions' },
  { value: 'REPRESENTATIVES', text: 'Representatives' },
  { value: 'CHAMPIONS', text: 'Project champions' }
]

function request (values) {
  return { bulletinId: (values['bulletin-id'] ?? '').trim(), subject: values.subject, audience: values.audience, body: values.markdown }
}

export async function bulletinPage ({ programmeId }, values = { audience: 'ALL' }, errors = {}, preview = null) {
  const base = programmePath(programmeId)
  const name = await programmeName(programmeId)
  showFormPage({ title: 'Write a bulletin', caption: name, errors, crumbs: programmeCrumbs(programmeId, name) }, html`
    ${form({
      id: 'bulletin',
      buttons: [{ text: 'Preview', value: 'preview', id: 'preview', secondary: true }, { text: 'Send the bulletin', value: 'send', id: 'send' }],
      content: html`
        ${field({ id: 'bulletin-id', label: 'Reference', width: 'one-half', value: values['bulletin-id'], error: errors['bulletin-id'],
          hint: 'Lower-case letters, digits and hyphens, such as briefing-3. Sending it again with the same reference sends nothing twice.' })}
        ${field({ id: 'subject', label: 'Subject', value: values.subject, error: errors.subject })}
        ${radios({ id: 'audience', legend: 'Who gets it', items: AUDIENCES, value: values.audience, error: errors.audience })}
        ${field({ id: 'markdown', label: 'Message', rows: 10, value: values.markdown, error: errors.markdown,
          hint: 'Markdown: **bold**, [a link](https://www.gov.uk). Only https and mailto links are kept; images are left out.' })}`
    })}
    ${preview === null ? '' : html`<h2 class="govuk-heading-m">Preview</h2>${insetText(new Html(preview), { id: 'preview-body' })}`}`)
  whenSubmitted('bulletin', {
    fields: FIELDS,
    send: (typed, action) => action === 'preview'
      ? api(base + '/bulletins/preview', 'POST', JSON.stringify({ body: typed.markdown }))
      : api(base + '/bulletins', 'POST', JSON.stringify(request(typed))),
    refused: (typed, problems) => bulletinPage({ programmeId }, typed, problems),
    done: (answer, typed, action) => action === 'preview'
      ? bulletinPage({ programmeId }, typed, {}, answer.html)
      : show('Bulletin queued', panel({ title: 'Bulletin queued', body: answer.emails + ' emails, one to each address' }), programmeCrumbs(programmeId, name))
  })
}
