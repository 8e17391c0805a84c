// What a run and its preview both show: the totals, the localities, and where the money went.
import { html } from '/common.js'
import { summaryList, table, tag, money, chart, inWords } from '/components/index.js'

export function totalsList (totals, more = []) {
  return summaryList([
    ...more,
    ['Funded partnerships', totals.funded + ' of ' + totals.rows],
    ['Withdrawn partnerships', String(totals.withdrawn)],
    ['Base grants', money(totals.baseGrantsGbp)],
    ['Withdrawn money shared among the funded', money(totals.redistributionGbp)],
    ['Final grants', money(totals.finalGrantsGbp)],
    ['Unallocated', money(totals.unallocatedGbp)]
  ])
}

export function localitiesTable (localities) {
  return table({
    caption: 'Two-tier localities',
    head: ['Locality', 'Districts sharing their projects', 'District-majority condition', { text: 'Final grants', numeric: true }],
    rows: localities.map(l => [l.countyName, l.qualifyingDistricts + ' of ' + l.districts, tag(l.conditionMet ? 'MET' : 'WITHDRAWN'), money(l.finalGrantsGbp)])
  })
}

/** Each two-tier locality's grants; a withdrawn locality's base grants hatched, as the money that left it. */
export function whereTheMoneyWent (localities) {
  if (localities.length === 0) {
    return html``
  }
  const withdrawn = localities.filter(l => !l.conditionMet)
  return html`<h2 class="govuk-heading-m">Where the money went</h2>${chart({
    id: 'where-the-money-went',
    title: 'Two-tier localities\' final grants',
    description: withdrawn.length === 0
      ? 'Every two-tier locality met the district-majority condition; each bar is its final grants.'
      : 'Each bar is a locality\'s final grants. ' + withdrawn.map(l => l.countyName).join(', ') +
        (withdrawn.length === 1 ? ' was' : ' were') + ' withdrawn: the hatched bar is the base grants it lost, shared among the funded partnerships.',
    labelHeading: 'Locality',
    valueHeading: withdrawn.length === 0 ? 'Final grants' : 'Final grants (withdrawn: base grants lost)',
    bars: localities.map(l => l.conditionMet
      ? { label: l.countyName, value: l.finalGrantsGbp }
      : { label: l.countyName, value: l.baseGrantsGbp, style: 'hatched', note: 'withdrawn' }),
    key: withdrawn.length === 0 ? [] : [{ style: 'solid', text: 'Final grants' }, { style: 'hatched', text: 'Withdrawn: base grants shared among the funded' }]
  })}`
}

/**
 * Each tier's final grants, the base grants its withdrawn partnerships lost (hatched) and the share of
 * the withdrawn money it gained (dotted): the API's sums (GET …/tiers), drawn and tabled as given.
 */
export function whereTheMoneyWentByTier (answer) {
  const tiers = answer.tiers.filter(t => t.funded > 0 || t.withdrawn > 0)
  const name = tier => inWords(tier.tier) + ' partnerships'
  return chart({
    id: 'by-tier',
    title: 'By tier: final grants, money withdrawn and money shared out',
    description: tiers.map(t => name(t) + ': ' + money(t.finalGrantsGbp) + ' in final grants to ' + t.funded + ' funded, including ' +
      money(t.redistributionGbp) + ' shared out from the withdrawn' + (t.withdrawn > 0 ? '; ' + money(t.withdrawnGbp) + ' of base grants withdrawn from ' + t.withdrawn : '')).join('. ') + '.',
    labelHeading: 'Tier',
    valueHeading: 'Amount',
    bars: tiers.flatMap(t => [
      { label: name(t) + ': final grants', value: t.finalGrantsGbp },
      { label: name(t) + ': shared out to them', value: t.redistributionGbp, style: 'dotted' },
      t.withdrawn > 0 && { label: name(t) + ': withdrawn', value: t.withdrawnGbp, style: 'hatched' }
    ].filter(Boolean)),
    key: [{ style: 'solid', text: 'Final grants' }, { style: 'dotted', text: 'Withdrawn money shared out to the tier' },
      tiers.some(t => t.withdrawn > 0) && { style: 'hatched', text: 'Base grants withdrawn from the tier' }].filter(Boolean)
  })
}
