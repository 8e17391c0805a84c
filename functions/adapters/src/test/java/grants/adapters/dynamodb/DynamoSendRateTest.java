package grants.adapters.dynamodb;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The rate shared through the table: two containers sending at once still keep the whole to R a second. */
class DynamoSendRateTest {

    @Test
    void twoContainersTogetherNeverPassTheRateInAnySecond() throws Exception {
        GrantsTable table = StoreTables.fresh(getClass(), Clock.systemUTC());
        List<DynamoSendRate> containers = List.of(new DynamoSendRate(table, "notices", 4),
                new DynamoSendRate(table, "notices", 4));
        ConcurrentLinkedQueue<Long> sentInSecond = new ConcurrentLinkedQueue<>();
        long started = System.nanoTime();
        ExecutorService senders = Executors.newFixedThreadPool(4);
        for (int sender = 0; sender < 4; sender++) {
            DynamoSendRate rate = containers.get(sender % 2);
            senders.submit(() -> {
                for (int i = 0; i < 4; i++) {
                    rate.acquire();
                    sentInSecond.add(System.currentTimeMillis() / 1000);
                }
            });
        }
        senders.shutdown();
        assertThat(senders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        // What the table counted is what the senders were allowed: never more than 4 in a second.
        Map<String, Long> perSecond = new TreeMap<>();
        table.query(Keys.sendRate("notices"), "").forEach(item ->
                perSecond.put(item.get(GrantsTable.SK).s(), GrantsTable.number(item, "sent")));
        assertThat(sentInSecond).hasSize(16);
        assertThat(perSecond.values()).as("sends counted in each second: " + perSecond).allMatch(count -> count <= 4);
        assertThat(perSecond.values().stream().mapToLong(Long::longValue).sum()).isGreaterThanOrEqualTo(16);
        assertThat(elapsedMillis).as("16 sends at 4 a second span four seconds: two at the least").isGreaterThanOrEqualTo(2000);
    }
}
