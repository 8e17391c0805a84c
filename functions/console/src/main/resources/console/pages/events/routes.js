// The events area's routes: a programme's events, setting one up, an event's page and cancelling it, an Action Learning Set.
import { eventsPage } from './list.js'
import { newEventPage } from './new.js'
import { eventPage } from './event.js'
import { setPage } from './set.js'
import { cancelEventPage } from './cancel.js'

export const routes = [
  { path: '/programmes/:programmeId/events', page: params => eventsPage(params) },
  { path: '/programmes/:programmeId/events/new', page: params => newEventPage(params) },
  { path: '/programmes/:programmeId/events/:eventId', page: params => eventPage(params) },
  { path: '/programmes/:programmeId/events/:eventId/cancel', page: params => cancelEventPage(params) },
  { path: '/programmes/:programmeId/learning-sets/:setId', page: params => setPage(params) }
]
