package grants.adapters.dynamodb;

import grants.core.access.Binding;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;
import java.util.Optional;

/** A binding as a grants table item, and back. */
final class BindingItems {

    static final int SCHEMA_VERSION = 1;

    private BindingItems() {
    }

    static Map<String, AttributeValue> item(Binding binding) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.binding(binding.subject()),
                Keys.bindingScope(binding.scope()), SCHEMA_VERSION);
        item.put("subject", GrantsTable.s(binding.subject()));
        item.put("scope", GrantsTable.s(binding.scope()));
        item.put("name", GrantsTable.s(binding.name()));
        binding.partnershipId().ifPresent(id -> item.put("partnershipId", GrantsTable.s(id)));
        binding.adviserId().ifPresent(id -> item.put("adviserId", GrantsTable.s(id)));
        binding.personId().ifPresent(id -> item.put("personId", GrantsTable.s(id)));
        binding.organisationId().ifPresent(id -> item.put("organisationId", GrantsTable.s(id)));
        return item;
    }

    static Binding binding(Map<String, AttributeValue> item) {
        return new Binding(GrantsTable.text(item, "subject"), GrantsTable.text(item, "scope"),
                GrantsTable.text(item, "name"), optional(item, "partnershipId"), optional(item, "adviserId"),
                optional(item, "personId"), optional(item, "organisationId"));
    }

    private static Optional<String> optional(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(GrantsTable.text(item, name));
    }
}
