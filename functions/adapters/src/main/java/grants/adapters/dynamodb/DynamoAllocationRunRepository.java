package grants.adapters.dynamodb;

import grants.core.allocation.AllocationRow;
import grants.core.allocation.LocalityOutcome;
import grants.core.allocation.Status;
import grants.core.json.Json;
import grants.core.json.RunJson;
import grants.core.programme.PartnershipType;
import grants.core.programme.Tier;
import grants.core.run.AllocationRun;
import grants.core.run.AllocationRunStore;
import grants.core.run.IdempotencyClaim;
import grants.core.run.RunHeader;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static grants.adapters.dynamodb.DynamoProgrammeRepository.programmeKey;
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

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Clock clock;

    public DynamoAllocationRunRepository(DynamoDbClient dynamoDb, String tableName, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.clock = clock;
    }

    private static String rowsKey(String programmeId, String runId) {
        return "RUN#" + programmeId + "#" + runId;
    }

    @Override
    public RunHeader commit(AllocationRun run) {
        RunHeader header = run.header();
        List<Map<String, AttributeValue>> items = new ArrayList<>(run.rows().size() + header.localities().size());
        for (AllocationRow row : run.rows()) {
            items.add(rowItem(header, row));
        }
        // Localities beside the rows: a national programme has thousands, more than one header item holds.
        for (LocalityOutcome locality : header.localities()) {
            items.add(Map.of("pk", s(rowsKey(header.programmeId(), header.runId())), "sk", s("LOCALITY#" + locality.county()),
                    "locality", s(Json.write(RunJson.locality(locality)))));
        }
        BatchWriter.putAll(dynamoDb, tableName, items);
        Map<String, AttributeValue> item = new HashMap<>(GrantsTable.key(programmeKey(header.programmeId()),
                "RUN#" + header.runId()));
        RunHeader withoutLocalities = new RunHeader(header.programmeId(), header.runId(), header.committedAt(),
                header.inputHash(), header.rulesVersion(), header.totals(), List.of(), header.warnings());
        item.put("header", s(Json.write(RunJson.header(withoutLocalities))));
        item.put("rowCount", n(run.rows().size()));
        try {
            dynamoDb.putItem(request -> request.tableName(tableName).item(item)
                    .conditionExpression("attribute_not_exists(pk)"));
            return header;
        } catch (ConditionalCheckFailedException alreadyCommitted) {
            return header(header.programmeId(), header.runId()).orElseThrow();
        }
    }

    @Override
    public List<RunHeader> list(String programmeId) {
        List<RunHeader> headers = new ArrayList<>();
        dynamoDb.queryPaginator(runHeaders(programmeId).build()).items()
                .forEach(item -> headers.add(readHeader(item)));
        return headers;
    }

    @Override
    public Optional<RunHeader> latest(String programmeId) {
        return dynamoDb.query(runHeaders(programmeId).limit(1).build()).items().stream()
                .findFirst().map(this::readHeader);
    }

    private QueryRequest.Builder runHeaders(String programmeId) {
        return QueryRequest.builder().tableName(tableName).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :run)")
                .expressionAttributeValues(Map.of(":pk", s(programmeKey(programmeId)), ":run", s("RUN#")))
                .scanIndexForward(false);
    }

    @Override
    public Optional<RunHeader> header(String programmeId, String runId) {
        return get(programmeKey(programmeId), "RUN#" + runId).map(this::readHeader);
    }

    @Override
    public List<AllocationRow> rows(String programmeId, String runId) {
        List<AllocationRow> rows = new ArrayList<>();
        inRun(programmeId, runId, "ROW#").forEach(item -> rows.add(readRow(item)));
        return rows;
    }

    @Override
    public Optional<AllocationRow> row(String programmeId, String runId, String partnershipId) {
        return get(rowsKey(programmeId, runId), "ROW#" + partnershipId).map(DynamoAllocationRunRepository::readRow);
    }

    @Override
    public IdempotencyClaim claim(String programmeId, String idempotencyKey, IdempotencyClaim proposed) {
        Map<String, AttributeValue> item = new HashMap<>(GrantsTable.key(programmeKey(programmeId),
                "IDEMPOTENCY#" + idempotencyKey));
        item.put("runId", s(proposed.runId()));
        item.put("inputHash", s(proposed.inputHash()));
        item.put(GrantsTable.EXPIRES_AT, n(clock.instant().plus(IDEMPOTENCY_KEY_LIFETIME).getEpochSecond()));
        try {
            dynamoDb.putItem(request -> request.tableName(tableName).item(item)
                    .conditionExpression("attribute_not_exists(pk)"));
            return proposed;
        } catch (ConditionalCheckFailedException claimedBefore) {
            Map<String, AttributeValue> earlier = get(programmeKey(programmeId), "IDEMPOTENCY#" + idempotencyKey)
                    .orElseThrow();
            return new IdempotencyClaim(earlier.get("runId").s(), earlier.get("inputHash").s());
        }
    }

    private Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        Map<String, AttributeValue> item = dynamoDb.getItem(request -> request.tableName(tableName)
                .key(GrantsTable.key(pk, sk)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private RunHeader readHeader(Map<String, AttributeValue> item) {
        RunHeader header = RunJson.readHeader(Json.parse(item.get("header").s()));
        List<LocalityOutcome> localities = new ArrayList<>();
        inRun(header.programmeId(), header.runId(), "LOCALITY#")
                .forEach(locality -> localities.add(RunJson.readLocality(Json.parse(locality.get("locality").s()))));
        return new RunHeader(header.programmeId(), header.runId(), header.committedAt(), header.inputHash(),
                header.rulesVersion(), header.totals(), localities, header.warnings());
    }

    /** A run's items of one kind, in key order. */
    private Iterable<Map<String, AttributeValue>> inRun(String programmeId, String runId, String skPrefix) {
        return dynamoDb.queryPaginator(request -> request.tableName(tableName).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :kind)")
                .expressionAttributeValues(Map.of(":pk", s(rowsKey(programmeId, runId)), ":kind", s(skPrefix)))).items();
    }

    /** Rows are plain attributes, money as whole pence, so they read well in the console and in exports. */
    private static Map<String, AttributeValue> rowItem(RunHeader header, AllocationRow row) {
        Map<String, AttributeValue> item = new HashMap<>(GrantsTable.key(rowsKey(header.programmeId(), header.runId()),
                "ROW#" + row.partnershipId()));
        item.put("partnershipId", s(row.partnershipId()));
        item.put("partnershipName", s(row.partnershipName()));
        item.put("type", s(row.type().name()));
        item.put("tier", s(row.tier().name()));
        if (row.locality() != null) {
            item.put("locality", s(row.locality()));
        }
        item.put("status", s(row.status().name()));
        item.put("baseGrantPence", n(row.baseGrantPence()));
        item.put("redistributionPence", n(row.redistributionPence()));
        item.put("finalGrantPence", n(row.finalGrantPence()));
        item.put("finalGrantEuroCents", n(row.finalGrantEuroCents()));
        item.put("supportHalfDays", n(row.supportHalfDays()));
        item.put("reason", s(row.reason()));
        return item;
    }

    private static AllocationRow readRow(Map<String, AttributeValue> item) {
        AttributeValue locality = item.get("locality");
        return new AllocationRow(item.get("partnershipId").s(), item.get("partnershipName").s(),
                PartnershipType.valueOf(item.get("type").s()), Tier.valueOf(item.get("tier").s()),
                locality == null ? null : locality.s(), Status.valueOf(item.get("status").s()),
                number(item, "baseGrantPence"), number(item, "redistributionPence"), number(item, "finalGrantPence"),
                number(item, "finalGrantEuroCents"), (int) number(item, "supportHalfDays"), item.get("reason").s());
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        return Long.parseLong(item.get(name).n());
    }
}
