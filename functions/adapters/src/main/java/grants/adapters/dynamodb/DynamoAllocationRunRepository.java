package grants.adapters.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import grants.core.audit.AuditEntry;
import grants.core.allocation.AllocationRow;
import grants.core.allocation.LocalityOutcome;
import grants.core.run.AllocationRunStore;
import grants.core.run.IdempotencyClaim;
import grants.core.run.ReadWhenFirstAsked;
import grants.core.run.RunHeader;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static grants.adapters.dynamodb.GrantsTable.n;
import static grants.adapters.dynamodb.GrantsTable.s;

/**
 * Committed runs in the grants table. A commit writes every row first and the header last, with
 * a condition that it is new: lists and reads start from the header, so a run nobody can see
 * until it is complete, and a second commit of the same run id never overwrites the first.
 */
public final class DynamoAllocationRunRepository implements AllocationRunStore {

    /** How long an Idempotency-Key is remembered. */
    static final Duration IDEMPOTENCY_KEY_LIFETIME = Duration.ofDays(30);

    private final GrantsTable table;
    private final AuditTable audit;

    public DynamoAllocationRunRepository(GrantsTable table, AuditTable audit) {
        this.table = table;
        this.audit = audit;
    }

    @Override
    public void writeRows(RunHeader header, List<AllocationRow> rows) {
        BatchWriter.putAll(table, rows.stream().map(row -> RunItems.row(header, row)).toList());
    }

    /** The row keys alone, a page of 1 MB holding some 30,000 of them. */
    @Override
    public Set<String> writtenRowIds(String programmeId, String runId) {
        Set<String> written = new HashSet<>();
        table.client().queryPaginator(runRows(Keys.runItems(programmeId, runId)).projectionExpression("partnershipId").build())
                .items().forEach(item -> written.add(item.get("partnershipId").s()));
        return written;
    }

    /** The localities, then the header on condition that it is new. */
    @Override
    public RunHeader publish(RunHeader header, int rowCount) {
        BatchWriter.putAll(table, header.localities().stream().map(locality -> RunItems.locality(header, locality)).toList());
        if (table.putIfAbsent(RunItems.header(header, rowCount))) {
            return header;
        }
        return header(header.programmeId(), header.runId()).orElseThrow(); // committed before under this id
    }

    /** The localities, then the header and the commit's audit entry in one transaction, on condition that the header is new. */
    @Override
    public RunHeader publish(RunHeader header, int rowCount, AuditEntry entry) {
        BatchWriter.putAll(table, header.localities().stream().map(locality -> RunItems.locality(header, locality)).toList());
        TransactWriteItem head = TransactWriteItem.builder().put(put -> put.tableName(table.name())
                .item(RunItems.header(header, rowCount)).conditionExpression("attribute_not_exists(pk)")).build();
        try {
            table.client().transactWriteItems(request -> request.transactItems(head, audit.inTransaction(entry)));
            return header;
        } catch (TransactionCanceledException refused) {
            if (refused.cancellationReasons().isEmpty()
                    || !"ConditionalCheckFailed".equals(refused.cancellationReasons().get(0).code())) {
                throw refused;
            }
            return header(header.programmeId(), header.runId()).orElseThrow(); // committed before, and recorded then
        }
    }

    @Override
    public List<RunHeader> list(String programmeId) {
        List<RunHeader> headers = new ArrayList<>();
        table.client().queryPaginator(runHeaders(programmeId).build()).items()
                .forEach(item -> headers.add(readHeader(item)));
        return headers;
    }

    @Override
    public Optional<RunHeader> latest(String programmeId) {
        return table.client().query(runHeaders(programmeId).limit(1).build()).items().stream()
                .findFirst().map(this::readHeader);
    }

    /** Newest first: run ids sort by the time of the commit. */
    private QueryRequest.Builder runHeaders(String programmeId) {
        return QueryRequest.builder().tableName(table.name()).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :run)")
                .expressionAttributeValues(Map.of(":pk", s(Keys.programme(programmeId)), ":run", s(Keys.runPrefix())))
                .scanIndexForward(false);
    }

    @Override
    public Optional<RunHeader> header(String programmeId, String runId) {
        return table.get(Keys.programme(programmeId), Keys.run(runId)).map(this::readHeader);
    }

    @Override
    public List<AllocationRow> rows(String programmeId, String runId) {
        return table.query(Keys.runItems(programmeId, runId), Keys.rowPrefix()).stream().map(RunItems::row).toList();
    }

    /** One query for one page: DynamoDB starts after the named row's key and stops at the limit. */
    @Override
    public List<AllocationRow> rows(String programmeId, String runId, Optional<String> afterPartnershipId, int limit) {
        String partition = Keys.runItems(programmeId, runId);
        List<AllocationRow> rows = new ArrayList<>();
        Map<String, AttributeValue> start = afterPartnershipId.map(after -> GrantsTable.key(partition, Keys.row(after)))
                .orElse(null);
        do {
            var page = table.client().query(runRows(partition).exclusiveStartKey(start).limit(limit - rows.size()).build());
            page.items().forEach(item -> rows.add(RunItems.row(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && rows.size() < limit);
        return rows;
    }

    /** A run's rows, in partnership id order. */
    private QueryRequest.Builder runRows(String partition) {
        return QueryRequest.builder().tableName(table.name()).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :rows)")
                .expressionAttributeValues(Map.of(":pk", s(partition), ":rows", s(Keys.rowPrefix())));
    }

    @Override
    public Optional<AllocationRow> row(String programmeId, String runId, String partnershipId) {
        return table.get(Keys.runItems(programmeId, runId), Keys.row(partnershipId)).map(RunItems::row);
    }

    @Override
    public IdempotencyClaim claim(String programmeId, String idempotencyKey, IdempotencyClaim proposed) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.programme(programmeId), Keys.idempotency(idempotencyKey),
                RunItems.SCHEMA_VERSION);
        item.put("runId", s(proposed.runId()));
        item.put("inputHash", s(proposed.inputHash()));
        item.put(GrantsTable.EXPIRES_AT, n(table.clock().instant().plus(IDEMPOTENCY_KEY_LIFETIME).getEpochSecond()));
        if (table.putIfAbsent(item)) {
            return proposed;
        }
        Map<String, AttributeValue> earlier = table.get(Keys.programme(programmeId), Keys.idempotency(idempotencyKey))
                .orElseThrow();
        return new IdempotencyClaim(earlier.get("runId").s(), earlier.get("inputHash").s());
    }

    /**
     * The programme a run id belongs to, found by scanning the whole table: for the local runner,
     * whose commands name a run alone, on a laptop's small table; never on a request's path.
     */
    public Optional<String> programmeOfRun(String runId) {
        return table.client().scanPaginator(request -> request.tableName(table.name())
                        .filterExpression("sk = :run")
                        .expressionAttributeValues(Map.of(":run", s(Keys.run(runId)))))
                .items().stream().findFirst().map(item -> item.get("programmeId").s());
    }

    private RunHeader readHeader(Map<String, AttributeValue> item) {
        String programmeId = item.get("programmeId").s();
        String runId = item.get("runId").s();
        // One item; the localities (as many items again) are read only by those who ask for them.
        List<LocalityOutcome> localities = new ReadWhenFirstAsked<>(() -> table.query(Keys.runItems(programmeId, runId),
                Keys.localityPrefix()).stream().map(RunItems::locality).toList());
        return RunItems.header(item, localities);
    }
}
