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

import static grants.adapters.dynamodb.GrantsTable.s;
import static grants.adapters.dynamodb.GrantsTable.text;

/**
 * The audit trail in its own table ({@link AuditTable}): a partition per programme or round, one
 * item per change, sorted by time. Items are only ever put new (a condition makes sure), never
 * updated or deleted; changes made in one transaction carry their entry in it instead.
 */
public final class DynamoAuditTrail implements AuditTrail {

    private final AuditTable table;

    public DynamoAuditTrail(AuditTable table) {
        this.table = table;
    }

    @Override
    public void append(AuditEntry entry) {
        table.append(entry);
    }

    @Override
    public Page page(String trailId, Optional<String> after, int limit) {
        Map<String, AttributeValue> start = new HashMap<>();
        after.ifPresent(sk -> start.putAll(GrantsTable.key(Keys.audit(trailId), sk)));
        QueryResponse response = table.client().query(request -> request.tableName(table.name()).consistentRead(true)
                .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", s(Keys.audit(trailId))))
                .scanIndexForward(false).limit(limit).exclusiveStartKey(start.isEmpty() ? null : start));
        List<AuditEntry> entries = response.items().stream().map(item -> new AuditEntry(trailId,
                Instant.parse(text(item, "at")), text(item, "actorSubject"), text(item, "actorEmail"), text(item, "action"),
                text(item, "target"), text(item, "before"), text(item, "after"))).toList();
        Optional<String> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Optional.of(response.lastEvaluatedKey().get(GrantsTable.SK).s()) : Optional.empty();
        return new Page(entries, next);
    }
}
