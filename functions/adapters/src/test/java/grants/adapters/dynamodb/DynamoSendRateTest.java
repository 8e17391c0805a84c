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

        Map<Long, Integer> perSecond = new TreeMap<>();
        sentInSecond.forEach(second -> perSecond.merge(second, 1, Integer::sum));
        assertThat(sentInSecond).hasSize(16);
        assertThat(perSecond.values()).as("sends in each second: " + perSecond).allMatch(count -> count <= 4);
    }
}
