// The awards the rules worked out, each specification's money as a chart and a table, every
// proposal's status and reason, the manager's override with its reason, each contract's schedule
// (instalments whose day has passed marked), and publication after checking what it will do.
import { api, show } from '/common.js'
import { html, table, tag, inWords, money, longDate, summaryList, select, radios, field, chart, banner, button, checkAnswers, warningText, insetText, details, panel, errorSummary, titleWith, form, whenSubmitted } from '/components/index.js'
import { roundPath, proposalPath, crumbs, has, organisationName, specificationTitle, lines, optional } from './parts.js'

const OVERRIDABLE = ['AWARDED', 'NOT_FUNDED_NO_BUDGET', 'NOT_FUNDED_SCORE']

// The decisions come a page at a time (proposalsPage.next); these pages show every proposal.
async function everyDecision (base) {
  const decided = await api(base + '/decisions')
  for (let page = decided; page.proposalsPage && page.proposalsPage.next;) {
    page = await api(base + '/decisions?after=' + encodeURIComponent(page.proposalsPage.next))
    decided.proposals.push(...page.proposals)
  }
  return decided
}

function fundSummary (decided) {
  return summaryList([
    ['Fund a year', money(decided.fund.annualAmount)],
    ['Awarded a year', money(decided.fund.awardedAnnual)],
    ['Not awarded a year', money(decided.fund.unawardedAnnual)],
    ['Contracts', decided.fund.contracts + ', ' + money(decided.fund.awardedTotal) + ' in all']
  ])
}

function awardsChart (round, decided) {
  return chart({
    id: 'awards',
    title: 'Awards against each specification\'s maximum',
    description: 'For each specification, the money awarded a year beside the most it could award.',
    labelHeading: 'Specification',
    valueHeading: 'A year',
    bars: decided.specifications.flatMap(s => [
      { label: specificationTitle(round, s.id) + ': awarded', value: s.awardedAnnual },
      { label: specificationTitle(round, s.id) + ': maximum', value: s.maxAnnualAllocation, style: 'hatched' }
    ]),
    key: [{ style: 'hatched', text: 'The specification\'s maximum' }],
    format: money
  })
}

/** Each contract's instalments as C11 sets them; those whose day has passed are paid by finance's next payment run. */
function scheduleSection (round, schedule) {
  if (!schedule || schedule.contracts.length === 0) {
    return ''
  }
  return html`<h2 class="govuk-heading-m">Each contract's payments</h2>
    <p class="govuk-body">Four instalments a year, in advance. As of ${longDate(schedule.asOf)}, an instalment whose day has passed is paid by finance's next payment run.</p>
    ${schedule.contracts.map(c => details({
      summary: organisationName(round, c.lead) + ': ' + money(c.total) + ' in all' + (c.passedAmount !== '0.00' ? ', ' + money(c.passedAmount) + ' already due' : ''),
      content: table({
        caption: 'Instalments to ' + organisationName(round, c.lead), captionSize: 's',
        head: [{ text: 'Instalment', numeric: true }, 'Due', { text: 'Amount', numeric: true }, 'When it is paid'],
        rows: c.instalments.map(i => [i.number, longDate(i.due), money(i.amount), i.dayPassed ? html`${tag('DAY_PASSED')} paid by ${i.paidBy}` : 'On its day'])
      })
    }))}`
}

function overrideForm (decided, values, errors) {
  return html`<h2 class="govuk-heading-m">Override a recommendation</h2>
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
    <p class="govuk-body">Only with a reason, which the audit trail and the proposers' letters keep.</p>
    ${form({ id: 'override', submit: 'Override', content: html`
      ${select({ id: 'override-proposal', label: 'Proposal', items: decided.proposals.filter(p => OVERRIDABLE.includes(p.status)).map(p => ({ value: p.proposal, text: p.title + ' (' + inWords(p.status).toLowerCase() + ')' })), value: values['override-proposal'], error: errors['override-proposal'] })}
      ${radios({ id: 'override-decision', legend: 'Decision', items: [{ value: 'AWARD', text: 'Award it in full' }, { value: 'DECLINE', text: 'Do not fund it' }], value: values['override-decision'], error: errors['override-decision'] })}
      ${field({ id: 'override-reason', label: 'Reason', rows: 3, value: values['override-reason'], error: errors['override-reason'] })}` })}
    </div></div>`
}

export async function decisionsPage (roundId, notice = null, values = {}, errors = {}) {
  const base = roundPath(roundId)
  const [round, decided, schedule] = await Promise.all([api(base), everyDecision(base), optional(base + '/schedule')])
  const deciding = has('programme-manager') && decided.stage === 'DECIDED'
  show(titleWith('Decisions', errors), html`
    ${errorSummary(errors)}
    ${notice ? banner({ heading: notice, success: true }) : ''}
    <span class="govuk-caption-l">${round.name}</span>
    <h1 class="govuk-heading-l">${decided.stage === 'PUBLISHED' ? 'Decisions' : 'Awards worked out, not yet published'}</h1>
    ${fundSummary(decided)}
    ${decided.waitingSpecifications.length > 0 ? insetText('Waiting for scores or a moderation, and published later: ' + decided.waitingSpecifications.map(id => specificationTitle(round, id)).join(', ') + '.') : ''}
    ${deciding ? button({ text: 'Publish the decisions', href: base + '/publish-decisions' }) : ''}
    ${awardsChart(round, decided)}
    ${table({
      caption: 'Every proposal',
      head: ['Proposal', { text: 'Final score', numeric: true }, 'Status', { text: 'Award a year', numeric: true }, 'Why'],
      rows: decided.proposals.map(p => [html`<a class="govuk-link" href="${proposalPath(roundId, p.proposal)}">${p.title}</a>`,
        p.finalScore ?? '', tag(p.status), money(p.awardAnnual), { text: p.reason, classes: 'grants-reason' }])
    })}
    ${scheduleSection(round, schedule)}
    ${deciding ? overrideForm(decided, values, errors) : ''}`,
  crumbs(roundId, round.name))
  if (deciding) {
    whenSubmitted('override', {
      fields: { reason: { id: 'override-reason', label: 'The reason' }, decision: { id: 'override-decision', label: 'The decision' } },
      send: v => api(proposalPath(roundId, v['override-proposal']) + '/override', 'PUT',
        JSON.stringify({ decision: v['override-decision'], reason: v['override-reason'].trim() })),
      refused: (v, found) => decisionsPage(roundId, null, v, found),
      done: answer => decisionsPage(roundId, answer.title + ' is now ' + inWords(answer.status).toLowerCase() + '.')
    })
  }
}

/** Check your answers before publishing: what publication sends and to whom; then the confirmation. */
export async function publishDecisionsPage (roundId, errors = {}) {
  const base = roundPath(roundId)
  const [round, decided] = await Promise.all([api(base), everyDecision(base)])
  const count = status => decided.proposals.filter(p => p.status === status).length
  show(titleWith('Publish the decisions', errors), html`
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
    ${errorSummary(errors)}
    <span class="govuk-caption-l">${round.name}</span>
    <h1 class="govuk-heading-l">Publish the decisions</h1>
    ${checkAnswers([{
      rows: [
        { key: 'Contracts', value: decided.fund.contracts + ', ' + money(decided.fund.awardedTotal) + ' in all', change: base + '/decisions', changes: 'the awards' },
        ['Awarded a year', money(decided.fund.awardedAnnual) + ' of ' + money(decided.fund.annualAmount)],
        ['Letters', decided.proposals.length + ' proposers, each told their decision and why'],
        ['Not funded or not eligible', String(decided.proposals.length - count('AWARDED') - count('PENDING') - count('NEEDS_MODERATION') - count('NOT_DECIDED'))],
        decided.waitingSpecifications.length > 0 && ['Waiting, published later', decided.waitingSpecifications.map(id => specificationTitle(round, id)).join(', ')]
      ]
    }])}
    ${warningText('Publishing sends the letters, makes the contracts and writes finance\'s files. It cannot be undone.')}
    ${form({ id: 'publish-decisions', submit: 'Publish the decisions and send the letters', cancel: { href: base + '/decisions', text: 'Back to the awards' }, content: html`` })}
    </div></div>`, crumbs(roundId, round.name).concat([['Decisions', base + '/decisions']]))
  whenSubmitted('publish-decisions', {
    send: () => api(base + '/publish-decisions', 'POST'),
    refused: (v, found) => publishDecisionsPage(roundId, found),
    done: answer => show('Decisions published', html`
      <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      ${panel({ title: 'Decisions published', body: answer.contracts.length + ' contracts, letters sent' })}
      <p class="govuk-body">Each lead organisation can now accept its contract in the console. Finance's files are ready.</p>
      ${lines([html`<a class="govuk-link" href="${base}/contracts">Contracts and finance files</a>`, html`<a class="govuk-link" href="${base}">Back to the round</a>`])}
      </div></div>`, crumbs(roundId, round.name))
  })
}
