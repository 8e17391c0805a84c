// Long work in the background, as it goes: a bar and a sentence read out as they change. The page
// updates them with updateProgress while it asks the API how far the work has gone.
import { html } from './html.js'

/** progress({ id: 'commit', label: 'Rows written', value: 10, max: 38, status: 'Writing: 10 of 38 rows written.' }) */
export function progress ({ id, label, value = 0, max = 1, status = '' }) {
  return html`<div class="govuk-form-group app-progress-group">
    <label class="govuk-label" for="${id}-progress">${label}</label>
    <progress class="app-progress" id="${id}-progress" max="${max}" value="${value}"></progress>
    <p class="govuk-body" id="${id}-status" aria-live="polite">${status}</p></div>`
}

/** Moves the bar and says where the work is; false when the page has gone (the person went elsewhere). */
export function updateProgress (id, { value, max, status }) {
  const bar = document.getElementById(id + '-progress')
  if (!bar) {
    return false
  }
  if (max !== undefined) {
    bar.max = max
  }
  bar.value = value
  document.getElementById(id + '-status').textContent = status
  return true
}
