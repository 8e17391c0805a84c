package grants.adapters.dynamodb;

import grants.core.access.Binding;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;
import java.util.Optional;

/**
 * A binding as grants table items, and back: the person's own item, and its copy in the list of
 * its scope, the same attributes under other keys.
 */
final class BindingItems {

    /** 2: written together with its copy in its scope's list (1: the person's item alone). */
    static final int SCHEMA_VERSION = 2;
    /** How many times the person's item was written: a write expects the one it read. */
    static final String REVISION = "revision";

    private BindingItems() {
    }

    /** The person's own item, at a revision. */
    static Map<String, AttributeValue> item(Binding binding, long revision) {
        Map<String, AttributeValue> item = attributes(binding, Keys.binding(binding.subject()), Keys.bindingScope(binding.scope()));
        item.put(REVISION, GrantsTable.n(revision));
        return item;
    }

    /** Its copy in the list of everyone bound in its scope. */
    static Map<String, AttributeValue> inScope(Binding binding) {
        return attributes(binding, Keys.bindingsIn(binding.scope()), Keys.bindingSubject(binding.subject()));
    }

    /** The revision a person's item is at: 0 for one written before revisions were. */
    static long revision(Map<String, AttributeValue> item) {
        return GrantsTable.number(item, REVISION);
    }

    private static Map<String, AttributeValue> attributes(Binding binding, String pk, String sk) {
        Map<String, AttributeValue> item = GrantsTable.item(pk, sk, SCHEMA_VERSION);
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
