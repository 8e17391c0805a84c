// A manager adds or changes an indicator: what it measures, its owner, which way is better, how its
// quarters add up, its baseline, a target for each year (a row a year, with spare rows to add more),
// the tolerance and the agreements that contribute. Once it has figures, its measure, accumulation and
// polarity are refused any change (LOCKED), said at those fields. The API checks everything else.
import { api, showFormPage, ApiError } from '/common.js'
import { html, field, select, radios, form, whenSubmitted, fieldset } from '/components/index.js'
import { registerPath, registerCrumbs } from './parts.js'
import { keptPath, idField, ID_PROBLEM, newIdProblems, blanks, savedThen } from './keep.js'

/** Blank target rows a manager may fill to add years. */
const SPARE_YEARS = 2

const POLARITIES = [{ value: 'HIGHER_IS_BETTER', text: 'Higher is better' }, { value: 'LOWER_IS_BETTER', text: 'Lower is better' }]
const MEASURES = [{ value: 'COUNT', text: 'A count', hint: 'Such as homes built' }, { value: 'PERCENT', text: 'A percentage' }, { value: 'RATE', text: 'A rate', hint: 'Such as per 1,000 people' }]
const ACCUMULATIONS = [
  { value: 'FLOW', text: 'Added up over the year', hint: 'The year to date is the sum of its quarters, and the target is shared out over them' },
  { value: 'LEVEL', text: 'The level at the quarter', hint: 'The year to date is the latest quarter\'s figure' },
  { value: 'RATIO', text: 'A numerator over a denominator', hint: 'Owners give both parts; the year to date is the year\'s numerators over its denominators' }
]

/** Every field of the form: its label, and what to enter when it is empty (the id and targets are apart). */
const LABELS = {
  reference: ['Reference', 'the reference, like NI 152'],
  title: ['Title', 'what the indicator measures'],
  outcome: ['Outcome', null],
  owner: ['Owner', null],
  polarity: ['Which way is better', null],
  measure: ['Measure', null],
  accumulation: ['How its quarters add up', null],
  decimals: ['Decimal places', 'the decimal places, from 0 to 3'],
  unit: ['Unit', 'the unit, like % of working-age people'],
  baselinePeriod: ['Baseline quarter', 'the baseline\'s quarter, like 2007-08 Q4'],
  baselineValue: ['Baseline figure', 'the baseline\'s figure'],
  tolerance: ['Tolerance', 'the tolerance, like 2.5'],
  contributions: ['Contributing agreements', null]
}
const CHOOSE = { outcome: 'Choose the outcome it measures', owner: 'Choose its owner', polarity: 'Choose which way is better', measure: 'Choose what it measures', accumulation: 'Choose how its quarters add up' }
const LOCKED_FIELDS = ['polarity', 'measure', 'accumulation']
const LOCKED_WORDS = 'Once an indicator has figures its measure, accumulation and polarity cannot change: add a new indicator instead'

const targetId = (index, part) => 'targets-' + index + '-' + part

function typedFrom (indicator) {
  return {
    ...Object.fromEntries(['reference', 'title', 'outcome', 'owner', 'polarity', 'measure', 'accumulation', 'unit', 'tolerance'].map(name => [name, indicator[name]])),
    decimals: String(indicator.decimals),
    baselinePeriod: indicator.baseline.period,
    baselineValue: indicator.baseline.value,
    contributions: indicator.contributions.join(', '),
    targets: Object.entries(indicator.targets).map(([year, target]) => ({ year, target }))
  }
}

/** The target rows as typed, each kept in its place (a refused page shows every row where it was). */
function targetRows (values, rows) {
  return Array.from({ length: rows }, (_, index) => ({ year: values[targetId(index, 'year')] ?? '', target: values[targetId(index, 'target')] ?? '' }))
}

/** What must be there before it is sent, and targets whose year or figure is missing or a year given twice. */
function problemsBeforeSending (values, rows, isNew, register) {
  const problems = {
    ...newIdProblems(isNew, values.id, register.indicators, 'indicator'),
    ...blanks(values, Object.fromEntries(Object.entries(LABELS).filter(([, [, what]]) => what).map(([name, [, what]]) => [name, what])))
  }
  Object.entries(CHOOSE).filter(([name]) => !values[name]).forEach(([name, words]) => { problems[name] = words })
  const years = new Set()
  targetRows(values, rows).forEach(({ year, target }, index) => {
    const y = year.trim()
    if (y && !target.trim()) {
      problems[targetId(index, 'target')] = 'Enter the target for ' + y
    } else if (!y && target.trim()) {
      problems[targetId(index, 'year')] = 'Enter the year of the target ' + target.trim()
    } else if (y && years.has(y)) {
      problems[targetId(index, 'year')] = 'Enter each year once: ' + y + ' already has a target'
    }
    years.add(y)
  })
  return problems
}

/** A whole number as the API reads it; anything else as typed, for the API to name. */
const whole = typed => /^\d+$/.test(String(typed).trim()) ? Number(String(typed).trim()) : String(typed).trim()

function bodyOf (values, rows) {
  const targets = Object.fromEntries(targetRows(values, rows).filter(row => row.year.trim()).map(row => [row.year.trim(), row.target.trim()]))
  const contributions = values.contributions.split(',').map(agreement => agreement.trim()).filter(Boolean)
  return {
    ...Object.fromEntries(['reference', 'title', 'outcome', 'owner', 'polarity', 'measure', 'accumulation', 'unit', 'tolerance'].map(name => [name, values[name].trim()])),
    decimals: whole(values.decimals),
    baseline: { period: values.baselinePeriod.trim(), value: values.baselineValue.trim() },
    targets,
    ...(contributions.length ? { contributions } : {})
  }
}

/** The API's field (baseline.period, targets.2009-10, contributions[0]) → the field on the page and its words. */
function placeOn (values, rows) {
  return (apiField, problem) => {
    const target = /^targets\.(.+)$/.exec(apiField ?? '')
    if (target) {
      const index = Math.max(0, targetRows(values, rows).findIndex(row => row.year.trim() === target[1]))
      return /quarter|two years/.test(problem ?? '')
        ? { id: targetId(index, 'year'), message: 'Enter the year as two years that follow on, like 2009-10' }
        : { id: targetId(index, 'target'), message: 'Enter the target for ' + target[1] + ' as a number, like 12.5' }
    }
    const name = { 'baseline.period': 'baselinePeriod', 'baseline.value': 'baselineValue', baseline: 'baselinePeriod' }[apiField] ??
      String(apiField ?? '').replace(/\[\d+]$/, '')
    if (name === 'indicatorId') {
      return ID_PROBLEM
    }
    const contribution = /^contributions\[(\d+)]$/.exec(apiField ?? '')
    if (contribution) {
      const agreement = bodyOf(values, rows).contributions?.[Number(contribution[1])]
      return { id: 'contributions', message: 'Enter the ids of agreements being monitored: ' + agreement + ' is not one' }
    }
    if (/^must be a decimal number/.test(problem ?? '') && LABELS[name]) {
      return { id: name, message: LABELS[name][0] + ' must be a number, like 12.5' }
    }
    return LABELS[name] ? { id: name, label: 'The ' + LABELS[name][0].toLowerCase() } : { id: 'reference' }
  }
}

/** LOCKED as a refusal of each locked field the manager changed. */
async function unlessLocked (request, before, values) {
  try {
    return await request()
  } catch (failure) {
    if (failure instanceof ApiError && failure.code === 'LOCKED') {
      const changed = LOCKED_FIELDS.filter(name => before && before[name] !== values[name])
      throw new ApiError(failure.status, { code: failure.code, message: LOCKED_WORDS, details: (changed.length ? changed : ['measure']).map(name => ({ field: name, problem: LOCKED_WORDS })) })
    }
    throw failure
  }
}

export async function indicatorPage ({ registerId, indicatorId }) {
  const register = await api(registerPath(registerId))
  const before = indicatorId ? register.indicators.find(i => i.id === indicatorId) : null
  if (indicatorId && !before) {
    throw new Error('The register has no indicator with the id ' + indicatorId + '.')
  }
  indicatorForm(register, before, before ? typedFrom(before) : { targets: [] }, {})
}

function targetRow (index, row, errors) {
  return fieldset({ legend: 'Target ' + (index + 1) }, html`
    ${field({ id: targetId(index, 'year'), label: 'Year', hint: 'Like 2009-10. Leave it empty to remove this target', width: '10', spellcheck: false, value: row.year, error: errors[targetId(index, 'year')] })}
    ${field({ id: targetId(index, 'target'), label: 'Target for the year', width: '10', inputmode: 'decimal', spellcheck: false, value: row.target, error: errors[targetId(index, 'target')] })}`)
}

function indicatorForm (register, before, typed, errors) {
  const registerId = register.registerId
  const rows = typed.targets.length + (Object.keys(errors).length ? 0 : SPARE_YEARS)
  const targets = Array.from({ length: rows }, (_, index) => typed.targets[index] ?? { year: '', target: '' })
  const text = (name, options = {}) => field({ id: name, label: LABELS[name][0], value: typed[name], error: errors[name], ...options })
  const choice = (name, items, hint) => radios({ id: name, legend: LABELS[name][0], hint, items, value: typed[name], error: errors[name] })
  const title = before ? 'Change ' + before.reference : 'Add an indicator'
  showFormPage({ title, caption: before ? before.title : registerId, errors, crumbs: registerCrumbs(registerId) }, form({
    id: 'indicator-form',
    submit: 'Save the indicator',
    cancel: { href: registerPath(registerId), text: 'Back to the register' },
    content: html`
      ${before ? '' : idField('indicator', 'ni-152', typed, errors)}
      ${text('reference', { width: '10', hint: 'Like NI 152' })}
      ${text('title')}
      ${select({ id: 'outcome', label: LABELS.outcome[0], placeholder: 'Choose an outcome', value: typed.outcome, error: errors.outcome, items: register.outcomes.map(o => ({ value: o.id, text: o.title })) })}
      ${select({ id: 'owner', label: LABELS.owner[0], hint: 'They record its figures and its story each quarter', placeholder: 'Choose a person', value: typed.owner, error: errors.owner, items: register.people.map(p => ({ value: p.id, text: p.name })) })}
      ${before ? html`<p class="govuk-body">Once the indicator has figures, its measure, how its quarters add up and which way is better cannot change.</p>` : ''}
      ${choice('polarity', POLARITIES)}
      ${choice('measure', MEASURES)}
      ${choice('accumulation', ACCUMULATIONS)}
      ${text('unit', { hint: 'Shown after each figure, like % of working-age people or homes' })}
      ${text('decimals', { width: '2', inputmode: 'numeric', hint: 'How many places a figure is shown with, from 0 to 3' })}
      ${text('baselinePeriod', { width: '10', spellcheck: false, hint: 'The quarter before the first figure, like 2007-08 Q4' })}
      ${text('baselineValue', { width: '10', inputmode: 'decimal', spellcheck: false })}
      <h2 class="govuk-heading-m">Yearly targets</h2>
      ${targets.map((row, index) => targetRow(index, row, errors))}
      ${text('tolerance', { width: '5', inputmode: 'decimal', suffix: '%', hint: 'How far below the target to date still counts as near it, as a percentage of that target' })}
      ${text('contributions', { hint: 'The ids of the monitored agreements whose outputs count towards it, separated by commas. Leave it empty if none' })}`
  }))
  let sent = {}
  whenSubmitted('indicator-form', {
    check: values => problemsBeforeSending(values, rows, !before, register),
    fields: (apiField, problem) => placeOn(sent, rows)(apiField, problem),
    send: values => {
      sent = values
      return unlessLocked(() => api(keptPath(registerId, 'indicators', before ? before.id : values.id.trim()), 'PUT', JSON.stringify(bodyOf(values, rows))), before, values)
    },
    refused: (values, found) => indicatorForm(register, before, { ...values, targets: targetRows(values, rows) }, found),
    done: (after, values) => savedThen(registerId, 'The indicator ' + values.reference.trim() + ' is saved.')
  })
}
