// A sub-group's specification for its priority, and the manager's publication of them all.
import { api, show } from '/common.js'
import { html, field, select, dateInput, isoDay, dateParts, longDate, checkAnswers, warningText, errorSummary, titleWith, form, whenSubmitted } from '/components/index.js'
import { roundPath, crumbs, has, person, issueTitle } from './parts.js'
import { roundPage } from './round.js'

const SPECIFICATION_FIELDS = {
  issue: { id: 'issue', label: 'Priority' },
  outcome: { id: 'outcome', label: 'Outcome' },
  indicators: { id: 'indicators', label: 'Indicators' },
  maxAnnualAllocation: { id: 'maxAnnualAllocation', label: 'The maximum a year', message: 'Enter the maximum a year as an amount, like 400000.00' },
  subGroup: { id: 'subGroup', label: 'Written by' }
}

export async function specifyPage (roundId, values = {}, errors = {}) {
  const round = await api(roundPath(roundId))
  const ownIssue = has('sub-group') ? person(roundId) : null
  show(titleWith('Write a specification', errors), html`
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
    ${errorSummary(errors)}
    <span class="govuk-caption-l">${round.name}</span>
    <h1 class="govuk-heading-l">Write the specification</h1>
    ${form({ id: 'specify', submit: 'Save the specification', content: html`
      ${ownIssue ? html`<p class="govuk-body">For the priority <strong>${issueTitle(round, ownIssue)}</strong>.</p>`
        : select({ id: 'issue', label: 'Priority', items: round.selected.map(id => ({ value: id, text: issueTitle(round, id) })), value: values.issue, error: errors.issue })}
      ${field({ id: 'outcome', label: 'Outcome', hint: 'What the activity will achieve for people, not how many attend', value: values.outcome, error: errors.outcome, rows: 3 })}
      ${field({ id: 'indicators', label: 'Indicators from the strategic plan', hint: 'One on each line', value: values.indicators, error: errors.indicators, rows: 3 })}
      ${field({ id: 'maxAnnualAllocation', label: 'Maximum allocation a year', hint: 'For example, 400000.00', prefix: '£', width: '10', inputmode: 'decimal', value: values.maxAnnualAllocation, error: errors.maxAnnualAllocation })}
      ${field({ id: 'subGroup', label: 'Written by', hint: 'The sub-group\'s name', value: values.subGroup, error: errors.subGroup })}` })}
    </div></div>`, crumbs(roundId, round.name))
  whenSubmitted('specify', {
    fields: SPECIFICATION_FIELDS,
    send: v => {
      const issue = ownIssue || v.issue
      return api(roundPath(roundId) + '/specifications/spec-' + encodeURIComponent(issue), 'PUT', JSON.stringify({
        issue,
        outcome: v.outcome.trim(),
        indicators: v.indicators.split('\n').map(line => line.trim()).filter(Boolean),
        maxAnnualAllocation: v.maxAnnualAllocation.trim(),
        subGroup: v.subGroup.trim() || undefined
      }))
    },
    refused: (v, found) => specifyPage(roundId, v, found),
    done: (answer, v) => roundPage(roundId, 'The specification for ' + issueTitle(round, ownIssue || v.issue) + ' is saved.')
  })
}

/**
 * The closing date the check page's "Change" and "Back" links carry back (?closingDate=2002-03-31): a
 * link opens the page afresh, so without it the date typed before would be gone.
 */
function typedBefore () {
  const closingDate = new URLSearchParams(location.search).get('closingDate')
  return closingDate ? { closingDate: dateParts(closingDate) } : {}
}

export async function publishPage (roundId, values = typedBefore(), errors = {}) {
  const round = await api(roundPath(roundId))
  show(titleWith('Publish the specifications', errors), html`
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
    ${errorSummary(errors)}
    <span class="govuk-caption-l">${round.name}</span>
    <h1 class="govuk-heading-l">Publish the specifications</h1>
    <p class="govuk-body">Every specification goes to the mailing list and onto the public page. Lead organisations can send proposals until the closing date.</p>
    ${form({ id: 'publish', submit: 'Continue', cancel: { href: roundPath(roundId), text: 'Not yet' }, content: dateInput({
      id: 'closingDate', legend: 'Closing date for proposals', hint: 'For example, 31 1 2027', value: values.closingDate, error: errors.closingDate
    }) })}
    </div></div>`, crumbs(roundId, round.name))
  whenSubmitted('publish', {
    check: v => /^\d{4}-\d{2}-\d{2}$/.test(isoDay(v.closingDate)) ? {} : { closingDate: 'Enter the closing date as a day, month and year, like 31 1 2027' },
    send: async () => ({}),
    refused: (v, found) => publishPage(roundId, v, found),
    done: (answer, v) => checkPublicationPage(roundId, round, isoDay(v.closingDate))
  })
}

/** Check your answers before the specifications go out: what is published, to whom, and until when. */
function checkPublicationPage (roundId, round, closingDate) {
  const publish = roundPath(roundId) + '/publish'
  const changeTheDate = publish + '?closingDate=' + encodeURIComponent(closingDate)
  show('Check the specifications before you publish them', html`
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
    <span class="govuk-caption-l">${round.name}</span>
    <h1 class="govuk-heading-l">Check the specifications before you publish them</h1>
    ${checkAnswers([{
      rows: [
        { key: 'Specifications', value: 'One for each priority: ' + (round.selected ?? []).map(id => issueTitle(round, id)).join(', '), change: roundPath(roundId) + '/specify', changes: 'the specifications' },
        { key: 'Closing date for proposals', value: longDate(closingDate), change: changeTheDate, changes: 'the closing date' },
        ['Who is told', 'Everyone on the mailing list, and anyone who reads the public page']
      ]
    }])}
    ${warningText('Once published, the specifications cannot be changed.')}
    ${form({ id: 'publish-now', submit: 'Publish the specifications', cancel: { href: changeTheDate, text: 'Back' }, content: html`` })}
    </div></div>`, crumbs(roundId, round.name))
  whenSubmitted('publish-now', {
    fields: { closingDate: { id: 'closingDate', label: 'The closing date' } },
    send: () => api(roundPath(roundId) + '/publish', 'POST', JSON.stringify({ closingDate })),
    // A refusal is about what was typed on the page before: shown there, with the date kept.
    refused: (v, found) => { history.pushState(null, '', publish); return publishPage(roundId, { closingDate: dateParts(closingDate) }, found) },
    done: answer => roundPage(roundId, 'The specifications are published. Proposals close on ' + longDate(answer.closingDate) + '.')
  })
}
