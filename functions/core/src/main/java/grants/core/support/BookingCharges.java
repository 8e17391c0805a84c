package grants.core.support;

import grants.core.calendar.FinancialYear;
import grants.core.errors.ConflictException;
import grants.core.ledger.Commitment;
import grants.core.ledger.LedgerService;
import grants.core.ledger.LedgerStore;
import grants.core.ledger.Spend;
import grants.core.money.Days;
import grants.core.money.Money;
import grants.core.text.InWords;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What a booking commits to its programme's ledger: its days at the adviser's day rate, charged to a line
 * of the booking's financial year that pays for adviser days (a ring-fenced line first, when the booking's
 * topic is its ring-fence), and what a cancellation gives back. The change is written by the support store
 * in the booking's own transaction. Adviser days are budgeted where the programme keeps a line for them:
 * a booking no line of its year would pay for (no ledger at all, or only the grants line and a ring-fence
 * for another topic) books as before, committing nothing. One that a line would pay for is refused when
 * its adviser has no day rate ({@code NO_DAY_RATE}) or no such line has room ({@code OVER_BUDGET}).
 */
final class BookingCharges {

    private final Optional<LedgerService> ledger;
    private final Clock clock;

    BookingCharges(Optional<LedgerService> ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    /** The ledger's entry for a booking has the booking's id: a retried booking adds nothing. */
    static String commitmentOf(String bookingId) {
        return "booking:" + bookingId;
    }

    LedgerStore.Change charge(String programmeId, Adviser adviser, Booking booking, String madeBy) {
        FinancialYear year = FinancialYear.of(booking.date());
        Optional<String> topic = Optional.of(booking.topic());
        if (ledger.isEmpty() || !ledger.get().keepsALineFor(programmeId, year, Spend.ADVISER_DAYS, topic)) {
            return LedgerStore.Change.NOTHING;
        }
        long cost = adviser.costOf(booking.halfDays()).orElseThrow(() -> new ConflictException("NO_DAY_RATE",
                "Adviser " + adviser.name() + " has no day rate, so their time cannot be committed to the budget of "
                        + programmeId + " for " + year + ": a programme manager sets their day rate first."));
        return ledger.get().charge(new Commitment(commitmentOf(booking.id()), programmeId, year, Spend.ADVISER_DAYS,
                topic, cost, "Booking " + booking.id() + " (" + Days.format(booking.halfDays())
                + " days of " + adviser.name() + " at " + Money.pounds(adviser.dayRatePence().orElseThrow())
                + " a day)", madeBy, today()));
    }

    /** Everything a cancelled booking committed, given back; nothing if it committed nothing. */
    LedgerStore.Change release(String programmeId, Booking booking, String madeBy) {
        return ledger.flatMap(kept -> kept.releasing(programmeId, "release:" + commitmentOf(booking.id()),
                commitmentOf(booking.id()), "Booking " + booking.id() + " cancelled", madeBy, today()))
                .orElse(LedgerStore.Change.NOTHING);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), InWords.UK);
    }
}
