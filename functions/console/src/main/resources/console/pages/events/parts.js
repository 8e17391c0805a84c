// What the events' pages share: where they live, the crumbs, and how an event's time reads.
import { longDate } from '/components/index.js'
import { programmePath, programmeCrumbs } from '../programmes/names.js'

export const eventsPath = programmeId => programmePath(programmeId) + '/events'
export const eventPath = (programmeId, eventId) => eventsPath(programmeId) + '/' + encodeURIComponent(eventId)
export const setPath = (programmeId, setId) => programmePath(programmeId) + '/learning-sets/' + encodeURIComponent(setId)

export const eventsCrumbs = (programmeId, name) => programmeCrumbs(programmeId, name, ['Events', eventsPath(programmeId)])

/** "10am" from "10:00", "1:30pm" from "13:30". */
export function clock (time) {
  const [hours, minutes] = time.split(':').map(Number)
  const hour = ((hours + 11) % 12) + 1
  return hour + (minutes === 0 ? '' : ':' + String(minutes).padStart(2, '0')) + (hours < 12 ? 'am' : 'pm')
}

/** "14 June 2007, 10am to 1pm". */
export const when = event => longDate(event.date) + ', ' + clock(event.starts) + ' to ' + clock(event.ends)

/** A topic's id in words: "performance-management" reads "Performance management". */
export function topicInWords (topic) {
  const words = topic.replace(/-/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}
