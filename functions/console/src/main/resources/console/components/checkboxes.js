export { checkboxes } from './choices.js'
