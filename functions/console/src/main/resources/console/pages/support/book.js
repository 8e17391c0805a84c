// Booking an adviser's time for a partnership or a pool, on a day, in half days.
import { api, html, show } from '/common.js'
import { select, autocomplete, dateInput, isoDay, field, whenSubmitted, dateTime, longDate, panel } from '/components/index.js'
import { programmeName, programmeCrumbs, programmePath } from '../programmes/names.js'
import { supportPath, showSupportForm, backToSupport } from './hub.js'
import { bookingChoices } from './suggestions.js'

const FIELDS = {
  adviserId: { id: 'adviser', label: 'The adviser' },
  partnershipId: { id: 'partnership', label: 'The partnership' },
  poolId: { id: 'partnership', label: 'The pool' },
  date: { id: 'date', label: 'The date' },
  days: { id: 'days', label: 'Days' },
  topic: { id: 'topic', label: 'The topic' }
}

function request (values) {
  const [kind, id] = (values.partnership ?? '').split(':')
  return {
    adviserId: values.adviser,
    ...(kind === 'pool' ? { poolId: id } : { partnershipId: id || undefined }),
    date: isoDay(values.date),
    days: (values.days ?? '').trim(),
    topic: values.topic
  }
}

export async function bookPage ({ programmeId }, values = {}, errors = {}) {
  const here = supportPath(programmeId)
  const [{ balances, suggestions, partnership, mayReadBalances }, name] = await Promise.all([bookingChoices(programmeId, values), programmeName(programmeId)])
  const accounts = [
    ...balances.partnerships.map(p => ({ value: 'partnership:' + p.id, text: p.name })),
    ...balances.pools.map(p => ({ value: 'pool:' + p.id, text: 'Pool: ' + p.name }))
  ]
  showSupportForm({
    programmeId, name, title: 'Book adviser time', errors, formId: 'book-form', button: { text: 'Book the time', id: 'book' },
    content: html`${suggestions}
        ${select({ id: 'adviser', label: 'Adviser', placeholder: 'Choose an adviser', items: balances.advisers.map(a => ({ value: a.id, text: a.name })), value: values.adviser, error: errors.adviser })}
        ${autocomplete({ id: 'partnership', label: 'Partnership or pool', hint: 'A pooled partnership\'s time is booked to its pool', placeholder: 'Choose a partnership or pool', items: accounts, value: values.partnership ?? partnership, error: errors.partnership })}
        ${dateInput({ id: 'date', legend: 'Date', hint: 'For example, 15 10 2026', value: values.date, error: errors.date })}
        ${field({ id: 'days', label: 'Days', hint: 'In half-day steps, like 0.5 or 1.5', width: '4', inputmode: 'decimal', suffix: 'days', value: values.days, error: errors.days })}
        ${field({ id: 'topic', label: 'Topic', value: values.topic, error: errors.topic })}`
  })
  whenSubmitted('book-form', {
    check: typed => /^\d{4}-\d{2}-\d{2}$/.test(isoDay(typed.date)) ? {} : { date: 'Enter the date as a day, month and year, like 15 10 2026' },
    fields: FIELDS,
    otherwise: 'days', // a booking over a limit names no field: it is the days that are too many
    send: typed => api(here.replace(/\/support$/, '/support-bookings'), 'POST', JSON.stringify(request(typed))),
    refused: (typed, problems) => bookPage({ programmeId }, typed, problems),
    done: booking => mayReadBalances
      ? backToSupport(programmeId, 'Booked ' + booking.days + ' days on ' + longDate(booking.date) +
        ' (booking ' + booking.bookingId + ', made ' + dateTime(booking.bookedAt) + ').')
      : bookedPage(programmeId, name, booking, balances.advisers.find(a => a.id === booking.adviserId)?.name ?? booking.adviserId)
  })
}

/**
 * What a partnership member sees once their booking is made: they may not read the support hub, so a
 * confirmation panel here, the booking in words, and where to go next.
 */
function bookedPage (programmeId, name, booking, adviserName) {
  const profile = programmePath(programmeId) + '/partnerships/' + encodeURIComponent(booking.partnershipId) + '/profile'
  show('Adviser time booked', html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
    ${panel({ title: 'Adviser time booked', body: html`${booking.days} days with ${adviserName} on ${longDate(booking.date)}` })}
    <p class="govuk-body">Booking ${booking.bookingId}, about ${booking.topic}, made ${dateTime(booking.bookedAt)}.</p>
    <ul class="govuk-list">
      <li><a class="govuk-link" href="${profile}">Your partnership's competency profile</a></li>
      <li><a class="govuk-link" href="${supportPath(programmeId)}/book">Book more adviser time</a></li>
    </ul></div></div>`, programmeCrumbs(programmeId, name))
}
