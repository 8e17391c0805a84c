// The selection panels: one per specification, named member by member by the programme manager (or
// added to by the specification's sub-group), with the API's warnings when a panel is below quorum
// or lacks the seed's mix of an expert and a voluntary or community member.
import { api, show } from '/common.js'
import { html, table, tag, insetText, warningText, field, select, autocomplete, banner, errorSummary, titleWith, form, whenSubmitted } from '/components/index.js'
import { roundPath, crumbs, organisationName, specificationTitle, optional, panelsOf } from './parts.js'

const panelPath = (roundId, specificationId) => roundPath(roundId) + '/panels/' + encodeURIComponent(specificationId)

/** A panel's state in a word: not named, below quorum, missing the mix, or ready. */
function panelState (panel) {
  if (!panel) {
    return tag('NOT_NAMED')
  }
  if (panel.belowQuorum) {
    return tag('BELOW_QUORUM')
  }
  return panel.warnings.length > 0 ? tag('CHECK_THE_MIX') : tag('READY')
}

export async function panelsPage (roundId) {
  const round = await api(roundPath(roundId))
  const panels = await panelsOf(roundId, round)
  show('Selection panels', html`
    <span class="govuk-caption-l">${round.name}</span>
    <h1 class="govuk-heading-l">Selection panels</h1>
    <p class="govuk-body">Each specification has a panel of experts and voluntary and community members. At least ${round.panelQuorum} members without a conflict of interest must score each proposal.</p>
    ${table({
      caption: 'A panel for each specification',
      head: ['Specification', { text: 'Members', numeric: true }, 'State'],
      rows: panels.map(({ specification, panel }) => [
        html`<a class="govuk-link" href="${panelPath(roundId, specification)}">${specificationTitle(round, specification)}</a>`,
        panel ? panel.members.length : 0, panelState(panel)])
    })}`, crumbs(roundId, round.name))
}

function warnings (panel, quorum) {
  if (!panel) {
    return insetText('This panel is not named yet. It needs at least ' + quorum + ' members without a conflict of interest, among them an expert and a voluntary or community member.')
  }
  if (panel.warnings.length === 0) {
    return ''
  }
  return html`${warningText(panel.belowQuorum ? html`This panel needs ${panel.membersStillNeeded} more member${panel.membersStillNeeded === 1 ? '' : 's'}.` : 'Check this panel.')}
    <ul class="govuk-list govuk-list--bullet">${panel.warnings.map(w => html`<li>${w}</li>`)}</ul>`
}

/**
 * Where the API's problems with a member go: its fields as added to a named panel, and as the first
 * member of a panel named with them (members[0].organisation); the person field is called what it shows.
 */
function memberFields () {
  const member = {
    id: { id: 'id', label: 'The person' },
    name: { id: 'name', label: 'Their role' },
    organisation: { id: 'organisation', label: 'Their organisation' }
  }
  const asFirst = Object.fromEntries(Object.entries(member).map(([field, place]) => ['members[0].' + field, place]))
  return { ...member, ...asFirst, members: { id: 'id', label: 'The member' } }
}

/** Above this many people, the list suggests as you type (autocomplete) instead of dropping down. */
const LONG_LIST = 12

/**
 * The people bound in the round who are not on this panel yet, as choices: each by the name they are
 * bound under, with their sign-in id only where two share a name. The manager and the sub-group who
 * name panels may both read them.
 */
async function peopleToChoose (roundId, panel) {
  const { people } = await api(roundPath(roundId) + '/people')
  const onThePanel = new Set((panel?.members ?? []).map(m => m.id))
  const left = people.filter(p => !onThePanel.has(p.personId))
  const shared = name => left.filter(p => p.name === name).length > 1
  return left.map(p => ({ value: p.personId, text: shared(p.name) ? p.name + ' (' + p.personId + ')' : p.name }))
}

/** Who joins the panel: chosen from the round's people, never typed. */
function personField (choices, values, errors) {
  const chooser = choices.length > LONG_LIST ? autocomplete : select
  const hint = choices.length > 0 ? 'Everyone bound in this round who is not on this panel yet'
    : 'Nobody else is bound in this round yet: a programme manager binds a person in the round first'
  return chooser({ id: 'id', label: 'The person', hint, placeholder: 'Choose a person', items: choices, value: values.id, error: errors.id })
}

export async function panelPage (roundId, specificationId, notice = null, values = {}, errors = {}) {
  const round = await api(roundPath(roundId))
  const panel = await optional(panelPath(roundId, specificationId))
  const choices = await peopleToChoose(roundId, panel)
  const title = specificationTitle(round, specificationId)
  show(titleWith('Selection panel: ' + title, errors), html`
    ${errorSummary(errors)}
    ${notice ? banner({ heading: notice, success: true }) : ''}
    <span class="govuk-caption-l">${title}</span>
    <h1 class="govuk-heading-l">Selection panel</h1>
    ${warnings(panel, round.panelQuorum)}
    ${panel && panel.members.length > 0
      ? table({
        caption: panel.members.length + ' member' + (panel.members.length === 1 ? '' : 's'),
        head: ['Member', 'Organisation', 'Sector'],
        rows: panel.members.map(m => {
          const organisation = round.organisations.find(o => o.id === m.organisation)
          return [m.name, organisationName(round, m.organisation), organisation ? tag(organisation.sector) : '']
        })
      })
      : html`<p class="govuk-body">Nobody is on this panel yet.</p>`}
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
    <h2 class="govuk-heading-m">Add a member</h2>
    ${form({ id: 'member', submit: 'Add the member', cancel: { href: roundPath(roundId) + '/panels', text: 'Back to the panels' }, content: html`
      ${personField(choices, values, errors)}
      ${field({ id: 'name', label: 'Their role', hint: 'For example, Employment adviser, or Community member, Hillfields', value: values.name, error: errors.name })}
      ${select({ id: 'organisation', label: 'Their organisation', hint: 'Public and private organisations bring experts; voluntary and community ones know the client group', placeholder: 'Choose an organisation', items: round.organisations.map(o => ({ value: o.id, text: o.name })), value: values.organisation, error: errors.organisation })}` })}
    </div></div>`, crumbs(roundId, round.name).concat([['Selection panels', roundPath(roundId) + '/panels']]))
  whenSubmitted('member', {
    fields: memberFields(),
    check: v => Object.fromEntries([
      !v.id && ['id', 'Choose the person'],
      !v.organisation && ['organisation', 'Choose their organisation']
    ].filter(Boolean)),
    send: v => {
      const member = { id: v.id.trim(), name: v.name.trim(), organisation: v.organisation }
      return panel
        ? api(panelPath(roundId, specificationId) + '/members', 'POST', JSON.stringify(member))
        : api(panelPath(roundId, specificationId), 'PUT', JSON.stringify({ members: [member] }))
    },
    refused: (v, found) => panelPage(roundId, specificationId, null, v, found),
    done: (answer, v) => panelPage(roundId, specificationId, v.name.trim() + ' is on the panel.')
  })
}

