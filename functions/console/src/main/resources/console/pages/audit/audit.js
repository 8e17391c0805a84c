// The audit trail of a programme or of a round: each is kept under its own id.
import { api, html, show } from '/common.js'
import { table, inWords, dateTime, plainWords } from '/components/index.js'
import { programmeName, programmeCrumbs } from '../programmes/names.js'

async function newestEntries (base) {
  // Each notice sent is an entry of its own, so a trail soon runs to many pages: read the newest thousand.
  const entries = []
  let next = null
  do {
    const more = await api(base + '/audit?limit=200' + (next ? '&after=' + encodeURIComponent(next) : ''))
    entries.push(...more.entries)
    next = more.next
  } while (next && entries.length < 1000)
  return { entries, more: Boolean(next) }
}

async function auditPage (kind, id, name, crumbs) {
  const { entries, more } = await newestEntries('/' + kind + '/' + encodeURIComponent(id))
  show('Audit trail of ' + name, html`
    <span class="govuk-caption-l">${name}</span>
    <h1 class="govuk-heading-l">Audit trail</h1>
    ${table({
      caption: (more ? 'The newest ' + entries.length + ' changes' : 'Every change') + ', newest first',
      head: ['When', 'Who', 'What happened'],
      rows: entries.map(e => [dateTime(e.at), e.actor, { classes: 'grants-reason', html: html`<strong>${inWords(e.action)}</strong>: ${plainWords(e.target)}
        ${e.before ? html`<br>Before: ${plainWords(e.before)}` : ''}${e.after ? html`<br>After: ${plainWords(e.after)}` : ''}` }])
    })}`, crumbs)
}

export async function programmeAuditPage ({ programmeId }) {
  const name = await programmeName(programmeId)
  return auditPage('programmes', programmeId, name, programmeCrumbs(programmeId, name))
}

export function roundAuditPage ({ roundId }) {
  return auditPage('rounds', roundId, roundId, [['Home', '/'], [roundId, '/rounds/' + encodeURIComponent(roundId)]])
}
