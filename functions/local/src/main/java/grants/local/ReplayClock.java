package grants.local;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock of a replayed round: set to each stage's own day, so a replay writes the same bytes every time.
 * {@code serve} seeds its demo round in the past on it, then hands it to the system clock.
 */
final class ReplayClock extends Clock {

    private volatile Instant now;
    private volatile boolean followingTheSystemClock;

    ReplayClock(LocalDate day) {
        set(day);
    }

    void set(LocalDate day) {
        now = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
    }

    /** A moment of a replayed day: the daily run's 07:00, an event's noon, a payment run's afternoon. */
    void set(Instant instant) {
        now = instant;
    }

    /** From now on, the real time: what was seeded stays on its days, and people act today. */
    void followTheSystemClock() {
        followingTheSystemClock = true;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return followingTheSystemClock ? Instant.now() : now;
    }
}
