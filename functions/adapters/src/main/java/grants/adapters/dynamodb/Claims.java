package grants.adapters.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one way work is done at most once here: a conditional write claims an item for a worker
 * (an email to send, a notice), so two workers never both hold it. A claim older than
 * {@link #STALE_CLAIM} was left by a worker that died, and another may take it over.
 */
final class Claims {

    /** Far longer than any send takes; short enough that a crashed sender's work is picked up the same hour. */
    static final Duration STALE_CLAIM = Duration.ofMinutes(15);
    private static final Map<String, String> STATE = Map.of("#state", "state");
    /** A claim given up: claimable again, and no delete needed (the functions that claim may not delete). */
    static final String RELEASED = "RELEASED";

    private Claims() {
    }

    /**
     * Moves the item to {@code claimed}: from {@code from}, or from nothing at all when empty (the
     * claim creates the item), or from a stale claim.
     *
     * @return true if this caller now holds the item
     */
    static boolean claim(GrantsTable table, Map<String, AttributeValue> key, Optional<String> from, String claimed) {
        long now = table.clock().millis();
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":claimed", GrantsTable.s(claimed),
                ":now", GrantsTable.n(now), ":stale", GrantsTable.n(now - STALE_CLAIM.toMillis()),
                ":at", GrantsTable.s(table.clock().instant().toString())));
        from.ifPresentOrElse(state -> values.put(":from", GrantsTable.s(state)),
                () -> values.put(":released", GrantsTable.s(RELEASED)));
        String claimable = from.isPresent() ? "#state = :from" : "attribute_not_exists(pk) OR #state = :released";
        try {
            table.client().updateItem(request -> request.tableName(table.name()).key(key)
                    .updateExpression("SET #state = :claimed, claimedAt = :now, updatedAt = :at")
                    .conditionExpression(claimable + " OR (#state = :claimed AND claimedAt < :stale)")
                    .expressionAttributeNames(STATE)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException heldOrDone) {
            return false;
        }
    }

    /** Moves the item from one state to another only if it is still in the first; false if it had moved on. */
    static boolean move(GrantsTable table, Map<String, AttributeValue> key, String from, String to, String extraSet,
                        Map<String, AttributeValue> extraValues) {
        Map<String, AttributeValue> values = new HashMap<>(extraValues);
        values.put(":from", GrantsTable.s(from));
        values.put(":to", GrantsTable.s(to));
        values.put(":at", GrantsTable.s(table.clock().instant().toString()));
        try {
            table.client().updateItem(request -> request.tableName(table.name()).key(key)
                    .updateExpression("SET #state = :to, updatedAt = :at" + extraSet)
                    .conditionExpression("#state = :from").expressionAttributeNames(STATE)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException movedOn) {
            return false;
        }
    }

    /** Gives up a claim that did not finish, so a retry may claim again; nothing if it had moved on. */
    static void release(GrantsTable table, Map<String, AttributeValue> key, String claimed) {
        move(table, key, claimed, RELEASED, "", Map.of());
    }
}
