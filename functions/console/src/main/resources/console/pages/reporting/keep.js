// A manager keeping the register: a theme, an outcome or a person added or changed, each through its
// own PUT route, which answers with the whole register. The API checks every field and names each
// problem; the page only checks that what must be typed is there, and that a new id is not taken.
import { api, showFormPage } from '/common.js'
import { html, field, select, radios, form, whenSubmitted, table } from '/components/index.js'
import { lines } from '../monitoring/parts.js'
import { registerPath, registerCrumbs, nameOf } from './parts.js'
import { registerPage } from './register.js'

const id = value => encodeURIComponent(value)

/** Where a thing of the register is kept: `/registers/r/themes/prosperity`, in the console and the API alike. */
export const keptPath = (registerId, list, thingId) => registerPath(registerId) + '/' + list + '/' + id(thingId)

/** The id a new thing is given: it names it in addresses and files, so it is typed once and never changes. */
export function idField (what, example, typed, errors) {
  return field({
    id: 'id', label: 'Short id of the ' + what, width: '20', spellcheck: false, value: typed.id, error: errors.id,
    hint: 'Lower-case letters, digits and hyphens, like ' + example + '. It cannot be changed later.'
  })
}

/** The API's words about an id, said as what may be typed. */
export const ID_PROBLEM = { id: 'id', message: 'The short id can only be lower-case letters, digits and hyphens, up to 64 of them' }

/** "a theme", "an outcome", "an indicator". */
export const withArticle = what => (/^[aeiou]/.test(what) ? 'an ' : 'a ') + what

/** A new thing's id: there, and not one the register already has (saving would change that one instead). */
export function newIdProblems (isNew, typedId, taken, what) {
  const chosen = String(typedId ?? '').trim()
  if (!isNew) {
    return {}
  }
  if (!chosen) {
    return { id: 'Enter a short id for the ' + what }
  }
  return taken.some(thing => thing.id === chosen)
    ? { id: 'The register already has ' + withArticle(what) + ' with the id ' + chosen + ': choose another, or change that ' + what }
    : {}
}

/** "Enter the title" for each named box left empty. */
export function blanks (values, whats) {
  return Object.fromEntries(Object.entries(whats).filter(([name]) => !String(values[name] ?? '').trim()).map(([name, what]) => [name, 'Enter ' + what]))
}

/** The register again, with what was saved said at the top. */
export function savedThen (registerId, notice) {
  history.pushState(null, '', registerPath(registerId))
  return registerPage({ registerId }, notice)
}

/**
 * One thing of the register's form: the page, the id for a new one, what is sent, and the register
 * again once saved. kind: { list, what, example, fields (API field → page field), blanks, body, content }.
 */
async function keepPage (kind, { registerId, thingId }) {
  const register = await api(registerPath(registerId))
  const before = thingId ? register[kind.list].find(thing => thing.id === thingId) : null
  if (thingId && !before) {
    throw new Error('The register has no ' + kind.what + ' with the id ' + thingId + '.')
  }
  keepForm(kind, register, before, before ? kind.typed(before) : {}, {})
}

function keepForm (kind, register, before, typed, errors) {
  const registerId = register.registerId
  const title = before ? 'Change the ' + kind.what : 'Add ' + withArticle(kind.what)
  showFormPage({ title, caption: before ? before.title ?? before.name : registerId, errors, crumbs: registerCrumbs(registerId) }, form({
    id: 'keep-form',
    submit: 'Save the ' + kind.what,
    cancel: { href: registerPath(registerId), text: 'Back to the register' },
    content: html`${before ? '' : idField(kind.what, kind.example, typed, errors)}${kind.content(register, typed, errors)}`
  }))
  whenSubmitted('keep-form', {
    check: values => ({ ...newIdProblems(!before, values.id, register[kind.list], kind.what), ...blanks(values, kind.blanks) }),
    fields: { [kind.what === 'person' ? 'personId' : kind.what + 'Id']: ID_PROBLEM, ...kind.fields },
    send: values => api(keptPath(registerId, kind.list, before ? before.id : values.id.trim()), 'PUT', JSON.stringify(kind.body(values))),
    refused: (values, found) => keepForm(kind, register, before, values, found),
    done: (after, values) => savedThen(registerId, 'The ' + kind.what + ' ' + (values.title ?? values.name).trim() + ' is saved.')
  })
}

const THEME = {
  list: 'themes',
  what: 'theme',
  example: 'prosperity',
  blanks: { title: 'the theme\'s title' },
  fields: { title: { id: 'title', label: 'The title' } },
  typed: theme => ({ title: theme.title }),
  body: values => ({ title: values.title.trim() }),
  content: (register, typed, errors) => html`<p class="govuk-body">A theme of the Sustainable Community Strategy. The board pack shows the themes in the order they were added.</p>
    ${field({ id: 'title', label: 'Title', value: typed.title, error: errors.title })}`
}

const OUTCOME = {
  list: 'outcomes',
  what: 'outcome',
  example: 'in-work',
  blanks: { title: 'the outcome\'s title', theme: 'the theme it belongs to' },
  fields: { title: { id: 'title', label: 'The title' }, theme: { id: 'theme', message: 'Choose one of the register\'s themes' } },
  typed: outcome => ({ title: outcome.title, theme: outcome.theme }),
  body: values => ({ title: values.title.trim(), theme: values.theme }),
  content: (register, typed, errors) => html`
    ${field({ id: 'title', label: 'Title', hint: 'What the partnership wants to change, like More working-age residents in work', value: typed.title, error: errors.title })}
    ${select({ id: 'theme', label: 'Theme', placeholder: 'Choose a theme', value: typed.theme, error: errors.theme, items: register.themes.map(theme => ({ value: theme.id, text: theme.title })) })}`
}

const ROLES = [
  { value: 'OWNER', text: 'Indicator owner', hint: 'Records the figures and the story of the indicators they own' },
  { value: 'BOARD', text: 'Board member' },
  { value: 'SCRUTINY', text: 'Scrutiny member' },
  { value: 'MANAGER', text: 'Manager' }
]

/** A person's role in words, as the register page lists them. */
export const roleInWords = role => ROLES.find(r => r.value === role)?.text ?? role

const PERSON = {
  list: 'people',
  what: 'person',
  example: 'owner-sandra',
  blanks: { name: 'the person\'s name', role: 'their role' },
  fields: { name: { id: 'name', label: 'The name' }, email: { id: 'email', label: 'The email address' }, role: { id: 'role', message: 'Choose their role' } },
  typed: person => ({ name: person.name, email: person.email ?? '', role: person.role }),
  body: values => ({ name: values.name.trim(), ...(values.email.trim() ? { email: values.email.trim() } : {}), role: values.role }),
  content: (register, typed, errors) => html`
    ${field({ id: 'name', label: 'Full name', autocomplete: 'off', spellcheck: false, value: typed.name, error: errors.name })}
    ${field({ id: 'email', label: 'Email address (optional)', type: 'email', autocomplete: 'off', spellcheck: false, value: typed.email, error: errors.email })}
    ${radios({ id: 'role', legend: 'Their role in the register', value: typed.role, error: errors.role, items: ROLES })}`
}

export const themePage = params => keepPage(THEME, { registerId: params.registerId, thingId: params.themeId })
export const outcomePage = params => keepPage(OUTCOME, { registerId: params.registerId, thingId: params.outcomeId })
export const personPage = params => keepPage(PERSON, { registerId: params.registerId, thingId: params.personId })

/** The register page's part for a manager: what they may add, and each theme, outcome, indicator and person with its Change link. */
export function keepingSection (register) {
  const registerId = register.registerId
  const change = (list, thing, name) => html`<a class="govuk-link" href="${keptPath(registerId, list, thing.id)}">Change<span class="govuk-visually-hidden"> ${name}</span></a>`
  return html`<h2 class="govuk-heading-m">Keep the register</h2>
    ${lines([
      html`<a class="govuk-link" href="${registerPath(registerId)}/themes/new">Add a theme</a>`,
      html`<a class="govuk-link" href="${registerPath(registerId)}/outcomes/new">Add an outcome</a>`,
      html`<a class="govuk-link" href="${registerPath(registerId)}/people/new">Add a person</a>`,
      html`<a class="govuk-link" href="${registerPath(registerId)}/indicators/new">Add an indicator</a>`
    ])}
    ${table({
      caption: 'Themes and outcomes',
      captionSize: 's',
      head: ['Theme', 'Outcome', ''],
      rows: register.themes.flatMap(theme => [
        [theme.title, '', change('themes', theme, 'the theme ' + theme.title)],
        ...register.outcomes.filter(o => o.theme === theme.id).map(o => [theme.title, o.title, change('outcomes', o, 'the outcome ' + o.title)])
      ])
    })}
    ${table({
      caption: 'Indicators',
      captionSize: 's',
      head: ['Indicator', 'Owner', ''],
      rows: register.indicators.map(i => [i.reference + ': ' + i.title, nameOf(register, i.owner), change('indicators', i, i.reference)])
    })}
    ${table({
      caption: 'People',
      captionSize: 's',
      head: ['Name', 'Email address', 'Role', ''],
      rows: register.people.map(person => [nameOf(register, person.id), person.email ?? '', roleInWords(person.role), change('people', person, person.name)])
    })}`
}
