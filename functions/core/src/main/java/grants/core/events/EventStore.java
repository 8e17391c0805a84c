package grants.core.events;

import grants.core.audit.AuditEntry;
import grants.core.ledger.LedgerStore;

import java.util.List;
import java.util.Optional;

/**
 * Where a programme's events, their registrations, Action Learning Sets and their notes are kept (outbound
 * port). Every change carries its audit entry, and any email it sends, into its one transaction.
 */
public interface EventStore {

    /**
     * Creates the event and draws each facilitator's days on their adviser's contract, the same counter support
     * bookings draw on, all or none.
     *
     * @return false if an event with this id exists already (nothing is written)
     * @throws grants.core.support.LimitExceededException naming the adviser whose contract would be passed
     */
    default boolean create(String programmeId, LearningEvent event, List<AdviserDraw> draws, AuditEntry entry) {
        return create(programmeId, event, draws, entry, LedgerStore.Change.NOTHING) == Creation.CREATED;
    }

    /** What setting up an event came to. */
    enum Creation {
        CREATED,
        /** an event with this id exists already: nothing is written */
        EXISTS,
        /** a budget line changed since its cost was charged: nothing is written, charge it again */
        BUDGET_MOVED
    }

    /**
     * Creates the event, draws its facilitators' days and writes its {@code charge} to the ledger (its cost
     * committed), all in one transaction.
     *
     * @throws grants.core.support.LimitExceededException naming the adviser whose contract would be passed
     */
    Creation create(String programmeId, LearningEvent event, List<AdviserDraw> draws, AuditEntry entry,
                    LedgerStore.Change charge);

    List<LearningEvent> events(String programmeId);

    Optional<EventRoll> roll(String programmeId, String eventId);

    /** Every registration of every event of the programme. */
    List<Registration> registrations(String programmeId);

    /**
     * Writes the registrations (new or changed), the letters and the entry only while the event is still at
     * {@code readAtVersion}, moving it on one.
     *
     * @return false if another change came first (nothing is written): read again and decide again
     */
    boolean change(String programmeId, String eventId, long readAtVersion, List<Registration> registrations,
                   List<OutgoingLetter> letters, AuditEntry entry);

    /**
     * Cancels the event while it is still at {@code readAtVersion} and not cancelled, in one transaction: each
     * facilitator's days given back to their adviser's contract ({@code returned}, the counter the event drew
     * on), the ledger's {@code release} (what the event committed, given back), the letters telling everyone
     * registered or waiting, and the audit entry.
     *
     * @return false if another change came first or a budget line moved (nothing is written): read again and decide again
     */
    boolean cancelEvent(String programmeId, String eventId, long readAtVersion, EventCancellation cancellation,
                        List<AdviserDraw> returned, List<OutgoingLetter> letters, AuditEntry entry,
                        LedgerStore.Change release);

    /**
     * Sends the letters once: with the event's mark {@code once} written in the same transaction, which must be new
     * (the reminder ledger's pattern).
     *
     * @return false if the mark was there already (nothing is written)
     */
    boolean sendOnce(String programmeId, String eventId, String once, List<OutgoingLetter> letters, AuditEntry entry);

    /** @return false if a set with this id exists already */
    boolean createSet(String programmeId, LearningSet set, AuditEntry entry);

    Optional<LearningSet> set(String programmeId, String setId);

    List<LearningSet> sets(String programmeId);

    /** Writes a meeting's notes (the same meeting again replaces them). */
    void putNote(String programmeId, SetNote note, AuditEntry entry);

    List<SetNote> notes(String programmeId, String setId);
}
