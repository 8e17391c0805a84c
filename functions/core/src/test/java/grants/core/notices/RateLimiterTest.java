package grants.core.notices;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The limiter on a simulated clock: what it lets through, never how long a real run takes. */
class RateLimiterTest {

    private long now;

    @Test
    void noSecondEverHoldsMoreThanTheRate() {
        List<Long> sends = new ArrayList<>();
        RateLimiter limiter = new RateLimiter(3, () -> now, nanos -> now += nanos);

        for (int i = 0; i < 20; i++) {
            limiter.acquire();
            sends.add(now);
            now += 1_000_000; // 1 ms of work per send
        }

        for (long start : sends) {
            long inThatSecond = sends.stream().filter(t -> t >= start && t < start + 1_000_000_000L).count();
            assertThat(inThatSecond).isLessThanOrEqualTo(3);
        }
        assertThat(sends.get(19) - sends.get(0)).as("N sends take (N-1)/R seconds").isGreaterThanOrEqualTo(19 * 333_333_334L);
    }

    /** Real sleeps overrun; the bench caught 6 sends in one second at R = 5 before the spacing ran from the wake-up. */
    @Test
    void anOversleptWaitDoesNotLetTheNextSendComeEarly() {
        List<Long> sends = new ArrayList<>();
        long[] sleeps = {0};
        // Every other sleep wakes 30 ms late, as real ones do now and then.
        RateLimiter limiter = new RateLimiter(5, () -> now, nanos -> now += nanos + (sleeps[0]++ % 2 == 0 ? 30_000_000 : 0));

        for (int i = 0; i < 30; i++) {
            limiter.acquire();
            sends.add(now);
        }

        for (long start : sends) {
            assertThat(sends.stream().filter(t -> t >= start && t < start + 1_000_000_000L).count()).isLessThanOrEqualTo(5);
        }
    }

    @Test
    void aSlowSenderIsNeverMadeToWait() {
        List<Long> waits = new ArrayList<>();
        RateLimiter limiter = new RateLimiter(1, () -> now, nanos -> {
            waits.add(nanos);
            now += nanos;
        });

        for (int i = 0; i < 5; i++) {
            limiter.acquire();
            now += 2_000_000_000L; // each send takes two seconds
        }

        assertThat(waits).isEmpty();
    }
}
