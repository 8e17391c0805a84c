package grants.adapters.dynamodb;

import grants.core.access.Binding;
import grants.core.access.BindingStore;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bindings in the grants table: a partition per person, an item per scope; and a copy of each in
 * a partition per scope, written and removed in the same transaction, so that who is bound in a
 * round is one query, never a scan.
 */
public final class DynamoBindingStore implements BindingStore {

    /** Tries of a write that met another write of the same binding (each then reads the new one). */
    private static final int MAX_ATTEMPTS = 5;

    private final GrantsTable table;

    public DynamoBindingStore(GrantsTable table) {
        this.table = table;
    }

    @Override
    public Optional<Binding> put(Binding binding) {
        return replace(binding.subject(), binding.scope(), Optional.of(binding));
    }

    @Override
    public Optional<Binding> get(String subject, String scope) {
        return table.get(Keys.binding(subject), Keys.bindingScope(scope)).map(BindingItems::binding);
    }

    @Override
    public Optional<Binding> remove(String subject, String scope) {
        return replace(subject, scope, Optional.empty());
    }

    @Override
    public List<Binding> of(String subject) {
        return table.query(Keys.binding(subject), "").stream().map(BindingItems::binding).toList();
    }

    @Override
    public List<Binding> inScope(String scope) {
        return table.query(Keys.bindingsIn(scope), "").stream().map(BindingItems::binding).toList();
    }

    /**
     * Writes the binding (or removes it, given none) with its copy in its scope's list, both or
     * neither, and gives back the one it replaced: the write expects the revision it read, so that
     * what it gives back is what it replaced even when two managers change the binding at once.
     */
    private Optional<Binding> replace(String subject, String scope, Optional<Binding> after) {
        for (int attempt = 1; ; attempt++) {
            Optional<Map<String, AttributeValue>> stored = table.get(Keys.binding(subject), Keys.bindingScope(scope));
            if (stored.isEmpty() && after.isEmpty()) {
                return Optional.empty();
            }
            List<TransactWriteItem> writes = after.map(binding -> List.of(
                            put(BindingItems.item(binding, stored.map(BindingItems::revision).orElse(0L) + 1), stored),
                            TransactWriteItem.builder().put(put -> put.tableName(table.name())
                                    .item(BindingItems.inScope(binding))).build()))
                    .orElseGet(() -> List.of(delete(subject, scope, stored.get()),
                            TransactWriteItem.builder().delete(delete -> delete.tableName(table.name())
                                    .key(GrantsTable.key(Keys.bindingsIn(scope), Keys.bindingSubject(subject)))).build()));
            try {
                table.client().transactWriteItems(request -> request.transactItems(writes));
                return stored.map(BindingItems::binding);
            } catch (TransactionCanceledException changedMeanwhile) {
                if (attempt == MAX_ATTEMPTS) {
                    throw changedMeanwhile;
                }
            }
        }
    }

    private TransactWriteItem put(Map<String, AttributeValue> item, Optional<Map<String, AttributeValue>> stored) {
        Expected expected = Expected.of(stored);
        return TransactWriteItem.builder().put(put -> put.tableName(table.name()).item(item)
                .conditionExpression(expected.condition()).expressionAttributeNames(expected.names())
                .expressionAttributeValues(expected.values())).build();
    }

    private TransactWriteItem delete(String subject, String scope, Map<String, AttributeValue> stored) {
        Expected expected = Expected.of(Optional.of(stored));
        return TransactWriteItem.builder().delete(delete -> delete.tableName(table.name())
                .key(GrantsTable.key(Keys.binding(subject), Keys.bindingScope(scope)))
                .conditionExpression(expected.condition()).expressionAttributeNames(expected.names())
                .expressionAttributeValues(expected.values())).build();
    }

    /** The condition that the person's item is still as it was read: absent, or at its revision. */
    private record Expected(String condition, Map<String, String> names, Map<String, AttributeValue> values) {

        static Expected of(Optional<Map<String, AttributeValue>> stored) {
            if (stored.isEmpty()) {
                return new Expected("attribute_not_exists(pk)", null, null);
            }
            long revision = BindingItems.revision(stored.get());
            Map<String, String> names = Map.of("#revision", BindingItems.REVISION);
            return revision == 0
                    ? new Expected("attribute_exists(pk) AND attribute_not_exists(#revision)", names, null)
                    : new Expected("#revision = :revision", names, Map.of(":revision", GrantsTable.n(revision)));
        }
    }
}
