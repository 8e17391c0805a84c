package grants.adapters.dynamodb;

import grants.core.audit.AuditEntry;
import grants.core.audit.AuditTrail;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static grants.adapters.dynamodb.GrantsTable.s;
import static grants.adapters.dynamodb.GrantsTable.text;

/**
 * The audit trail in the grants table: a partition per programme, one item per change, sorted by
 * time. Items are only ever put new (a condition makes sure), never updated or deleted.
 */
public final class DynamoAuditTrail implements AuditTrail {

    private static final int SCHEMA_VERSION = 1;

    private final GrantsTable table;

    public DynamoAuditTrail(GrantsTable table) {
        this.table = table;
    }

    @Override
    public void append(AuditEntry entry) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.audit(entry.programmeId()),
                Keys.auditEntry(entry.at().toString(), UUID.randomUUID().toString().substring(0, 8)), SCHEMA_VERSION);
        item.put("at", s(entry.at().toString()));
        item.put("actorSubject", s(entry.actorSubject()));
        if (entry.actorEmail() != null) {
            item.put("actorEmail", s(entry.actorEmail()));
        }
        item.put("action", s(entry.action()));
        item.put("target", s(entry.target()));
        if (entry.before() != null) {
            item.put("before", s(entry.before()));
        }
        if (entry.after() != null) {
            item.put("after", s(entry.after()));
        }
        if (!table.putIfAbsent(item)) {
            throw new IllegalStateException("an audit entry's key was taken: " + item.get(GrantsTable.SK).s());
        }
    }

    @Override
    public Page page(String programmeId, Optional<String> after, int limit) {
        Map<String, AttributeValue> start = new HashMap<>();
        after.ifPresent(sk -> start.putAll(GrantsTable.key(Keys.audit(programmeId), sk)));
        QueryResponse response = table.client().query(request -> request.tableName(table.name()).consistentRead(true)
                .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", s(Keys.audit(programmeId))))
                .scanIndexForward(false).limit(limit).exclusiveStartKey(start.isEmpty() ? null : start));
        List<AuditEntry> entries = response.items().stream().map(item -> new AuditEntry(programmeId,
                Instant.parse(text(item, "at")), text(item, "actorSubject"), text(item, "actorEmail"), text(item, "action"),
                text(item, "target"), text(item, "before"), text(item, "after"))).toList();
        Optional<String> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Optional.of(response.lastEvaluatedKey().get(GrantsTable.SK).s()) : Optional.empty();
        return new Page(entries, next);
    }
}
