// A file the API writes, saved as the signed-in person: a plain link cannot carry their token, so a
// click fetches the file with it and hands the browser what came back, under the file's own name.
import { html } from './html.js'

/**
 * downloadLink({ path: '/payment-runs/2002-09-30/payments.csv', name: 'payments-2002-09-30.csv', text: 'Download …' }),
 * accept: 'text/html' for a route that answers a printable page to it (a report card, a board pack).
 */
export function downloadLink ({ path, name, text, accept }) {
  return html`<a class="govuk-link" href="/api${path}" download="${name}" data-api-file="${path}"${accept ? html` data-accept="${accept}"` : ''}>${text}</a>`
}

/** Makes each download link in root fetch its file with fetchFile (path, accept to Blob); failed(error) when it cannot. */
export function enhanceDownloads (root, fetchFile, failed) {
  root.querySelectorAll('a[data-api-file]').forEach(link => link.addEventListener('click', async event => {
    event.preventDefault()
    try {
      const url = URL.createObjectURL(await fetchFile(link.dataset.apiFile, link.dataset.accept))
      const save = document.createElement('a')
      save.href = url
      save.download = link.getAttribute('download')
      document.body.appendChild(save)
      save.click()
      save.remove()
      setTimeout(() => URL.revokeObjectURL(url), 0)
    } catch (error) {
      failed(error)
    }
  }))
}
