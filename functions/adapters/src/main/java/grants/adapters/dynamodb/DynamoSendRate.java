package grants.adapters.dynamodb;

import grants.core.notices.RateLimiter;
import grants.core.notices.SendRate;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static grants.adapters.dynamodb.GrantsTable.n;

/**
 * The send rate shared by every container of a function: each wall-clock second is an item whose
 * counter a send raises only while it is below the rate, so the whole system never sends more
 * than R in a second however far Lambda scales. Within a container the sends are also spaced
 * 1/R apart, so no container takes a second's share in one burst.
 */
public final class DynamoSendRate implements SendRate {

    private static final long SECOND_ITEMS_KEPT_SECONDS = 3600;

    private final GrantsTable table;
    private final String what;
    private final int perSecond;
    private final RateLimiter spacing;

    public DynamoSendRate(GrantsTable table, String what, int perSecond) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("the rate must be at least 1 a second, got " + perSecond);
        }
        this.table = table;
        this.what = what;
        this.perSecond = perSecond;
        this.spacing = RateLimiter.perSecond(perSecond);
    }

    @Override
    public void acquire() {
        spacing.acquire();
        while (true) {
            long now = table.clock().millis();
            long second = now / 1000;
            // A slot taken just as its second ended is spent, not used: the send would fall in the next second.
            if (tryTake(second) && table.clock().millis() / 1000 == second) {
                return;
            }
            sleep((second + 1) * 1000 - now + ThreadLocalRandom.current().nextLong(1, 20));
        }
    }

    private boolean tryTake(long second) {
        try {
            table.client().updateItem(request -> request.tableName(table.name())
                    .key(GrantsTable.key(Keys.sendRate(what), Keys.second(second)))
                    .updateExpression("ADD sent :one SET " + GrantsTable.EXPIRES_AT + " = :expires")
                    .conditionExpression("attribute_not_exists(sent) OR sent < :max")
                    .expressionAttributeValues(Map.of(":one", n(1), ":max", n(perSecond),
                            ":expires", n(second + SECOND_ITEMS_KEPT_SECONDS))));
            return true;
        } catch (ConditionalCheckFailedException thisSecondIsFull) {
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to send", e);
        }
    }
}
