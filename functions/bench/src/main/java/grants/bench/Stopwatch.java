package grants.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Wall-clock timings and their medians. */
final class Stopwatch {

    private Stopwatch() {
    }

    static long millis(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    static <T> T timed(Supplier<T> work, long[] millis) {
        long start = System.nanoTime();
        T result = work.get();
        millis[0] = (System.nanoTime() - start) / 1_000_000;
        return result;
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
