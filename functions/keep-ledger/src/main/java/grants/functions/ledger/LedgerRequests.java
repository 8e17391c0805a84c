package grants.functions.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import grants.core.ledger.LineRequest;
import grants.core.ledger.Spend;
import grants.documents.FieldReader;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The ledger's request bodies, each read whole: every unknown, missing or malformed field named, nothing changed. */
final class LedgerRequests {

    /** Finance's adjustment: signed pence ("-500.00" gives back), with its reason. */
    record Adjustment(String year, String line, long pence, String reason) {
    }

    record Overspend(String year, String line, long pence, String reason) {
    }

    private LedgerRequests() {
    }

    static LineRequest line(String scope, String year, String lineId, JsonNode json) {
        FieldReader reader = FieldReader.forObject(json, "title", "source", "budget", "pays", "ringFence", "inKind",
                "revision");
        String title = reader.text(json, "", "title", true);
        String source = reader.text(json, "", "source", true);
        Long budget = reader.pence(json, "", "budget", true);
        Set<Spend> pays = EnumSet.noneOf(Spend.class);
        List<JsonNode> given = reader.array(json, "", "pays", true);
        for (int i = 0; i < given.size(); i++) {
            String kind = reader.element(given.get(i), "pays[" + i + "]", "one of " + List.of(Spend.values()));
            try {
                if (kind != null) {
                    pays.add(Spend.valueOf(kind));
                }
            } catch (IllegalArgumentException unknown) {
                reader.problem("pays[" + i + "]", "must be one of " + List.of(Spend.values()) + ", got \"" + kind + "\"");
            }
        }
        String ringFence = reader.text(json, "", "ringFence", false);
        boolean inKind = reader.bool(json, "", "inKind", false);
        JsonNode revision = json.get("revision");
        if (revision != null && !revision.canConvertToLong()) {
            reader.problem("revision", "must be the whole number read with the line (0 for a new one)");
        }
        refuseIfAny(reader);
        return new LineRequest(scope, year, lineId, title, source, budget, pays, Optional.ofNullable(ringFence), inKind,
                revision == null ? 0 : revision.asLong());
    }

    static Adjustment adjustment(JsonNode json) {
        FieldReader reader = FieldReader.forObject(json, "year", "line", "amount", "reason");
        String year = reader.text(json, "", "year", true);
        String line = reader.text(json, "", "line", true);
        String amount = reader.decimalText(json, "", "amount", true);
        String reason = reader.text(json, "", "reason", false, FieldReader.MAX_LONG_TEXT);
        long pence = 0;
        if (amount != null) {
            boolean down = amount.startsWith("-");
            JsonNode unsigned = grants.documents.Json.object().put("amount", down ? amount.substring(1) : amount);
            Long read = reader.pence(unsigned, "", "amount", true);
            pence = read == null ? 0 : down ? -read : read;
        }
        refuseIfAny(reader);
        return new Adjustment(year, line, pence, reason);
    }

    static Overspend overspend(JsonNode json) {
        FieldReader reader = FieldReader.forObject(json, "year", "line", "amount", "reason");
        String year = reader.text(json, "", "year", true);
        String line = reader.text(json, "", "line", true);
        Long pence = reader.pence(json, "", "amount", true);
        String reason = reader.text(json, "", "reason", false, FieldReader.MAX_LONG_TEXT);
        refuseIfAny(reader);
        return new Overspend(year, line, pence, reason);
    }

    /** The second call a fund's unawarded money goes to: {@code {"to": "coventry-2002-second-call"}}. */
    static String carriedTo(JsonNode json) {
        FieldReader reader = FieldReader.forObject(json, "to");
        String to = reader.text(json, "", "to", true);
        refuseIfAny(reader);
        return to;
    }

    private static void refuseIfAny(FieldReader reader) {
        reader.refuseIfAny("request", "nothing was changed");
    }
}
