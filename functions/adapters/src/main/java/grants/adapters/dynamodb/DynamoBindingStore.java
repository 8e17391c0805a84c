package grants.adapters.dynamodb;

import grants.core.access.Binding;
import grants.core.access.BindingStore;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Bindings in the grants table: a partition per person, an item per scope. */
public final class DynamoBindingStore implements BindingStore {

    private final GrantsTable table;

    public DynamoBindingStore(GrantsTable table) {
        this.table = table;
    }

    @Override
    public Optional<Binding> put(Binding binding) {
        Map<String, AttributeValue> old = table.client().putItem(request -> request.tableName(table.name())
                .item(BindingItems.item(binding)).returnValues(ReturnValue.ALL_OLD)).attributes();
        return old == null || old.isEmpty() ? Optional.empty() : Optional.of(BindingItems.binding(old));
    }

    @Override
    public Optional<Binding> get(String subject, String scope) {
        return table.get(Keys.binding(subject), Keys.bindingScope(scope)).map(BindingItems::binding);
    }

    @Override
    public Optional<Binding> remove(String subject, String scope) {
        Map<String, AttributeValue> old = table.client().deleteItem(request -> request.tableName(table.name())
                .key(GrantsTable.key(Keys.binding(subject), Keys.bindingScope(scope)))
                .returnValues(ReturnValue.ALL_OLD)).attributes();
        return old == null || old.isEmpty() ? Optional.empty() : Optional.of(BindingItems.binding(old));
    }

    @Override
    public List<Binding> of(String subject) {
        return table.query(Keys.binding(subject), "").stream().map(BindingItems::binding).toList();
    }
}
