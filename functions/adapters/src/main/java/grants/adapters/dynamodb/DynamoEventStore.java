package grants.adapters.dynamodb;

import grants.core.audit.AuditEntry;
import grants.core.events.AdviserDraw;
import grants.core.events.EventCancellation;
import grants.core.events.EventRoll;
import grants.core.events.EventStore;
import grants.core.events.LearningEvent;
import grants.core.events.LearningSet;
import grants.core.events.OutgoingLetter;
import grants.core.events.Registration;
import grants.core.events.SetNote;
import grants.core.ledger.LedgerStore;
import grants.core.notices.Notice;
import grants.core.notices.NoticeKind;
import grants.core.support.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static grants.adapters.dynamodb.GrantsTable.n;

/**
 * A programme's events in the grants table, under {@code EVENTS#{programmeId}}. Creating an event is one transaction
 * with its facilitators' counters under {@code SUPPORT#} (the ones bookings raise, each only within the adviser's
 * contract); every change of its registrations is one transaction conditional on the event's {@code version}, so two
 * registrations read at the same version cannot both be written, and the last place is never given twice.
 *
 * <pre>
 * sk                               item
 * EVENT#{eventId}                  kind, title, topic, date, starts, ends, place, onlineLink, capacity, facilitators,
 *                                  facilitatorHalfDays, presenters, setId, costPence; version; once cancelled
 *                                  cancelledAt, cancelledBy, cancelReason
 * EVENT#{eventId}#REG#{id}         partnershipId, name, email, state, ticket, registeredAt, registeredBy, attended
 * EVENT#{eventId}#SENT#{once}      sentAt: an invitation to one address, or the reminder, went (once)
 * SET#{setId}                      name, facilitator, members [{partnershipId, name, email}]
 * NOTE#{setId}#{meetingId}         text, writtenAt, writtenBy
 * </pre>
 * Emails are the notices machinery's items ({@code NOTICES#{programmeId}}: a letter and a LETTER notice), written in
 * the same transaction as the change that sends them.
 */
public final class DynamoEventStore implements EventStore {

    private final GrantsTable table;
    private final AuditTable audit;
    private final DynamoSupportStore support;
    /** Writes an event's cost to the ledger's items ({@code BUDGET#}), in the event's own transaction. */
    private final DynamoLedgerStore ledger;

    public DynamoEventStore(GrantsTable table, AuditTable audit) {
        this.table = table;
        this.audit = audit;
        this.support = new DynamoSupportStore(table, audit);
        this.ledger = new DynamoLedgerStore(table, audit);
    }

    @Override
    public Creation create(String programmeId, LearningEvent event, List<AdviserDraw> draws, AuditEntry entry,
                           LedgerStore.Change charge) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(Transactions.putNew(table.name(), EventItems.event(programmeId, event)));
        for (AdviserDraw draw : draws) {
            writes.add(support.drawOnAdviser(programmeId, draw.adviserId(), draw.halfDays(), draw.contractedHalfDays()));
        }
        writes.add(audit.inTransaction(entry));
        int firstLedgerWrite = writes.size();
        writes.addAll(ledger.writes(charge)); // the event's cost committed, over the line's version as read
        for (int attempt = 1; ; attempt++) {
            try {
                table.client().transactWriteItems(request -> request.transactItems(writes));
                return Creation.CREATED;
            } catch (TransactionCanceledException refused) {
                List<CancellationReason> reasons = refused.cancellationReasons();
                if (failed(reasons, 0)) {
                    return Creation.EXISTS;
                }
                for (int i = 0; i < draws.size(); i++) {
                    if (failed(reasons, i + 1)) {
                        AdviserDraw draw = draws.get(i);
                        throw new LimitExceededException("the contract of adviser", draw.adviserId(),
                                draw.contractedHalfDays(), support.bookedOnAdviser(programmeId, draw.adviserId()),
                                draw.halfDays());
                    }
                }
                for (int i = firstLedgerWrite; i < writes.size(); i++) {
                    if (failed(reasons, i)) {
                        return Creation.BUDGET_MOVED;
                    }
                }
                if (attempt == 50) {
                    throw refused;
                }
                pause(attempt); // a booking's transaction held the adviser's counter: try again
            }
        }
    }

    @Override
    public List<LearningEvent> events(String programmeId) {
        return table.query(Keys.events(programmeId), Keys.eventPrefix()).stream().filter(EventItems::isEvent)
                .map(EventItems::event).toList();
    }

    @Override
    public Optional<EventRoll> roll(String programmeId, String eventId) {
        return table.get(Keys.events(programmeId), Keys.event(eventId)).map(head -> new EventRoll(EventItems.event(head),
                GrantsTable.number(head, EventItems.VERSION),
                table.query(Keys.events(programmeId), Keys.registrationPrefix(eventId)).stream()
                        .map(EventItems::registration).toList(), EventItems.cancellation(head)));
    }

    @Override
    public List<Registration> registrations(String programmeId) {
        return table.query(Keys.events(programmeId), Keys.eventPrefix()).stream().filter(EventItems::isRegistration)
                .map(EventItems::registration).toList();
    }

    @Override
    public boolean change(String programmeId, String eventId, long readAtVersion, List<Registration> registrations,
                          List<OutgoingLetter> letters, AuditEntry entry) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().update(update -> update.tableName(table.name())
                .key(GrantsTable.key(Keys.events(programmeId), Keys.event(eventId)))
                .updateExpression("SET #version = :next").conditionExpression("#version = :read")
                .expressionAttributeNames(Map.of("#version", EventItems.VERSION))
                .expressionAttributeValues(Map.of(":read", n(readAtVersion), ":next", n(readAtVersion + 1)))).build());
        registrations.forEach(registration -> writes.add(put(EventItems.registration(programmeId, registration))));
        writes.addAll(letterWrites(programmeId, letters, entry.at()));
        writes.add(audit.inTransaction(entry));
        return Transactions.writeUnlessFirstConditionFails(table.client(), writes);
    }

    @Override
    public boolean cancelEvent(String programmeId, String eventId, long readAtVersion, EventCancellation cancellation,
                               List<AdviserDraw> returned, List<OutgoingLetter> letters, AuditEntry entry,
                               LedgerStore.Change release) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().update(update -> update.tableName(table.name())
                .key(GrantsTable.key(Keys.events(programmeId), Keys.event(eventId)))
                .updateExpression("SET #version = :next, #at = :at, #by = :by, #reason = :reason")
                .conditionExpression("#version = :read AND attribute_not_exists(#at)")
                .expressionAttributeNames(Map.of("#version", EventItems.VERSION, "#at", EventItems.CANCELLED_AT,
                        "#by", EventItems.CANCELLED_BY, "#reason", EventItems.CANCEL_REASON))
                .expressionAttributeValues(Map.of(":read", n(readAtVersion), ":next", n(readAtVersion + 1),
                        ":at", GrantsTable.s(cancellation.at().toString()), ":by", GrantsTable.s(cancellation.cancelledBy()),
                        ":reason", GrantsTable.s(cancellation.reason())))).build());
        for (AdviserDraw draw : returned) {
            writes.add(support.giveBackToAdviser(programmeId, draw.adviserId(), draw.halfDays()));
        }
        writes.addAll(letterWrites(programmeId, letters, entry.at()));
        writes.add(audit.inTransaction(entry));
        writes.addAll(ledger.writes(release)); // what the event committed, given back over the line's version as read
        return Transactions.writeUnlessAnyConditionFails(table.client(), writes);
    }

    @Override
    public boolean sendOnce(String programmeId, String eventId, String once, List<OutgoingLetter> letters,
                            AuditEntry entry) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(Transactions.putNew(table.name(), EventItems.sent(programmeId, eventId, once, entry.at())));
        writes.addAll(letterWrites(programmeId, letters, entry.at()));
        writes.add(audit.inTransaction(entry));
        return Transactions.writeUnlessFirstConditionFails(table.client(), writes);
    }

    /** Each letter and its LETTER notice, which the table's stream hands to QueueNotices as any notice. */
    private List<TransactWriteItem> letterWrites(String programmeId, List<OutgoingLetter> letters, Instant at) {
        List<TransactWriteItem> writes = new ArrayList<>();
        for (OutgoingLetter letter : letters) {
            writes.add(put(NoticeItems.letter(programmeId, letter.letterId(), letter.letter())));
            writes.add(Transactions.putNew(table.name(), NoticeItems.notice(Notice.queued(programmeId, letter.noticeKey(),
                    NoticeKind.LETTER, null, null, letter.letterId(), letter.letter().addressees(), null, at))));
        }
        return writes;
    }

    @Override
    public boolean createSet(String programmeId, LearningSet set, AuditEntry entry) {
        return Transactions.writeUnlessFirstConditionFails(table.client(), List.of(
                Transactions.putNew(table.name(), EventItems.set(programmeId, set)), audit.inTransaction(entry)));
    }

    @Override
    public Optional<LearningSet> set(String programmeId, String setId) {
        return table.get(Keys.events(programmeId), Keys.learningSet(setId)).map(EventItems::set);
    }

    @Override
    public List<LearningSet> sets(String programmeId) {
        return table.query(Keys.events(programmeId), Keys.learningSetPrefix()).stream().map(EventItems::set).toList();
    }

    @Override
    public void putNote(String programmeId, SetNote note, AuditEntry entry) {
        Transactions.writeUnlessAnyConditionFails(table.client(), List.of(put(EventItems.note(programmeId, note)),
                audit.inTransaction(entry)));
    }

    @Override
    public List<SetNote> notes(String programmeId, String setId) {
        return table.query(Keys.events(programmeId), Keys.setNotePrefix(setId)).stream().map(EventItems::note).toList();
    }

    private TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(put -> put.tableName(table.name()).item(item)).build();
    }

    private static boolean failed(List<CancellationReason> reasons, int index) {
        return reasons != null && reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, Math.min(100, 5L << Math.min(attempt, 5))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
