package grants.adapters.dynamodb;

import grants.core.access.Binding;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Bindings on DynamoDB Local: stored, replaced (giving back the old one), listed by person, removed. */
class DynamoBindingStoreTest {

    private final DynamoBindingStore store = new DynamoBindingStore(
            StoreTables.fresh(DynamoBindingStoreTest.class, Clock.systemUTC()));

    private static Binding board(String scope, String person) {
        return new Binding("sub-1", scope, "Board member one", Optional.empty(), Optional.empty(),
                Optional.of(person), Optional.empty());
    }

    @Test
    void aPersonsBindingsAreKeptPerScope() {
        Binding partner = new Binding("sub-1", "l2d-2007-08", "Member of Rugby", Optional.of("rugby"),
                Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(store.put(board("coventry-2008", "board-01"))).isEmpty();
        store.put(partner);

        assertThat(store.put(board("coventry-2008", "board-02"))).contains(board("coventry-2008", "board-01"));
        assertThat(store.of("sub-1")).containsExactlyInAnyOrder(board("coventry-2008", "board-02"), partner);
        assertThat(store.of("sub-2")).isEmpty();
        assertThat(store.get("sub-1", "l2d-2007-08")).contains(partner);

        assertThat(store.remove("sub-1", "coventry-2008")).contains(board("coventry-2008", "board-02"));
        assertThat(store.remove("sub-1", "coventry-2008")).isEmpty();
        assertThat(store.of("sub-1")).containsExactly(partner);
    }
}
