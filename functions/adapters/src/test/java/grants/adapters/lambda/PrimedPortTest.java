package grants.adapters.lambda;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What priming may and may not answer: it must never loop, read or write what it did not plan to. */
class PrimedPortTest {

    /** A port shaped as the stores are: a read, its paged overload, and a default made of them. */
    interface Rows {
        List<String> rows(String runId);

        List<String> rows(String runId, String after, int limit);

        default int count(String runId) {
            return rows(runId).size();
        }

        void write(String row);
    }

    private final List<String> calledOnTheRealAdapter = new ArrayList<>();

    private final Rows real = new Rows() {
        @Override
        public List<String> rows(String runId) {
            calledOnTheRealAdapter.add("rows " + runId);
            return List.of();
        }

        @Override
        public List<String> rows(String runId, String after, int limit) {
            calledOnTheRealAdapter.add("page of " + runId);
            return List.of();
        }

        @Override
        public void write(String row) {
            calledOnTheRealAdapter.add("write " + row);
        }
    };

    @Test
    void anOverloadedCallMustBePrimedByItsParameterCountAndTheOthersAreRefused() {
        assertThatThrownBy(() -> PrimedPort.of(Rows.class, real).reads("rows", args -> List.of("a")))
                .hasMessageContaining("Rows.rows is overloaded");

        Rows primed = PrimedPort.of(Rows.class, real).reads("rows", 1, args -> List.of("a", "b")).build(new ArrayList<>());

        assertThat(primed.rows("run-1")).containsExactly("a", "b");
        assertThatThrownBy(() -> primed.rows("run-1", "a", 2)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("Rows.rows is not primed");
        assertThatThrownBy(() -> primed.write("c")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(calledOnTheRealAdapter).containsExactly("rows run-1"); // the real adapter built the one read
    }

    @Test
    void aDefaultCallIsMadeOfThePrimedOnesAndACallPrimedTwiceIsRefused() {
        Rows primed = PrimedPort.of(Rows.class, real).reads("rows", 1, args -> List.of("a", "b", "c"))
                .build(new ArrayList<>());

        assertThat(primed.count("run-1")).isEqualTo(3);
        assertThatThrownBy(() -> PrimedPort.of(Rows.class, real).writes("write", args -> null)
                .writes("write", args -> null)).hasMessageContaining("Rows.write is primed twice");
    }
}
