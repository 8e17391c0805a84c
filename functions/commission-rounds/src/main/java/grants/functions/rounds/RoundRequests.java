package grants.functions.rounds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.commissioning.Ballot;
import grants.core.commissioning.ManagerDecision;
import grants.core.commissioning.Moderation;
import grants.core.commissioning.Panel;
import grants.core.commissioning.Proposal;
import grants.core.commissioning.RoundSetup;
import grants.core.commissioning.ScoreSheet;
import grants.core.commissioning.Specification;
import grants.core.rounds.Meeting;
import grants.documents.FieldReader;
import grants.documents.commissioning.RoundJson;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The request bodies of the round routes, read strictly with every problem named by its field: an
 * id in the path is the record's id, and a body naming another is refused.
 */
final class RoundRequests {

    private static final String[] SETUP_FIELDS = {"roundId", "name", "fund", "eurRate", "priorityCount", "dotsPerVoter",
            "crossCuttingThemes", "criteria", "scoreScale", "fundableThreshold", "moderationSpread", "panelQuorum",
            "issues", "voters", "organisations", "mailingList"};

    private RoundRequests() {
    }

    static RoundSetup setup(JsonNode body, String roundId) {
        return read(body, "round set-up", (doc, reader) -> {
            reader.onlyFields(doc, "", SETUP_FIELDS);
            ObjectNode withId = pathId(doc, "roundId", roundId, reader);
            return RoundJson.setup(withId, reader);
        });
    }

    static Ballot ballot(JsonNode body, String voterId) {
        return read(body, "ballot", (doc, reader) -> RoundJson.ballot(pathId(doc, "voter", voterId, reader), "", reader));
    }

    static Specification specification(JsonNode body, String specificationId) {
        return read(body, "specification", (doc, reader) ->
                RoundJson.specification(pathId(doc, "id", specificationId, reader), "", reader));
    }

    /** A panel's members; their interests are theirs to declare, not the manager's. */
    static Panel panel(JsonNode body, String specificationId) {
        return read(body, "panel", (doc, reader) -> {
            reader.onlyFields(doc, "", "specification", "members");
            for (int i = 0; doc.path("members").isArray() && i < doc.get("members").size(); i++) {
                reader.onlyFields(doc.get("members").get(i), "members[" + i + "]", "id", "name", "organisation");
            }
            return RoundJson.panel(pathId(doc, "specification", specificationId, reader), "", reader);
        });
    }

    /** One member to add to a named panel: id, name and organisation. */
    static Panel.Member panelMember(JsonNode body) {
        return read(body, "member", (doc, reader) -> {
            reader.onlyFields(doc, "", "id", "name", "organisation");
            return new Panel.Member(reader.id(doc, "", "id", "[A-Za-z0-9_.-]{1,64}", "an id such as u5", true),
                    doc.path("name").asText(null), reader.id(doc, "", "organisation", "[A-Za-z0-9_.-]{1,64}",
                    "an organisation id", true), java.util.List.of());
        });
    }

    static LocalDate closingDate(JsonNode body) {
        return read(body, "publication", (doc, reader) -> {
            reader.onlyFields(doc, "", "closingDate");
            return date(reader.id(doc, "", "closingDate", "[0-9]{4}-[0-9]{2}-[0-9]{2}", "a date such as 2002-06-30", true),
                    "closingDate", reader);
        });
    }

    static Proposal proposal(JsonNode body, String proposalId) {
        return read(body, "proposal", (doc, reader) -> RoundJson.proposal(pathId(doc, "id", proposalId, reader), "", reader));
    }

    /** A declaration: the interests, and (optional) the proposals it answers, as the member was shown them. */
    record Declaration(java.util.Optional<List<String>> proposals, List<String> interests) {
    }

    static Declaration declaration(JsonNode body) {
        return read(body, "declaration", (doc, reader) -> {
            reader.onlyFields(doc, "", "interests", "proposals");
            List<String> interests = ids(doc, "interests", true, reader);
            return new Declaration(doc.has("proposals") ? java.util.Optional.of(ids(doc, "proposals", false, reader))
                    : java.util.Optional.empty(), interests);
        });
    }

    private static List<String> ids(JsonNode doc, String field, boolean required, FieldReader reader) {
        List<String> ids = new ArrayList<>();
        List<JsonNode> nodes = reader.array(doc, "", field, required);
        for (int i = 0; nodes != null && i < nodes.size() && i < 10_000; i++) {
            String id = reader.element(nodes.get(i), field + "[" + i + "]", "a proposal id");
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** A cross-cutting theme: its id and title. */
    static RoundSetup.Theme theme(JsonNode body) {
        return read(body, "cross-cutting theme", (doc, reader) -> {
            reader.onlyFields(doc, "", "id", "title");
            String id = reader.id(doc, "", "id", RoundSetup.ID_PATTERN, "1 to 64 of a-z, 0-9 and -", true);
            String title = reader.text(doc, "", "title", true);
            return id == null || title == null ? null : new RoundSetup.Theme(id, title);
        });
    }

    /** The manager's reason for recording a late-declared interest. */
    static String lateInterestReason(JsonNode body) {
        return read(body, "late interest", (doc, reader) -> {
            reader.onlyFields(doc, "", "reason");
            return reader.text(doc, "", "reason", true, FieldReader.MAX_LONG_TEXT);
        });
    }

    static ScoreSheet score(JsonNode body, String proposalId, String memberId) {
        return read(body, "score", (doc, reader) -> {
            reader.onlyFields(doc, "", "criteria");
            Map<String, Integer> criteria = RoundJson.criteria(doc, "", reader);
            return criteria == null ? null : new ScoreSheet(memberId, proposalId, criteria);
        });
    }

    static Moderation moderation(JsonNode body, String proposalId) {
        return read(body, "moderation", (doc, reader) ->
                RoundJson.moderation(pathId(doc, "proposal", proposalId, reader), "", reader));
    }

    static Meeting meeting(JsonNode body) {
        return read(body, "meeting", (doc, reader) -> {
            reader.onlyFields(doc, "", "proposal", "at", "minutes", "note", "place", "attendees");
            String place = reader.text(doc, "", "place", false);
            List<String> attendees = new ArrayList<>();
            List<JsonNode> people = reader.array(doc, "", "attendees", false);
            for (int i = 0; people != null && i < people.size() && i < 100; i++) {
                String person = reader.element(people.get(i), "attendees[" + i + "]", "a name");
                if (person != null) {
                    attendees.add(person);
                }
            }
            String proposal = reader.text(doc, "", "proposal", true);
            String at = reader.id(doc, "", "at", "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}",
                    "a date and time such as 2002-07-10T10:00", true);
            Integer minutes = doc.hasNonNull("minutes") ? RoundJson.whole(doc, "", "minutes", reader) : Integer.valueOf(90);
            if (minutes != null && (minutes < 15 || minutes > 480)) {
                reader.problem("minutes", "must be from 15 to 480, got " + minutes);
            }
            String note = reader.multilineText(doc, "", "note", false, FieldReader.MAX_LONG_TEXT);
            LocalDateTime when = null;
            try {
                when = at == null ? null : LocalDateTime.parse(at);
            } catch (DateTimeParseException e) {
                reader.problem("at", "is not a real date and time: \"" + at + "\"");
            }
            return proposal == null || when == null || minutes == null ? null : new Meeting(proposal, when, minutes, note, place,
                    attendees);
        });
    }

    static ManagerDecision override(JsonNode body, String proposalId, String by) {
        return read(body, "override", (doc, reader) -> {
            reader.onlyFields(doc, "", "decision", "reason");
            ManagerDecision.Decision decision = reader.oneOf(doc, "", "decision", ManagerDecision.Decision.class, true);
            String reason = reader.text(doc, "", "reason", true, FieldReader.MAX_LONG_TEXT);
            return decision == null || reason == null ? null : new ManagerDecision(proposalId, decision, reason, by);
        });
    }


    private static LocalDate date(String text, String field, FieldReader reader) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            reader.problem(field, "is not a real date: \"" + text + "\"");
            return null;
        }
    }

    /** The body with the path's id: taken when the body leaves it out, refused when it names another. */
    private static ObjectNode pathId(JsonNode doc, String field, String pathValue, FieldReader reader) {
        ObjectNode object = (ObjectNode) doc;
        JsonNode given = object.get(field);
        if (given == null || given.isNull()) {
            object.put(field, pathValue);
        } else if (!given.isTextual() || !given.asText().equals(pathValue)) {
            reader.problem(field, "is " + given + " but the path names \"" + pathValue + "\"");
        }
        return object;
    }

    private static <T> T read(JsonNode body, String what, BiFunction<JsonNode, FieldReader, T> read) {
        FieldReader reader = new FieldReader();
        if (!reader.isObject(body, "body")) {
            throw reader.refusal(what, "nothing was changed");
        }
        T value = read.apply(body, reader);
        reader.refuseIfAny(what, "nothing was changed");
        return value;
    }
}
