package grants.core.events;

import grants.core.calendar.FinancialYear;
import grants.core.ledger.Commitment;
import grants.core.ledger.LedgerService;
import grants.core.ledger.LedgerStore;
import grants.core.ledger.Spend;
import grants.core.text.InWords;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What an event commits to its programme's ledger: its cost, charged to a line of the event's financial year
 * that pays for events (a ring-fenced line first, when the event's topic is its ring-fence: an
 * {@code economic-development} workshop is charged to the RDA's line), written by the events store in the
 * event's own transaction. As bookings are, events are budgeted where the programme keeps a line that would pay
 * for them: an event without a cost, or one no line of its year would pay for, is set up as before and commits
 * nothing; one that a line would pay for is refused {@code OVER_BUDGET} when no such line has room.
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

    LedgerStore.Change charge(String programmeId, LearningEvent event, String madeBy) {
        if (ledger.isEmpty() || event.costPence().isEmpty()) {
            return LedgerStore.Change.NOTHING;
        }
        long cost = event.costPence().get();
        return ledger.get().chargeWhereBudgeted(new Commitment(commitmentOf(event.id()), programmeId,
                FinancialYear.of(event.date()), Spend.EVENTS, Optional.of(ringFenceTopic(event.topic())), cost,
                "Event " + event.id() + " (" + EventWords.kind(event.kind()) + " \"" + event.title() + "\")", madeBy, LocalDate.ofInstant(clock.instant(), InWords.UK)));
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
