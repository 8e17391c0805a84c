// A manager adds a board meeting to the register: its day and the quarter it reviews. Its pack is
// then frozen as the figures stood at the end of the day before (P8), and from its day the public sees
// that quarter (P9).
import { api, showFormPage } from '/common.js'
import { html, dateInput, isoDay, isRealDay, select, form, whenSubmitted, longDate } from '/components/index.js'
import { registerPath, registerCrumbs, quarterInWords } from './parts.js'
import { registerPage } from './register.js'

/** The quarters of every year the register's indicators have a target for. */
function quartersOfTheRegister (register) {
  const years = [...new Set(register.indicators.flatMap(i => Object.keys(i.targets ?? {})))].sort()
  return years.flatMap(year => [1, 2, 3, 4].map(q => year + ' Q' + q))
}

export async function addMeetingPage ({ registerId }) {
  const register = await api(registerPath(registerId))
  meetingForm(register, {}, {})
}

function meetingForm (register, typed, errors) {
  const registerId = register.registerId
  showFormPage({ title: 'Add a board meeting', caption: registerId, errors, crumbs: registerCrumbs(registerId) }, html`
    <p class="govuk-body">The meeting's pack shows the quarter's cards as the figures stood at the end of the day before it.
      From the meeting's day, the public sees that quarter's figures and cards.</p>
    ${form({
      id: 'meeting-form',
      submit: 'Add the meeting',
      cancel: { href: registerPath(registerId), text: 'Back to the register' },
      content: html`
        ${dateInput({ id: 'date', legend: 'Day of the meeting', legendSize: 'm', hint: 'For example, 19 11 2009', value: typed.date, error: errors.date })}
        ${select({
          id: 'reviews', label: 'Quarter it reviews', hint: 'The quarter must have ended by the day of the meeting.',
          placeholder: 'Choose a quarter', value: typed.reviews, error: errors.reviews,
          items: quartersOfTheRegister(register).map(period => ({ value: period, text: quarterInWords(period) }))
        })}`
    })}`)
  whenSubmitted('meeting-form', {
    check: values => ({
      ...(isRealDay(values.date) ? {} : { date: 'Enter the day of the meeting as a day, month and year, like 19 11 2009' }),
      ...(values.reviews ? {} : { reviews: 'Choose the quarter the meeting reviews' })
    }),
    // The register refuses a second meeting on one day, and a quarter not over by the meeting's day.
    fields: {
      date: { id: 'date', message: 'Choose another day: the register already has a meeting on that day' },
      reviews: { id: 'reviews', message: 'Choose a quarter that has ended by the day of the meeting' }
    },
    send: values => api(registerPath(registerId) + '/meetings', 'POST', JSON.stringify({ date: isoDay(values.date), reviews: values.reviews })),
    refused: (values, found) => meetingForm(register, values, found),
    done: (after, values) => {
      history.pushState(null, '', registerPath(registerId))
      return registerPage({ registerId }, 'The board meeting of ' + longDate(isoDay(values.date)) + ' is added.')
    }
  })
}
