// Finance's payment runs: choose the day; today's run after checking what it does, then what it paid
// and the held list with every reason and what blocks it (an override asked for from there, and
// approved by a second person on the agreement's page); an earlier day's runs read back.
import { api, ApiError, show, showFormPage, signedInAs } from '/common.js'
import { html, table, money, longDate, summaryList, dateInput, isoDay, isRealDay, form, whenSubmitted, panel, warningText, downloadLink } from '/components/index.js'
import { agreementPath, instalmentPath, heldLineInWords, blockingInWords, paysOut, lines } from './parts.js'

const runsPath = day => '/payment-runs/' + encodeURIComponent(day)
const crumbs = () => [['Home', '/'], ['Payment runs', '/payment-runs']]

/** Today as the API counts it (Europe/London, on the server's clock), and the agreements it would pay. */
async function todayAndAgreements () {
  const list = await api('/agreements')
  if (list.asOf) {
    return { today: list.asOf, agreements: list.agreements }
  }
  const first = list.agreements[0]
  return { today: first ? (await api(agreementPath(first.id))).asOf : null, agreements: list.agreements }
}

function go (path, page) {
  history.pushState(null, '', path)
  return page()
}

export async function chooseDayPage (typed = {}, errors = {}) {
  const { today } = await todayAndAgreements()
  showFormPage({ title: 'Payment runs', errors, crumbs: [['Home', '/']] }, html`
    <p class="govuk-body">A payment run pays every instalment due by its day that is neither paid nor held, and lists the held ones with every reason. ${today ? 'Today is ' + longDate(today) + '.' : ''}</p>
    ${form({
      id: 'day-form',
      content: dateInput({ id: 'day', legend: 'Which day?', legendSize: 'm', hint: 'Today to make today\'s run, or an earlier day to see its runs. For example, ' + (today ? isoDay(today).split('-').reverse().map(Number).join(' ') : '15 8 2002'), value: typed.day ?? today ?? '', error: errors.day })
    })}`)
  whenSubmitted('day-form', {
    check: v => {
      const day = isoDay(v.day)
      if (!isRealDay(v.day)) {
        return { day: 'Enter the day as a day, month and year, like 15 8 2002' }
      }
      return today && day > today ? { day: 'A payment run is made on its day: choose today, ' + longDate(today) + ', or an earlier day' } : {}
    },
    fields: { day: 'day' },
    send: async v => isoDay(v.day),
    refused: (v, found) => chooseDayPage(v, found),
    done: day => day === today && paysOut()
      ? go(runsPath(day) + '/make', () => makeRunPage({ day }))
      : go(runsPath(day), () => dayPage({ day }))
  })
}

/** Check your answers before today's run; then the run made. */
export async function makeRunPage ({ day }, errors = {}) {
  const { today, agreements } = await todayAndAgreements()
  if (day !== today) {
    return show('Not today', html`<h1 class="govuk-heading-l">A payment run is made on its day</h1>
      <p class="govuk-body">Today is ${longDate(today)}. <a class="govuk-link" href="/payment-runs">Choose the day again</a>.</p>`, crumbs())
  }
  const held = agreements.reduce((count, a) => count + a.heldInstalments, 0)
  showFormPage({ title: 'Check before making the payment run', errors, crumbs: crumbs() }, html`
    ${summaryList([
      { key: 'Day', value: longDate(day), action: { href: '/payment-runs', text: 'Change', hidden: 'the day' } },
      ['Made by', signedInAs() ?? ''],
      ['Pays', 'Every instalment payable by ' + longDate(day) + ' that is not paid, not cancelled and not held, each once'],
      ['Agreements you pay', String(agreements.length)],
      held > 0 && ['Held by the last run', held === 1 ? '1 instalment' : held + ' instalments']
    ])}
    <p class="govuk-body">The payments go into the payment file. A second run today pays only what has become payable since.</p>
    ${form({ id: 'run-form', submit: 'Make the payment run', cancel: { href: '/payment-runs', text: 'Back to the payment runs' }, content: html`` })}`)
  whenSubmitted('run-form', {
    otherwise: 'run-form',
    send: () => api('/payment-runs', 'POST', '{}'),
    refused: (v, found) => makeRunPage({ day }, found),
    done: run => go(runsPath(run.day), () => show('Payment run made', html`
      ${panel({ title: 'Payment run made', body: html`${longDate(run.day)}: ${money(run.totals.paid)} paid, ${money(run.totals.held)} held` })}
      ${runSection(run)}`, crumbs()))
  })
}

/** The lines of a run as a table, or a sentence when there are none. */
function linesOrNone (lines, none, table) {
  return lines.length === 0 ? html`<p class="govuk-body">${none}</p>` : table
}

const agreementLink = line => html`<a class="govuk-link" href="${agreementPath(line.agreementId)}">${line.agreementId}</a>`

function paymentsTable (run) {
  return linesOrNone(run.payments, 'Nothing was paid.', table({
    caption: 'Paid: ' + money(run.totals.paid),
    captionSize: 's',
    head: ['Agreement', 'Organisation', { text: 'Instalment', numeric: true }, 'Payable from', { text: 'Amount', numeric: true }, 'Note'],
    // A kept run names its payee; the answer of a run just made has the organisation's id only.
    rows: run.payments.map(p => [agreementLink(p), p.payee ?? p.organisation, String(p.instalment), longDate(p.due), money(p.amount), p.overridden ? 'Paid by an override' : ''])
  }))
}

function overrideLink (h) {
  return paysOut() ? html`<a class="govuk-link" href="${instalmentPath(h.agreementId, h.instalment)}/override">Ask for an override<span class="govuk-visually-hidden"> of instalment ${h.instalment} of ${h.agreementId}</span></a>` : ''
}

function heldTable (run) {
  return linesOrNone(run.held, 'Nothing was held.', table({
    caption: 'Held: ' + money(run.totals.held),
    captionSize: 's',
    head: ['Agreement', { text: 'Instalment', numeric: true }, 'Payable from', { text: 'Amount', numeric: true }, 'Why', 'Waiting for', 'Actions'],
    rows: run.held.map(h => [agreementLink(h), String(h.instalment), longDate(h.due), money(h.amount),
      lines(heldLineInWords(h)), lines(blockingInWords(h.agreementId, h.blocking)), overrideLink(h)])
  }))
}

/** One run: who made it, what it paid and what it held; a run that stopped part way says so. */
function runSection (run, heading = null) {
  return html`${heading ? html`<h2 class="govuk-heading-m">${heading}</h2>` : ''}
    ${run.complete === false ? warningText('This run stopped before it finished. Every payment listed was made; what it did not reach is paid by the next run.') : ''}
    ${summaryList([['Made by', run.madeBy], ['Paid', money(run.totals.paid)], ['Held', money(run.totals.held)]])}
    <h2 class="govuk-heading-m">Payments</h2>
    ${paymentsTable(run)}
    <h2 class="govuk-heading-m">Held</h2>
    <p class="govuk-body">A held instalment is paid by the first later run that finds no reason left.</p>
    ${heldTable(run)}`
}

/** The day's two files for finance, every run of the day in each. */
function downloads (day) {
  return html`<ul class="govuk-list">
    <li>${downloadLink({ path: runsPath(day) + '/payments.csv', name: 'payments-' + day + '.csv', text: 'Download the payment file (CSV)' })}</li>
    <li>${downloadLink({ path: runsPath(day) + '/held.csv', name: 'held-' + day + '.csv', text: 'Download the held list (CSV)' })}</li>
  </ul>`
}

export async function dayPage ({ day }) {
  let runs = []
  try {
    runs = (await api(runsPath(day))).runs
  } catch (failure) {
    if (!(failure instanceof ApiError && failure.status === 404)) {
      throw failure
    }
  }
  show('Payment runs on ' + longDate(day), html`
    <span class="govuk-caption-l">Payment runs</span>
    <h1 class="govuk-heading-l">${longDate(day)}</h1>
    ${runs.length === 0 ? html`<p class="govuk-body">No payment run was made on this day.</p>` : html`${downloads(day)}${runs.map((run, i) => runSection(run, runs.length > 1 ? 'Run ' + (i + 1) : null))}`}
    <p class="govuk-body"><a class="govuk-link" href="/payment-runs">Choose another day</a></p>`, crumbs())
}
