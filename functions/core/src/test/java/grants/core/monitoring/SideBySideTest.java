package grants.core.monitoring;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The daily run's reminders handled side by side: results in order, and a failure stops the run going on. */
class SideBySideTest {

    @Test
    void resultsComeBackInTheItemsOrderWhateverOrderTheyFinishIn() {
        List<Integer> items = IntStream.range(0, 200).boxed().toList();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<Integer> doubled = SideBySide.map(items, 8, item -> {
            threads.add(Thread.currentThread().getName());
            try {
                Thread.sleep(item % 3); // later items often finish first
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return item * 2;
        });
        assertThat(doubled).isEqualTo(items.stream().map(item -> item * 2).toList());
        assertThat(threads).as("done side by side").hasSizeGreaterThan(1);
    }

    @Test
    void everyItemIsDoneBeforeTheFirstFailureIsThrown() {
        Set<Integer> done = ConcurrentHashMap.newKeySet();
        assertThatThrownBy(() -> SideBySide.map(IntStream.range(0, 50).boxed().toList(), 4, item -> {
            if (item == 3) {
                throw new IllegalStateException("the store refused reminder 3");
            }
            done.add(item);
            return item;
        })).hasMessage("the store refused reminder 3");
        assertThat(done).hasSize(49);
    }
}
