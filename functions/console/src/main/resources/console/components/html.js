// Writing HTML safely: every value put into markup is escaped, unless it is Html a component made.
// No imports and no document, so that node can run the components in the tests.

export class Html {
  constructor (text) { this.text = text }
  toString () { return this.text }
}

export function escape (value) {
  return String(value ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c])
}

function part (value) {
  if (value instanceof Html) {
    return value.text
  }
  if (value === false || value === null || value === undefined) {
    return ''
  }
  return Array.isArray(value) ? value.map(part).join('') : escape(value)
}

/** A template literal whose values are escaped, unless they are Html made here; false, null and undefined write nothing. */
export function html (strings, ...values) {
  return new Html(strings.reduce((out, text, i) => out + text + (i < values.length ? part(values[i]) : ''), ''))
}

/** Attributes from an object: {id: 'x', hidden: true, 'aria-describedby': ''} → ' id="x" hidden'; empty ones are left out. */
export function attributes (pairs = {}) {
  return new Html(Object.entries(pairs)
    .filter(([, value]) => value !== undefined && value !== null && value !== false && value !== '')
    .map(([name, value]) => value === true ? ' ' + escape(name) : ' ' + escape(name) + '="' + escape(value) + '"')
    .join(''))
}

/** Class names, leaving out the empty ones. */
export function classes (...names) {
  return names.filter(Boolean).join(' ')
}
