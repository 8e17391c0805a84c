package grants.documents;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.documents.Json;
import grants.documents.ProgrammeJson;
import grants.core.programme.Programme;

/** Builds small programme documents for tests, in the same JSON shape users send. */
public final class ProgrammeDocument {

    private final ObjectNode doc = Json.object();
    private final ArrayNode partnerships;
    private final ArrayNode submissions;

    public ProgrammeDocument() {
        doc.put("programmeId", "test-programme")
                .put("eurRate", "1.5")
                .put("supportDaysPerPartnership", "1.0")
                .put("redistribution", "EQUAL");
        doc.putObject("grantRates").put("SINGLE_TIER", "19600.00").put("TWO_TIER", "6300.00");
        partnerships = doc.putArray("partnerships");
        submissions = doc.putArray("submissions");
    }

    public ProgrammeDocument set(String field, String value) {
        doc.put(field, value);
        return this;
    }

    public ProgrammeDocument set(String field, boolean value) {
        doc.put(field, value);
        return this;
    }

    public ProgrammeDocument partnership(String id, String type) {
        partnerships.addObject().put("id", id).put("name", title(id)).put("type", type);
        return this;
    }

    public ProgrammeDocument district(String id, String county) {
        partnerships.addObject().put("id", id).put("name", title(id)).put("type", "DISTRICT").put("county", county);
        return this;
    }

    public ProgrammeDocument submission(String partnership, String... sharedWith) {
        ArrayNode shared = submissions.addObject().put("partnership", partnership)
                .put("title", title(partnership) + " project").put("basis", "SELF_ASSESSMENT")
                .putArray("sharedWith");
        for (String partner : sharedWith) {
            shared.add(partner);
        }
        return this;
    }

    public ObjectNode json() {
        return doc;
    }

    public Programme programme() {
        return ProgrammeJson.read(doc);
    }

    private static String title(String id) {
        return Character.toUpperCase(id.charAt(0)) + id.substring(1);
    }
}
