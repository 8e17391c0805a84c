package grants.adapters.dynamodb;

import grants.core.governance.ActionRecord;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * For the benchmarks only (it lives in the adapters' package to write the very items
 * {@link DynamoGovernanceStore} writes): open actions put straight into a register's governance, 25 items a
 * request, each with its record and its row in the due-day index, as a decision leaves them, but without
 * the decision, its id and its audit entry, which the daily run never reads. What deciding them one by
 * one through the use case costs is measured on its own.
 */
public final class GovernanceSeed {

    private GovernanceSeed() {
    }

    /** The items of these open actions, in batches handed to the caller (which may run them side by side). */
    public static List<Runnable> batches(GrantsTable table, String registerId, List<ActionRecord> actions) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (ActionRecord action : actions) {
            items.add(GovernanceItems.action(registerId, action));
            items.add(GovernanceItems.due(registerId, action));
        }
        return MonitoringSeed.batchesOf(table, items);
    }
}
