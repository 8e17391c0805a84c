package grants.functions.allocate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.access.Binding;
import grants.documents.FieldReader;
import grants.documents.Json;

import java.util.Optional;

/**
 * A binding over the API: {@code {"name", "partnershipId", "adviserId", "personId", "organisationId"}}
 * (a name, and the records that are the person's own in the programme or round; each optional),
 * read with every problem named by its field, and written back with its subject and scope.
 */
final class BindingJson {

    private static final String ID = "[A-Za-z0-9_.-]{1,100}";
    private static final String ID_IN_WORDS = "1 to 100 of A-Z a-z 0-9 _ . -";

    private BindingJson() {
    }

    static Binding read(JsonNode body, String subject, String scope) {
        FieldReader reader = new FieldReader();
        if (reader.isObject(body, "body")) {
            reader.onlyFields(body, "", "name", "partnershipId", "adviserId", "personId", "organisationId");
        } else {
            throw reader.refusal("binding", "nothing was bound");
        }
        String name = reader.text(body, "", "name", true);
        String partnership = reader.id(body, "", "partnershipId", ID, ID_IN_WORDS, false);
        String adviser = reader.id(body, "", "adviserId", ID, ID_IN_WORDS, false);
        String person = reader.id(body, "", "personId", ID, ID_IN_WORDS, false);
        String organisation = reader.id(body, "", "organisationId", ID, ID_IN_WORDS, false);
        reader.refuseIfAny("binding", "nothing was bound");
        return new Binding(subject, scope, name, Optional.ofNullable(partnership), Optional.ofNullable(adviser),
                Optional.ofNullable(person), Optional.ofNullable(organisation));
    }

    static ObjectNode write(Binding binding) {
        ObjectNode json = Json.object().put("subject", binding.subject()).put("scope", binding.scope())
                .put("name", binding.name());
        binding.partnershipId().ifPresent(id -> json.put("partnershipId", id));
        binding.adviserId().ifPresent(id -> json.put("adviserId", id));
        binding.personId().ifPresent(id -> json.put("personId", id));
        binding.organisationId().ifPresent(id -> json.put("organisationId", id));
        return json;
    }
}
