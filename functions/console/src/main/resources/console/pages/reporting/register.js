// The indicator register as a manager and every partner signed in see it: each theme, its outcomes,
// their indicators (reference, owner, the latest quarter with a figure and its status in words, its
// printable card), and the board meetings with their packs. Every figure and status is the API's.
import { api, show, hasRole, boundScopes } from '/common.js'
import { html, table, longDate, banner, summaryList } from '/components/index.js'
import { lines } from '../monitoring/parts.js'
import { registerPath, myIndicatorsPath, publicPath, quarterInWords, latestInWords, cardLink, packLink, governancePackLink, nameOf } from './parts.js'
import { keepingSection } from './keep.js'
import { figuresFilePath } from './upload.js'

const isManager = () => hasRole('programme-manager')
const isOwner = () => hasRole('indicator-owner')

function indicatorRows (register, indicators) {
  return indicators.map(indicator => {
    const latest = latestInWords(indicator)
    return [
      indicator.reference + ': ' + indicator.title,
      nameOf(register, indicator.owner),
      latest.value ? html`${latest.quarter}<br>${latest.value}` : latest.quarter,
      latest.status,
      indicator.latest ? cardLink(register.registerId, indicator, indicator.latest.period) : 'No card yet'
    ]
  })
}

function themeSection (register, theme) {
  const outcomes = register.outcomes.filter(o => o.theme === theme.id)
  return html`<h2 class="govuk-heading-m">${theme.title}</h2>
    ${outcomes.map(outcome => {
      const indicators = register.indicators.filter(i => i.outcome === outcome.id)
      return indicators.length === 0
        ? html`<h3 class="govuk-heading-s">${outcome.title}</h3><p class="govuk-body">No indicator measures this outcome yet.</p>`
        : table({
          caption: outcome.title,
          captionSize: 's',
          firstCellIsHeader: true,
          head: ['Indicator', 'Owner', 'Latest quarter with a figure', 'Status', 'Report card'],
          rows: indicatorRows(register, indicators)
        })
    })}`
}

function meetingsSection (register) {
  if (register.meetings.length === 0) {
    return html`<p class="govuk-body">No board meeting has been added yet.</p>`
  }
  const meetings = [...register.meetings].sort((a, b) => a.date < b.date ? 1 : -1)
  return table({
    caption: 'Board meetings',
    head: ['Meeting', 'Reviews', 'Figures as they stood at the end of', 'Board pack'],
    rows: meetings.map(m => [
      longDate(m.date),
      quarterInWords(m.reviews),
      longDate(m.figuresAsOf),
      html`${packLink(register.registerId, m, html`Board pack<span class="govuk-visually-hidden"> of ${longDate(m.date)}</span> (printable page)`)}<br>
        ${governancePackLink(register.registerId, m, html`Board pack with actions and recommendations<span class="govuk-visually-hidden"> of ${longDate(m.date)}</span> (printable page)`)}`
    ])
  })
}

export async function registerPage ({ registerId }, notice = null) {
  const register = await api(registerPath(registerId))
  show('Indicator register', html`
    ${notice ? banner({ heading: notice, success: true }) : ''}
    <span class="govuk-caption-l">${registerId}</span>
    <h1 class="govuk-heading-l">Indicator register</h1>
    ${register.note ? html`<p class="govuk-body">${register.note}</p>` : ''}
    ${summaryList([
      ['Indicators', String(register.indicators.length)],
      ['Themes', String(register.themes.length)],
      ['Board meetings', String(register.meetings.length)]
    ])}
    ${lines([
      isOwner() && html`<a class="govuk-link" href="${myIndicatorsPath(registerId)}">Your indicators: record a quarter's figure</a>`,
      (isOwner() || isManager()) && html`<a class="govuk-link" href="${figuresFilePath(registerId)}">Load figures from a file</a>`,
      isManager() && html`<a class="govuk-link" href="${registerPath(registerId)}/meetings/new">Add a board meeting</a>`,
      html`<a class="govuk-link" href="${publicPath(registerId)}">What the public sees</a>`,
      html`<a class="govuk-link" href="${registerPath(registerId)}/governance">Governance: the bodies, their meetings and decisions, actions, recommendations and scrutiny reviews</a>`
    ])}
    <p class="govuk-body">Each status is worked out from the figures: the year to date against the target to date. Nobody types one.
      A report card or board pack opens as a printable page.</p>
    ${register.themes.length === 0 ? html`<p class="govuk-body">The register has no theme yet.</p>` : register.themes.map(theme => themeSection(register, theme))}
    <h2 class="govuk-heading-m">Board meetings</h2>
    ${meetingsSection(register)}
    ${isManager() ? keepingSection(register) : ''}`, [['Home', '/']])
}

/**
 * The registers the signed-in person is bound in: a register is a scope like a programme or a round, so
 * each scope of their bindings that is neither is asked for as a register; those that answer are listed.
 */
async function boundRegisters (known) {
  const scopes = boundScopes().filter(scope => !known.has(scope))
  const found = await Promise.all(scopes.map(scope => api(registerPath(scope)).then(register => register, () => null)))
  return found.filter(Boolean)
}

/** The home page's section about performance reporting: each register the person is bound in. */
export async function reportingSection (known = new Set()) {
  const registers = await boundRegisters(known)
  if (registers.length === 0) {
    return ''
  }
  return html`<h2 class="govuk-heading-m">Performance reporting</h2>
    ${lines(registers.flatMap(register => [
      html`<a class="govuk-link" href="${registerPath(register.registerId)}">Indicator register ${register.registerId}</a>${register.note ? ': ' + register.note : ''}`,
      isOwner() && html`<a class="govuk-link" href="${myIndicatorsPath(register.registerId)}">Your indicators in ${register.registerId}</a>`
    ]))}`
}
