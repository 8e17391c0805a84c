package grants.adapters.dynamodb;

import grants.core.audit.AuditEntry;
import grants.core.reporting.Narrative;
import grants.core.reporting.Observation;
import grants.core.reporting.Register;
import grants.core.reporting.ReportingStore;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Performance reporting in the grants table, one partition per register ({@link ReportingItems}
 * has the attributes):
 *
 * <pre>
 * pk                     sk                                          item
 * REGISTER#{registerId}  REGISTER                                    the register's whole record and its version
 * REGISTER#{registerId}  FIGURE#{indicator}#{period}#{sequence}      an accepted figure of a quarter, written once
 * REGISTER#{registerId}  NARRATIVE#{indicator}#{period}#{number}     an owner's narrative of a quarter
 * REGISTER#{registerId}  IDEMPOTENCY#{caller's key}                  the figure a request with an Idempotency-Key recorded
 * REGISTER##LIST         {registerId}                                a register, in the list the daily run reads
 * </pre>
 *
 * Every write is one transaction with its audit entry: both or neither. The register is replaced
 * whole, on the condition that its {@code version} is the one it was read at; a figure moves it to
 * its next version, so a change read before the figure cannot change a field the figure locks. A figure is put with
 * {@code attribute_not_exists} on its key, so of two owners racing for the same revision (the same
 * sequence) one wins and the other is told. Narratives are never refused: one that meets another
 * written at the same moment takes the next number.
 */
public final class DynamoReportingStore implements ReportingStore {

    private static final int NARRATIVE_ATTEMPTS = 5;

    private final GrantsTable table;
    private final AuditTable audit;

    public DynamoReportingStore(GrantsTable table, AuditTable audit) {
        this.table = table;
        this.audit = audit;
    }

    @Override
    public boolean create(Register fresh, AuditEntry entry) {
        return Transactions.writeUnlessFirstConditionFails(table.client(), List.of(
                Transactions.putNew(table.name(), ReportingItems.register(fresh)), listed(fresh.registerId()),
                audit.inTransaction(entry)));
    }

    @Override
    public List<String> registerIds() {
        return table.query(Keys.REGISTERS, "").stream().map(item -> GrantsTable.text(item, "registerId")).toList();
    }

    @Override
    public Optional<Register> register(String registerId) {
        return record(registerId).map(ReportingItems::register);
    }

    /** Refused, with nothing written, unless the stored register is at {@code expectedVersion}: read first, then by the condition. */
    @Override
    public boolean replace(Register next, long expectedVersion, AuditEntry entry) {
        Optional<Map<String, AttributeValue>> current = record(next.registerId());
        if (current.isEmpty() || GrantsTable.number(current.get(), ReportingItems.VERSION) != expectedVersion) {
            return false;
        }
        // listed again (the same item): a register kept before the list was is listed at its next change
        return Transactions.writeUnlessFirstConditionFails(table.client(), List.of(
                Transactions.putAtVersion(table.name(), ReportingItems.register(next), ReportingItems.VERSION,
                        expectedVersion), listed(next.registerId()), audit.inTransaction(entry)));
    }

    /** Every accepted figure, by the day recorded and, within a quarter, in the order recorded. */
    @Override
    public List<Observation> observations(String registerId) {
        return inOrderWritten(registerId, Keys.figurePrefix(), ReportingItems::observation, Observation::recordedOn);
    }

    /** The figure, the register's next version and the audit entry, all or none; false if the figure's key was taken. */
    @Override
    public boolean addObservation(String registerId, Observation observation, AuditEntry entry) {
        return Transactions.writeUnlessFirstConditionFails(table.client(), List.of(
                Transactions.putNew(table.name(), ReportingItems.observation(registerId, observation)),
                nextVersion(registerId), audit.inTransaction(entry)));
    }

    @Override
    public Optional<Requested> requested(String registerId, String requestKey) {
        return table.get(Keys.register(registerId), Keys.idempotency(requestKey)).flatMap(request ->
                table.get(Keys.register(registerId), GrantsTable.text(request, "figure")).map(figure ->
                        new Requested(requestKey, GrantsTable.text(request, "fingerprint"),
                                ReportingItems.observation(figure))));
    }

    /** The figure, its request key, the register's next version and the audit entry, all or none; false if either key was taken. */
    @Override
    public boolean addRequestedObservation(String registerId, Requested requested, AuditEntry entry) {
        return Transactions.writeUnlessAnyConditionFails(table.client(), List.of(
                Transactions.putNew(table.name(), ReportingItems.observation(registerId, requested.observation())),
                Transactions.putNew(table.name(), ReportingItems.request(registerId, requested.requestKey(),
                        requested.fingerprint(), requested.observation())),
                nextVersion(registerId), audit.inTransaction(entry)));
    }

    /** Every narrative, by the day written and, within a quarter, in the order written. */
    @Override
    public List<Narrative> narratives(String registerId) {
        return inOrderWritten(registerId, Keys.narrativePrefix(), ReportingItems::narrative, Narrative::on);
    }

    /** Numbered after the quarter's narratives already written; one written meanwhile moves it to the next number. */
    @Override
    public void addNarrative(String registerId, Narrative narrative, AuditEntry entry) {
        for (int attempt = 1; attempt <= NARRATIVE_ATTEMPTS; attempt++) {
            int number = table.query(Keys.register(registerId),
                    Keys.narrativesOf(narrative.indicator(), narrative.period().toString())).size() + 1;
            if (transact(Transactions.putNew(table.name(), ReportingItems.narrative(registerId, narrative, number)),
                    entry)) {
                return;
            }
        }
        throw new IllegalStateException("the narrative of " + narrative.indicator() + " " + narrative.period()
                + " met another " + NARRATIVE_ATTEMPTS + " times; nothing was written");
    }

    // ---- helpers ----

    private Optional<Map<String, AttributeValue>> record(String registerId) {
        return table.get(Keys.register(registerId), Keys.REGISTER_ITEM);
    }

    /** The register's entry in the list of registers. */
    private TransactWriteItem listed(String registerId) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.REGISTERS, registerId, ReportingItems.SCHEMA_VERSION);
        item.put("registerId", GrantsTable.s(registerId));
        return Transactions.put(table.name(), item);
    }

    /**
     * The register moved to its next version, in a figure's transaction: a change of the register read
     * before the figure is then refused as stale, so none can change a field the figure locks unseen.
     */
    private TransactWriteItem nextVersion(String registerId) {
        return TransactWriteItem.builder().update(update -> update.tableName(table.name())
                .key(GrantsTable.key(Keys.register(registerId), Keys.REGISTER_ITEM))
                .updateExpression("SET #version = #version + :one")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeNames(Map.of("#version", ReportingItems.VERSION))
                .expressionAttributeValues(Map.of(":one", GrantsTable.n(1)))).build();
    }

    /**
     * The items of one kind beside the register, by the day they were written: a stable sort of the
     * key order, in which a quarter's items stand in the order written.
     */
    private <T> List<T> inOrderWritten(String registerId, String kind, Function<Map<String, AttributeValue>, T> read,
                                       Function<T, LocalDate> writtenOn) {
        return table.query(Keys.register(registerId), kind).stream().map(read)
                .sorted(Comparator.comparing(writtenOn)).toList();
    }

    /** The write and its audit entry, all or none; false when the write's condition failed. */
    private boolean transact(TransactWriteItem write, AuditEntry entry) {
        return Transactions.writeUnlessFirstConditionFails(table.client(), List.of(write, audit.inTransaction(entry)));
    }
}
