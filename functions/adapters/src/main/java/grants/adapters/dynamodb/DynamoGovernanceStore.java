package grants.adapters.dynamodb;

import grants.core.audit.AuditEntry;
import grants.core.governance.ActionRecord;
import grants.core.governance.Body;
import grants.core.governance.Decision;
import grants.core.governance.Escalation;
import grants.core.governance.GovernanceStore;
import grants.core.governance.Meeting;
import grants.core.governance.RecommendationRecord;
import grants.core.governance.ReviewRecord;
import grants.core.notices.Notice;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

import static grants.adapters.dynamodb.GrantsTable.s;

/**
 * One register's governance in the grants table ({@link GovernanceItems} has the attributes):
 *
 * <pre>
 * pk                     sk                            item
 * GOVERN#{registerId}    BODY#{bodyId}                 a body, its members and quorum
 * GOVERN#{registerId}    MEETING#{bodyId}#{date}       a meeting and who was present
 * GOVERN#{registerId}    DECISION#{id}                 a decision, written once
 * GOVERN#{registerId}    ACTION#{id}                   an action and everything done to it, with its version
 * GOVERN#{registerId}    RECOMMENDATION#{id}           a recommendation and its answer, with its version
 * GOVERN#{registerId}    REVIEW#{id}                   a review, its evidence, findings and report, with its version
 * GOVERN#{registerId}    ID#{id}                       an id taken (G1): by a record, or by evidence or a finding of a review
 * GOVERN#{registerId}##DUE  {day}#{actionId}          an open action not yet escalated, under its current due day
 * GOVERN#{registerId}    ESCALATION#{actionId}         the escalation ledger: one row per action, written once
 *                                                      (with its email's notice, NOTICES#{registerId}, when anyone has an address)
 * GOVERN#{registerId}    IDEMPOTENCY#{caller's key}    the record a request with an Idempotency-Key made, written once
 * GOVERN##REGISTERS      {registerId}                  a register with governance, for the daily run
 * </pre>
 *
 * Each {@link Change} is one transaction with its audit entry: both or neither. A new record (version
 * 1) is put only if its key and its id are free; a changed one only over the version before it; a
 * ledger row only if the action has none; a request's key only if none is kept. The due-day index moves with its action in the same
 * transaction, so the daily run reads one range of keys (the days before its day) and only the
 * actions that are open and not escalated: its cost grows with what is due, never with every action.
 */
public final class DynamoGovernanceStore implements GovernanceStore {

    private final GrantsTable table;
    private final AuditTable audit;
    private final String registerId;

    public DynamoGovernanceStore(GrantsTable table, AuditTable audit, String registerId) {
        this.table = table;
        this.audit = audit;
        this.registerId = registerId;
    }

    /** The registers with governance (a body set up), in id order: what the daily run goes through. */
    public static List<String> governedRegisters(GrantsTable table) {
        return table.query(Keys.GOVERNED_REGISTERS, "").stream().map(item -> GrantsTable.text(item, "registerId"))
                .toList();
    }

    @Override
    public boolean apply(Change change) {
        List<TransactWriteItem> writes = new ArrayList<>();
        Map<String, Optional<String>> idsTaken = new LinkedHashMap<>();
        change.decision().ifPresent(decision -> {
            idsTaken.put(decision.id(), Optional.empty());
            writes.add(putNew(GovernanceItems.decision(registerId, decision)));
        });
        for (ActionRecord action : change.actions()) {
            writes.add(versioned(action.id(), action.version(), GovernanceItems.action(registerId, action), idsTaken));
            writes.addAll(dueIndex(action));
        }
        for (RecommendationRecord recommendation : change.recommendations()) {
            writes.add(versioned(recommendation.id(), recommendation.version(),
                    GovernanceItems.recommendation(registerId, recommendation), idsTaken));
        }
        for (ReviewRecord review : change.reviews()) {
            writes.add(versioned(review.id(), review.version(), GovernanceItems.review(registerId, review), idsTaken));
            review.evidence().forEach(e -> idsTaken.putIfAbsent(e.id(), Optional.of(review.id())));
            review.findings().forEach(f -> idsTaken.putIfAbsent(f.id(), Optional.of(review.id())));
        }
        change.escalation().ifPresent(escalation -> {
            writes.add(putNew(GovernanceItems.escalation(registerId, escalation)));
            escalationEmail(escalation, change.audit()).ifPresent(writes::add);
        });
        change.requested().ifPresent(requested -> writes.add(putNew(GovernanceItems.requested(registerId, requested))));
        idsTaken.forEach((id, heldBy) -> writes.add(heldBy.map(review -> takenOrHeldBy(id, review))
                .orElseGet(() -> putNew(GovernanceItems.takenId(registerId, id, id)))));
        writes.add(audit.inTransaction(change.audit()));
        return Transactions.writeUnlessAnyConditionFails(table.client(), writes);
    }

    /**
     * An escalation's email, queued with its ledger row ({@code NOTICES#{registerId}} /
     * {@code reminder/escalation/{registerId}/{actionId}}, kind REMINDER, to the row's addresses): once,
     * and never without its row. Nobody with an address: nothing to queue.
     */
    private Optional<TransactWriteItem> escalationEmail(Escalation escalation, AuditEntry entry) {
        return escalation.addresses().isEmpty() ? Optional.empty()
                : Optional.of(putNew(NoticeItems.notice(Notice.reminder(registerId, Escalation.emailId(registerId,
                escalation.action()), escalation.addresses(), entry.at()))));
    }

    /** A body, its register in the daily run's list, and the audit entry, together. */
    @Override
    public void putBody(Body body, AuditEntry entry) {
        Transactions.writeUnlessAnyConditionFails(table.client(), List.of(
                Transactions.put(table.name(), GovernanceItems.body(registerId, body)),
                Transactions.put(table.name(), GovernanceItems.governedRegister(registerId)),
                audit.inTransaction(entry)));
    }

    @Override
    public void putMeeting(Meeting meeting, AuditEntry entry) {
        Transactions.writeUnlessAnyConditionFails(table.client(), List.of(
                Transactions.put(table.name(), GovernanceItems.meeting(registerId, meeting)),
                audit.inTransaction(entry)));
    }

    @Override
    public List<Body> bodies() {
        return all(Keys.governedBodyPrefix(), GovernanceItems::body);
    }

    @Override
    public Optional<Body> body(String id) {
        return one(Keys.governedBody(id), GovernanceItems::body);
    }

    /** By date, then body. */
    @Override
    public List<Meeting> meetings() {
        return all(Keys.governedMeetingPrefix(), GovernanceItems::meeting).stream()
                .sorted(Comparator.comparing(Meeting::date).thenComparing(Meeting::body)).toList();
    }

    @Override
    public Optional<Meeting> meeting(String body, LocalDate date) {
        return one(Keys.governedMeeting(body, date), GovernanceItems::meeting);
    }

    @Override
    public List<Decision> decisions() {
        return all(Keys.governedDecisionPrefix(), GovernanceItems::decision);
    }

    @Override
    public Optional<Decision> decision(String id) {
        return one(Keys.governedDecision(id), GovernanceItems::decision);
    }

    @Override
    public List<ActionRecord> actions() {
        return all(Keys.governedActionPrefix(), GovernanceItems::action);
    }

    @Override
    public Optional<ActionRecord> action(String id) {
        return one(Keys.governedAction(id), GovernanceItems::action);
    }

    @Override
    public List<RecommendationRecord> recommendations() {
        return all(Keys.recommendationPrefix(), GovernanceItems::recommendation);
    }

    @Override
    public Optional<RecommendationRecord> recommendation(String id) {
        return one(Keys.recommendation(id), GovernanceItems::recommendation);
    }

    @Override
    public List<ReviewRecord> reviews() {
        return all(Keys.reviewPrefix(), GovernanceItems::review);
    }

    @Override
    public Optional<ReviewRecord> review(String id) {
        return one(Keys.review(id), GovernanceItems::review);
    }

    @Override
    public boolean idTaken(String id) {
        return table.get(Keys.governance(registerId), Keys.takenId(id)).isPresent();
    }

    /** The index's rows of the days before {@code day}, one range of keys, then each action they name. */
    @Override
    public List<ActionRecord> openActionsDueBefore(LocalDate day) {
        List<ActionRecord> due = new ArrayList<>();
        table.client().queryPaginator(request -> request.tableName(table.name()).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND sk < :before")
                        .expressionAttributeValues(Map.of(":pk", s(Keys.actionsDue(registerId)),
                                ":before", s(Keys.actionsDueBefore(day)))))
                .items().forEach(row -> action(GovernanceItems.dueAction(row))
                        .filter(a -> a.closedOn().isEmpty() && a.escalatedOn().isEmpty()).ifPresent(due::add));
        return due;
    }

    @Override
    public Optional<Requested> requested(String key) {
        return one(Keys.idempotency(key), GovernanceItems::requested);
    }

    /** The ledger, by day then action. */
    @Override
    public List<Escalation> escalations() {
        return all(Keys.escalationPrefix(), GovernanceItems::escalation).stream()
                .sorted(Comparator.comparing(Escalation::on).thenComparing(Escalation::action)).toList();
    }

    /** The bank holidays monitoring keeps (England and Wales), held as data. */
    @Override
    public List<LocalDate> bankHolidays() {
        return table.get(Keys.calendar(DynamoMonitoringStore.CALENDAR), Keys.BANK_HOLIDAYS_ITEM)
                .map(MonitoringItems::bankHolidays).orElse(List.of());
    }

    // ---- helpers ----

    /** Version 1: new, its id claimed with it; any other: only over the version before it. */
    private TransactWriteItem versioned(String id, long version, Map<String, AttributeValue> item,
                                        Map<String, Optional<String>> idsTaken) {
        if (version == 1) {
            idsTaken.put(id, Optional.empty());
            return putNew(item);
        }
        return Transactions.putAtVersion(table.name(), item, GovernanceItems.VERSION, version - 1);
    }

    /**
     * The action's row in the due-day index: under its current due day while it is open and not
     * escalated; gone from every day it was due on before (a variation moves it, a completion, drop
     * or escalation takes it out).
     */
    private List<TransactWriteItem> dueIndex(ActionRecord action) {
        boolean listed = action.closedOn().isEmpty() && action.escalatedOn().isEmpty();
        TreeSet<LocalDate> daysDue = new TreeSet<>(List.of(action.originalDue()));
        action.variations().forEach(variation -> daysDue.add(variation.due()));
        if (listed) {
            daysDue.remove(action.due());
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        daysDue.forEach(day -> writes.add(Transactions.delete(table.name(), Keys.actionsDue(registerId),
                Keys.actionDue(day, action.id()))));
        if (listed) {
            writes.add(Transactions.put(table.name(), GovernanceItems.due(registerId, action)));
        }
        return writes;
    }

    /** An id of evidence or a finding: free, or already held by the same review (written again with it). */
    private TransactWriteItem takenOrHeldBy(String id, String review) {
        return TransactWriteItem.builder().put(put -> put.tableName(table.name())
                .item(GovernanceItems.takenId(registerId, id, review))
                .conditionExpression("attribute_not_exists(pk) OR heldBy = :review")
                .expressionAttributeValues(Map.of(":review", s(review)))).build();
    }

    private TransactWriteItem putNew(Map<String, AttributeValue> item) {
        return Transactions.putNew(table.name(), item);
    }

    private <T> List<T> all(String prefix, Function<Map<String, AttributeValue>, T> read) {
        return table.query(Keys.governance(registerId), prefix).stream().map(read).toList();
    }

    private <T> Optional<T> one(String sk, Function<Map<String, AttributeValue>, T> read) {
        return table.get(Keys.governance(registerId), sk).map(read);
    }
}
