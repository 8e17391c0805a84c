// An indicator owner's pages: "Your indicators" (each with its latest quarter and status), and the
// figure form: a quarter's figure (or, for a ratio, its numerator and denominator), provisional or
// final, the reason when the quarter already has a figure, "what we've achieved" and "what next".
// The figure is sent with an Idempotency-Key, so pressing again after a lost answer records it once;
// the API computes the status and refuses what P10 refuses, each said here in plain English.
import { api, show, showFormPage, ApiError } from '/common.js'
import { html, field, select, radios, form, whenSubmitted, summaryList, panel, insetText } from '/components/index.js'
import { lines } from '../monitoring/parts.js'
import {
  registerPath, registerCrumbs, myIndicatorsPath, figurePath, quarterInWords, latestInWords, quartersOf, keyOf, periodOf,
  firstDayAfter, cardLink, statusTag, withUnit
} from './parts.js'
import { figuresFilePath } from './upload.js'

const isRatio = indicator => indicator.accumulation === 'RATIO'

export async function myIndicatorsPage ({ registerId }) {
  const { indicators } = await api(myIndicatorsPath(registerId))
  show('Your indicators', html`
    <span class="govuk-caption-l">${registerId}</span>
    <h1 class="govuk-heading-l">Your indicators</h1>
    <p class="govuk-body">Record each quarter's figure once the quarter has ended, with what you've achieved and what next.
      The status is worked out from the figures.</p>
    ${lines([html`<a class="govuk-link" href="${figuresFilePath(registerId)}">Load figures from a file</a>`])}
    ${indicators.length === 0 ? html`<p class="govuk-body">You own no indicator in this register.</p>` : indicators.map(indicator => {
      const latest = latestInWords(indicator)
      return html`<h2 class="govuk-heading-m">${indicator.reference}: ${indicator.title}</h2>
        ${summaryList([
          ['Measured in', indicator.unit],
          ['Latest quarter with a figure', latest.value ? html`${latest.quarter}<br>${latest.value}` : latest.quarter],
          ['Status', latest.status]
        ])}
        ${lines([
          html`<a class="govuk-link" href="${figurePath(registerId, indicator.id)}">Record a figure<span class="govuk-visually-hidden"> for ${indicator.reference}</span></a>`,
          indicator.latest && html`<a class="govuk-link" href="${figurePath(registerId, indicator.id, indicator.latest.key)}">Revise ${indicator.latest.period}<span class="govuk-visually-hidden"> of ${indicator.reference}</span></a>`,
          indicator.latest && cardLink(registerId, indicator, indicator.latest.period)
        ])}`
    })}`, registerCrumbs(registerId))
}

/** P10's refusals, and the API's other codes, as what the owner is told and the field it belongs to. */
function refusalInWords (code, typed, indicator) {
  const period = periodOf(typed.quarter)
  switch (code) {
    case 'NOT_OWNER':
      return { field: 'quarter', problem: 'You can only record figures for the indicators you own: ' + indicator.reference + ' is not yours' }
    case 'BEFORE_BASELINE':
      return { field: 'quarter', problem: 'Choose a quarter after the baseline, ' + indicator.baseline.period }
    case 'QUARTER_NOT_ENDED':
      return { field: 'quarter', problem: 'Choose a quarter that has ended: a figure for ' + period + ' can be recorded from ' + firstDayAfter(period) }
    case 'REVISION_WITHOUT_REASON':
      return { field: 'reason', problem: 'Enter why you are revising the figure: ' + period + ' already has one' }
    case 'NOT_NARRATIVE_OWNER':
      return { field: 'achieved', problem: 'Only the indicator\'s owner writes what was achieved and what next' }
    case 'IDEMPOTENCY_KEY_REUSED':
      return { field: 'quarter', problem: 'This form was already sent with another figure: open it again to record a new one' }
    case 'CHANGED_MEANWHILE':
      return { field: 'quarter', problem: 'Someone recorded a figure for ' + period + ' at the same moment: check the quarter and send it again' }
    default:
      return null
  }
}

/** A refusal with a code of P10 as a refusal of the field it is about, in the page's own words. */
async function inPlainEnglish (request, typed, indicator) {
  try {
    return await request()
  } catch (failure) {
    const plain = failure instanceof ApiError ? refusalInWords(failure.code, typed, indicator) : null
    if (plain) {
      throw new ApiError(failure.status, { code: failure.code, message: plain.problem, details: [plain] })
    }
    throw failure
  }
}

/** What must be there before anything is sent: a figure without its story would leave the card waiting. */
function missing (indicator, typed) {
  const problems = {}
  const blank = name => !String(typed[name] ?? '').trim()
  if (!typed.quarter) {
    problems.quarter = 'Choose the quarter the figure is for'
  }
  if (isRatio(indicator)) {
    if (blank('numerator')) {
      problems.numerator = 'Enter the numerator'
    }
    if (blank('denominator')) {
      problems.denominator = 'Enter the denominator'
    }
  } else if (blank('value')) {
    problems.value = 'Enter the figure'
  }
  if (!typed.status) {
    problems.status = 'Choose whether the figure is provisional or final'
  }
  if (blank('achieved')) {
    problems.achieved = 'Enter what you\'ve achieved'
  }
  if (blank('next')) {
    problems.next = 'Enter what next'
  }
  return problems
}

function figureBody (indicator, typed) {
  const reason = String(typed.reason ?? '').trim()
  const figure = isRatio(indicator)
    ? { numerator: typed.numerator.trim(), denominator: typed.denominator.trim() }
    : { value: typed.value.trim() }
  return JSON.stringify({ ...figure, status: typed.status, ...(reason ? { reason } : {}) })
}

/** The API's fields, each the page's field of the same name, with the words its refusals start with. */
const LABELS = {
  value: 'The figure',
  numerator: 'The numerator',
  denominator: 'The denominator',
  status: 'Provisional or final',
  reason: 'Why it is revised',
  achieved: 'What you\'ve achieved',
  next: 'What next',
  quarter: 'The quarter'
}
const FIELDS = {
  ...Object.fromEntries(Object.entries(LABELS).map(([name, label]) => [name, { id: name, label }])),
  period: { id: 'quarter', label: LABELS.quarter }
}

async function indicatorOf (registerId, indicatorId) {
  const { indicators } = await api(myIndicatorsPath(registerId))
  const indicator = indicators.find(i => i.id === indicatorId)
  if (!indicator) {
    throw new ApiError(403, { message: 'Only the indicator\'s owner records its figures here.' })
  }
  return indicator
}

/** The card of the quarter chosen in the address, to say what figure it already has. */
async function cardOf (registerId, indicatorId, key) {
  return key ? api(registerPath(registerId) + '/indicators/' + encodeURIComponent(indicatorId) + '/cards/' + encodeURIComponent(key)) : null
}

export async function figurePage ({ registerId, indicatorId, quarter }) {
  const [indicator, card] = await Promise.all([indicatorOf(registerId, indicatorId), cardOf(registerId, indicatorId, quarter)])
  const typed = {
    quarter: quarter ?? '',
    achieved: card?.narrative?.achieved ?? '',
    next: card?.narrative?.next ?? ''
  }
  figureForm({ registerId, indicator, card, key: crypto.randomUUID() }, typed, {})
}

function figureForm (page, typed, errors) {
  const { registerId, indicator, card } = page
  const ratio = isRatio(indicator)
  const already = card && card.value !== null && card.key === typed.quarter
  showFormPage({ title: 'Record a figure for ' + indicator.reference, caption: indicator.title, errors, crumbs: registerCrumbs(registerId).concat([['Your indicators', myIndicatorsPath(registerId)]]) }, html`
    ${summaryList([
      ['Measured in', indicator.unit],
      ['Baseline', withUnit(indicator.baseline.value, indicator.unit) + ' in ' + quarterInWords(indicator.baseline.period)],
      ['Targets', lines(Object.entries(indicator.targets).map(([year, target]) => year + ': ' + target))]
    ])}
    ${already ? insetText(html`${card.period} already has a figure: ${card.value}${card.provisional ? ' (provisional)' : ''}, ${card.statusInWords.toLowerCase()}. A new figure is a revision: say why it changes.`) : ''}
    ${form({
      id: 'figure-form',
      submit: 'Record the figure',
      cancel: { href: myIndicatorsPath(registerId), text: 'Back to your indicators' },
      content: html`
        ${select({
          id: 'quarter', label: 'Quarter', hint: 'A quarter can be given its figure from the day after it ends.',
          placeholder: 'Choose a quarter', value: typed.quarter, error: errors.quarter,
          items: quartersOf(indicator).map(period => ({ value: keyOf(period), text: quarterInWords(period) }))
        })}
        ${ratio
          ? html`${field({ id: 'numerator', label: 'Numerator', hint: 'The count above the line, such as tonnes recycled', width: '10', inputmode: 'decimal', spellcheck: false, value: typed.numerator, error: errors.numerator })}
            ${field({ id: 'denominator', label: 'Denominator', hint: 'The count below the line, such as tonnes collected', width: '10', inputmode: 'decimal', spellcheck: false, value: typed.denominator, error: errors.denominator })}`
          : field({ id: 'value', label: 'Figure', hint: 'In ' + indicator.unit, width: '10', inputmode: 'decimal', spellcheck: false, value: typed.value, error: errors.value })}
        ${radios({
          id: 'status', legend: 'Is the figure provisional or final?', value: typed.status, error: errors.status,
          items: [{ value: 'PROVISIONAL', text: 'Provisional', hint: 'It may still change' }, { value: 'FINAL', text: 'Final' }]
        })}
        ${field({ id: 'reason', label: 'Why it is revised (only when the quarter already has a figure)', hint: 'The card shows the reason beside the revised figure.', rows: 2, value: typed.reason, error: errors.reason })}
        ${field({ id: 'achieved', label: 'What we\'ve achieved', rows: 4, value: typed.achieved, error: errors.achieved })}
        ${field({ id: 'next', label: 'What next', rows: 4, value: typed.next, error: errors.next })}`
    })}`)
  whenSubmitted('figure-form', {
    check: values => missing(indicator, values),
    fields: FIELDS,
    send: async values => {
      const figure = await inPlainEnglish(() => api(figurePath(registerId, indicator.id, values.quarter), 'POST',
        figureBody(indicator, values), { 'idempotency-key': page.key }), values, indicator)
      await inPlainEnglish(() => api(registerPath(registerId) + '/indicators/' + encodeURIComponent(indicator.id) + '/narratives/' + encodeURIComponent(values.quarter),
        'PUT', JSON.stringify({ achieved: values.achieved.trim(), next: values.next.trim() })), values, indicator)
      return figure
    },
    refused: (values, found) => figureForm(page, values, found),
    done: (figure, values) => recorded(registerId, indicator, values.quarter, figure)
  })
}

async function recorded (registerId, indicator, key, figure) {
  const card = await api(registerPath(registerId) + '/indicators/' + encodeURIComponent(indicator.id) + '/cards/' + encodeURIComponent(key))
  show('Figure recorded', html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
    ${panel({ title: figure.revision ? 'Figure revised' : 'Figure recorded', body: html`${indicator.reference}, ${quarterInWords(card.period)}` })}
    ${summaryList([
      ['Figure', withUnit(card.value ?? '', card.unit) + (card.provisional ? ' (provisional)' : '')],
      ['Year to date', card.yearToDate ?? 'None yet'],
      ['Target to date', card.targetToDate ?? 'No target'],
      ['Status', statusTag(card.status, card.statusInWords)],
      ['Against the previous quarter', card.againstPreviousInWords],
      ['Against the same quarter last year', card.againstYearBeforeInWords]
    ])}
    ${lines([
      cardLink(registerId, indicator, card.period),
      html`<a class="govuk-link" href="${myIndicatorsPath(registerId)}">Back to your indicators</a>`
    ])}
    </div></div>`, registerCrumbs(registerId))
}
