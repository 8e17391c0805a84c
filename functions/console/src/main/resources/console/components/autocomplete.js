// Choosing one of a long list (38 partnerships): a GOV.UK select that, where GOV.UK's
// accessible-autocomplete has loaded, becomes a box that suggests as you type. Without it (or
// without scripts) the select still works: progressive enhancement.
import { select } from './select.js'

/** autocomplete({ id, name = id, label, hint, items: [{ value, text }], value, error, placeholder }): select's options. */
export function autocomplete (options) {
  return select({ ...options, enhance: 'autocomplete' })
}

/**
 * Turns each select drawn by autocomplete() into the suggesting box (the page calls it after drawing).
 * The select stays in the form, hidden, and holds the choice: what is read and sent is its value.
 */
export function enhanceAutocompletes (root) {
  const library = globalThis.accessibleAutocomplete
  if (!library) {
    return
  }
  root.querySelectorAll('select[data-enhance="autocomplete"]').forEach(element => {
    const chosen = element.value ? element.selectedOptions[0].textContent : ''
    library.enhanceSelectElement({
      selectElement: element,
      defaultValue: chosen,
      showAllValues: true,
      dropdownArrow: () => '',
      inputClasses: element.classList.contains('govuk-select--error') ? 'govuk-input--error' : undefined,
      tNoResults: () => 'Nothing matches'
    })
    // Whatever describes the select (its hint, its error) describes the box that replaced it.
    const box = document.getElementById(element.id.replace(/-select$/, ''))
    const describedBy = element.getAttribute('aria-describedby')
    if (box && describedBy) {
      box.setAttribute('aria-describedby', [describedBy, box.getAttribute('aria-describedby')].filter(Boolean).join(' '))
    }
  })
}
