package grants.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.access.Binding;
import grants.documents.Json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A person's bindings as one ID token claim, {@value #CLAIM}: a JSON object from each scope (a
 * programme or round id, or *) to the records that are theirs there, e.g.
 * {@code {"coventry-2008":{"name":"...","personId":"board-01"}}}. SignInClaims writes it from the
 * grants table when Cognito makes the token; nobody else can: a user pool attribute is never
 * called {@code grants:...}, and access tokens never carry it.
 */
public final class BindingClaims {

    public static final String CLAIM = "grants:bindings";

    private BindingClaims() {
    }

    public static String encode(List<Binding> bindings) {
        ObjectNode claim = Json.MAPPER.createObjectNode();
        for (Binding binding : bindings) {
            ObjectNode one = claim.putObject(binding.scope());
            one.put("name", binding.name());
            binding.partnershipId().ifPresent(id -> one.put("partnershipId", id));
            binding.adviserId().ifPresent(id -> one.put("adviserId", id));
            binding.personId().ifPresent(id -> one.put("personId", id));
            binding.organisationId().ifPresent(id -> one.put("organisationId", id));
        }
        return claim.toString();
    }

    /** The bindings by scope; a claim that is absent or unreadable binds nothing (fails closed). */
    public static Map<String, Binding> decode(String subject, String claim) {
        Map<String, Binding> byScope = new LinkedHashMap<>();
        if (claim == null || claim.isBlank()) {
            return byScope;
        }
        try {
            JsonNode bindings = Json.MAPPER.readTree(claim);
            bindings.fields().forEachRemaining(entry -> byScope.put(entry.getKey(), new Binding(subject,
                    entry.getKey(), entry.getValue().path("name").asText(), text(entry.getValue(), "partnershipId"),
                    text(entry.getValue(), "adviserId"), text(entry.getValue(), "personId"),
                    text(entry.getValue(), "organisationId"))));
            return byScope;
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException unreadable) {
            return new LinkedHashMap<>();
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        return node.hasNonNull(field) ? Optional.of(node.get(field).asText()) : Optional.empty();
    }
}
