package grants.core.events;

import grants.core.calendar.FinancialYear;
import grants.core.errors.ConflictException;
import grants.core.ledger.Commitment;
import grants.core.ledger.LedgerService;
import grants.core.ledger.LedgerStore;
import grants.core.ledger.Spend;
import grants.core.money.Days;
import grants.core.money.Money;
import grants.core.support.Adviser;
import grants.core.text.InWords;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an event commits to its programme's ledger: its cost (what the manager entered and its facilitators' days at
 * their day rates), charged to a line of the event's financial year
 * that pays for events (a ring-fenced line first, when the event's topic is its ring-fence: an
 * {@code economic-development} workshop is charged to the RDA's line), written by the events store in the
 * event's own transaction. As bookings are, events are budgeted where the programme keeps a line that would pay
 * for them: one no line of its year would pay for is set up as before and commits nothing; one that a line would pay for is refused {@code NO_DAY_RATE} when a facilitator has no day rate, and
 * {@code OVER_BUDGET} when no such line has room. A cancelled event's commitment is given back whole.
 */
final class EventCharges {

    private final Optional<LedgerService> ledger;
    private final Clock clock;

    EventCharges(Optional<LedgerService> ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    /** The ledger's entry for an event has the event's id: the same event sent again adds nothing. */
    static String commitmentOf(String eventId) {
        return "event:" + eventId;
    }

    /**
     * The event's cost as a finance officer would add it up: what the manager entered (venue, catering,
     * presenters' fees), plus each facilitator's days at their adviser's day rate (the rate bookings are charged
     * at; half a day is half the rate, an odd penny rounded up), as one commitment under the event's id.
     */
    LedgerStore.Change charge(String programmeId, LearningEvent event, Map<String, Adviser> advisers, String madeBy) {
        FinancialYear year = FinancialYear.of(event.date());
        Optional<String> topic = Optional.of(ringFenceTopic(event.topic()));
        if (ledger.isEmpty() || !ledger.get().keepsALineFor(programmeId, year, Spend.EVENTS, topic)) {
            return LedgerStore.Change.NOTHING;
        }
        long cost = event.costPence().orElse(0L);
        List<String> parts = new ArrayList<>();
        event.costPence().ifPresent(pence -> parts.add(Money.pounds(pence) + " entered"));
        for (String adviserId : event.facilitators()) {
            Adviser adviser = advisers.get(adviserId);
            cost += adviser.costOf(event.facilitatorHalfDays()).orElseThrow(() -> new ConflictException("NO_DAY_RATE",
                    "Adviser " + adviser.name() + " has no day rate, so their days facilitating event " + event.id()
                            + " cannot be committed to the budget of " + programmeId + " for " + year
                            + ": a programme manager sets their day rate first."));
            parts.add(Days.format(event.facilitatorHalfDays()) + " days of " + adviser.name() + " at "
                    + Money.pounds(adviser.dayRatePence().orElseThrow()) + " a day");
        }
        if (cost == 0) {
            return LedgerStore.Change.NOTHING;
        }
        return ledger.get().charge(new Commitment(commitmentOf(event.id()), programmeId, year, Spend.EVENTS, topic,
                cost, "Event " + event.id() + " (" + EventWords.kind(event.kind()) + " \"" + event.title() + "\": "
                + String.join(", ", parts) + ")", madeBy, LocalDate.ofInstant(clock.instant(), InWords.UK)));
    }

    /** Everything a cancelled event committed, given back once; nothing if it committed nothing. */
    LedgerStore.Change release(String programmeId, LearningEvent event, String madeBy) {
        return ledger.flatMap(kept -> kept.releasing(programmeId, "release:" + commitmentOf(event.id()),
                commitmentOf(event.id()), "Event " + event.id() + " cancelled", madeBy,
                LocalDate.ofInstant(clock.instant(), InWords.UK))).orElse(LedgerStore.Change.NOTHING);
    }

    /**
     * An event's topic as a ring-fence names it: the competency domain's id in words ("economic-development" is
     * "economic development", as the RDA's line and advisers' specialisms spell it).
     */
    static String ringFenceTopic(String topic) {
        return topic.replace('-', ' ');
    }
}
