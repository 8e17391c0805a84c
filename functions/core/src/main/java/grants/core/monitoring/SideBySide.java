package grants.core.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Work that waits on the store, done by a few threads at once; the results in the items' order. */
final class SideBySide {

    private SideBySide() {
    }

    /**
     * Every item through {@code work}, at most {@code threads} at once (one: in this thread, in order).
     * Each item is done even when another fails; then the first failure is thrown, so a caller that
     * goes on only on success (the daily run clearing its days) never goes on after a failure.
     */
    static <T, R> List<R> map(List<T> items, int threads, Function<T, R> work) {
        if (threads <= 1 || items.size() <= 1) {
            return oneAfterAnother(items, work);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, items.size()));
        try {
            List<Future<R>> pending = new ArrayList<>();
            items.forEach(item -> pending.add(pool.submit(() -> work.apply(item))));
            List<R> results = new ArrayList<>();
            RuntimeException failure = null;
            for (Future<R> future : pending) {
                try {
                    results.add(future.get());
                } catch (ExecutionException failed) {
                    if (failure == null) {
                        failure = failed.getCause() instanceof RuntimeException runtime ? runtime
                                : new IllegalStateException(failed.getCause());
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
            return results;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the work was done side by side", interrupted);
        } finally {
            pool.shutdownNow();
        }
    }

    /** In this thread, in order; as side by side, each item done even when another fails. */
    private static <T, R> List<R> oneAfterAnother(List<T> items, Function<T, R> work) {
        List<R> results = new ArrayList<>();
        RuntimeException failure = null;
        for (T item : items) {
            try {
                results.add(work.apply(item));
            } catch (RuntimeException failed) {
                failure = failure == null ? failed : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return results;
    }
}
