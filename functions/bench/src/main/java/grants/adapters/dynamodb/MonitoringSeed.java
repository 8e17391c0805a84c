package grants.adapters.dynamodb;

import grants.core.monitoring.MonitoredAgreement;
import grants.core.monitoring.Reminder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * For the benchmarks only (it lives in the adapters' package to write the very items
 * {@link DynamoMonitoringStore} writes): agreements put straight into the table, 25 items a
 * request, each with its record, its organisation's listing and its one pointer in the day index,
 * as {@code create} leaves them, but without the audit entry, which the daily run never reads.
 * What entering them one by one through the use case costs is measured on its own.
 */
public final class MonitoringSeed {

    private static final int BATCH = 25;

    private MonitoringSeed() {
    }

    /** The items of these agreements, in batches handed to {@code writer} (which may run them side by side). */
    public static List<Runnable> batches(GrantsTable table, List<MonitoredAgreement> agreements,
                                         java.util.function.Function<MonitoredAgreement, List<Reminder>> planned) {
        Map<String, Map<String, AttributeValue>> items = new LinkedHashMap<>();
        Consumer<Map<String, AttributeValue>> add = item -> items.put(item.get(GrantsTable.PK).s() + "|"
                + item.get(GrantsTable.SK).s(), item);
        for (MonitoredAgreement agreement : agreements) {
            List<Reminder> reminders = planned.apply(agreement);
            add.accept(MonitoringItems.agreement(agreement, reminders));
            add.accept(MonitoringItems.organisationListed(agreement.agreement().organisation()));
            add.accept(MonitoringItems.ofOrganisation(agreement.agreement().organisation(), agreement.id()));
            MonitoringItems.firstDayPointer(agreement.id(), reminders).forEach(add);
        }
        return batchesOf(table, new ArrayList<>(items.values()));
    }

    /** Items put in 25 a request: one runnable per request, retrying what DynamoDB leaves unprocessed. */
    static List<Runnable> batchesOf(GrantsTable table, List<Map<String, AttributeValue>> all) {
        List<Runnable> batches = new ArrayList<>();
        for (int from = 0; from < all.size(); from += BATCH) {
            List<Map<String, AttributeValue>> batch = all.subList(from, Math.min(all.size(), from + BATCH));
            batches.add(() -> write(table, batch));
        }
        return batches;
    }

    private static void write(GrantsTable table, List<Map<String, AttributeValue>> batch) {
        List<WriteRequest> pending = batch.stream()
                .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build()).toList();
        while (!pending.isEmpty()) {
            List<WriteRequest> requests = pending;
            BatchWriteItemResponse response = table.client().batchWriteItem(r -> r.requestItems(Map.of(table.name(), requests)));
            pending = response.unprocessedItems().getOrDefault(table.name(), List.of());
        }
    }
}
