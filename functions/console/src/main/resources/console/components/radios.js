export { radios } from './choices.js'
