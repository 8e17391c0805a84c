// GOV.UK task list: the steps of something long, each with its status (a tag or plain words).
import { html, classes } from './html.js'
import { tag } from './tag.js'

let lists = 0

/**
 * taskList([{ title: 'Vote with dots', href: '/rounds/x/vote', hint: 'Board members', status: 'DONE' | { text: 'Cannot start yet' } }])
 * A status code is shown as its tag; { text } as grey words, as GOV.UK does for "Cannot start yet".
 */
export function taskList (items, { idPrefix = 'task-list-' + (++lists) } = {}) {
  return html`<ul class="govuk-task-list">${items.filter(Boolean).map((item, index) => {
    const hintId = idPrefix + '-' + (index + 1) + '-hint'
    const statusId = idPrefix + '-' + (index + 1) + '-status'
    const status = typeof item.status === 'string' ? tag(item.status) : item.status?.text ?? ''
    return html`<li class="${classes('govuk-task-list__item', item.href && 'govuk-task-list__item--with-link')}">
      <div class="govuk-task-list__name-and-hint">
        ${item.href
          ? html`<a class="govuk-link govuk-task-list__link" href="${item.href}" aria-describedby="${classes(item.hint && hintId, statusId)}">${item.title}</a>`
          : html`<div>${item.title}</div>`}
        ${item.hint ? html`<div id="${hintId}" class="govuk-task-list__hint">${item.hint}</div>` : ''}
      </div>
      <div class="${classes('govuk-task-list__status', typeof item.status !== 'string' && 'govuk-task-list__status--cannot-start-yet')}" id="${statusId}">${status}</div>
    </li>`
  })}</ul>`
}
