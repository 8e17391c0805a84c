package grants.adapters.dynamodb;

import grants.core.access.Actor;
import grants.core.access.Binding;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Bindings on DynamoDB Local: stored, replaced (giving back the old one), listed by person and by scope, removed. */
class DynamoBindingStoreTest {

    private final GrantsTable table = StoreTables.fresh(DynamoBindingStoreTest.class, Clock.systemUTC());
    private final DynamoBindingStore store = new DynamoBindingStore(table);

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

    @Test
    void theBindingsOfOneScopeAreListedAsTheyAreAddedChangedAndRemoved() {
        Binding panelMember = new Binding("sub-2", "coventry-2008", "Panel member five", Optional.empty(),
                Optional.empty(), Optional.of("u5"), Optional.of("hillfields-ca"));
        store.put(board("coventry-2008", "board-01"));
        store.put(panelMember);
        store.put(board("another-round", "board-07"));
        store.put(board(Actor.EVERY_PROGRAMME, "board-09"));

        assertThat(store.inScope("coventry-2008")).containsExactlyInAnyOrder(board("coventry-2008", "board-01"), panelMember);
        assertThat(store.inScope("another-round")).containsExactly(board("another-round", "board-07"));
        assertThat(store.inScope("a-round-with-nobody")).isEmpty();

        store.put(board("coventry-2008", "board-02"));
        store.remove("sub-2", "coventry-2008");
        assertThat(store.inScope("coventry-2008")).as("the list follows the change and the removal")
                .containsExactly(board("coventry-2008", "board-02"));
        assertThat(store.of("sub-1")).as("the person's own list is the same as before")
                .containsExactlyInAnyOrder(board("coventry-2008", "board-02"), board("another-round", "board-07"),
                        board(Actor.EVERY_PROGRAMME, "board-09"));
    }

    @Test
    void aBindingWrittenBeforeScopesWereListedIsReplacedAndRemovedWithItsCopy() {
        // An item as this store wrote it before: no revision, and no copy in its scope's list.
        Binding old = board("coventry-2008", "board-01");
        var item = new java.util.HashMap<>(BindingItems.item(old, 1));
        item.remove(BindingItems.REVISION);
        table.client().putItem(request -> request.tableName(table.name()).item(item));

        assertThat(store.put(board("coventry-2008", "board-02"))).contains(old);
        assertThat(store.inScope("coventry-2008")).containsExactly(board("coventry-2008", "board-02"));
        assertThat(store.remove("sub-1", "coventry-2008")).contains(board("coventry-2008", "board-02"));
        assertThat(store.inScope("coventry-2008")).isEmpty();
    }
}
