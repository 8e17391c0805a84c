package grants.core.notices;

import java.util.function.LongSupplier;

/**
 * Spaces sends at least 1/R seconds apart, so no second of one process holds more than R of them.
 * Across processes (SendNotices scales to several containers) the shared rate in the table keeps
 * the whole system to R; this spacing keeps one container from sending its share in a burst.
 */
public final class RateLimiter implements SendRate {

    /** Sleeps for a number of nanoseconds. */
    public interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final long spacingNanos;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private long nextAllowed = Long.MIN_VALUE;

    public RateLimiter(double perSecond, LongSupplier nanoClock, Sleeper sleeper) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("the rate must be above zero, got " + perSecond);
        }
        this.spacingNanos = (long) Math.ceil(1_000_000_000L / perSecond);
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
    }

    public static RateLimiter perSecond(double perSecond) {
        return new RateLimiter(perSecond, System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    /**
     * Waits until the next send is allowed, and counts it. The spacing runs from when this call
     * actually returns, not from when it was due: a sleep that overran must not let the next send
     * come early, or a second could hold R + 1.
     */
    @Override
    public synchronized void acquire() {
        long now = nanoClock.getAsLong();
        while (nextAllowed != Long.MIN_VALUE && now < nextAllowed) {
            try {
                sleeper.sleep(nextAllowed - now);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting to send", e);
            }
            now = nanoClock.getAsLong();
        }
        nextAllowed = now + spacingNanos;
    }
}
