package grants.local;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Plays Lambda's part while the server runs: every few seconds the table's new stream records go
 * to ExportFinance and QueueNotices, and the notices queue to SendNotices, so a commit made in the
 * console is exported and its notices sent as on AWS.
 */
final class BackgroundDelivery implements AutoCloseable {

    private static final long EVERY_SECONDS = 2;
    /** Notices a second: the local SES takes them as fast as they come; AWS's default is 1. */
    private static final double NOTICE_RATE = 20;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "grants-local-delivery");
        thread.setDaemon(true);
        return thread;
    });

    BackgroundDelivery(LocalFunctions functions) {
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                functions.deliverTableStream();
                functions.deliverNoticesQueue(NOTICE_RATE);
            } catch (RuntimeException failure) {
                // Left for the next round, as Lambda retries: the functions' work is idempotent.
                System.err.println("delivery will be retried: " + failure.getMessage());
            }
        }, EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
