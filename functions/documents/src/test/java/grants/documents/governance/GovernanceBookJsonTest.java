package grants.documents.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.errors.InvalidInputException;
import grants.core.errors.Problem;
import grants.core.governance.Terms;
import grants.documents.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The governance book's reader (governance-rules.md, "Bad input"): the worked example reads whole; each kind of
 * bad input is refused naming its field, and every problem of a book is named at once.
 */
class GovernanceBookJsonTest {

    @Test
    void theWorkedExampleReadsWhole() throws IOException {
        GovernanceBook book = GovernanceBookJson.read(coventry());

        assertThat(book.registerId()).isEqualTo("coventry-governance-2009-10");
        assertThat(book.bodies()).hasSize(5);
        assertThat(book.meetings()).hasSize(17);
        assertThat(book.events()).hasSize(65);
        assertThat(book.events()).filteredOn(e -> e instanceof GovernanceEvent.Decide).hasSize(31);
        assertThat(book.asOf()).isEqualTo(LocalDate.of(2010, 5, 31));
        assertThat(book.sweepOutages()).contains(LocalDate.of(2010, 3, 1), LocalDate.of(2010, 3, 2));
        GovernanceEvent.Decide first = (GovernanceEvent.Decide) book.events().get(0);
        assertThat(first.decision().terms()).isInstanceOf(Terms.Action.class);
        assertThat(book.organisations().get("board-susan")).contains("whitefriars-housing");
    }

    @Test
    void aDecisionOnADayItsBodyDidNotMeetIsBadInput() throws IOException {
        assertThat(problems(book -> event(book, 0).put("body", "tg-safer")))
                .containsExactly("events[0].on: tg-safer did not meet on 2009-11-19: a decision is recorded at a"
                        + " meeting of its body (bodyMeetings)");
    }

    @Test
    void theBoardMeetsWhenTheRegisterSaysItsBoardMeets() throws IOException {
        assertThat(problems(book -> ((ObjectNode) book.get("bodyMeetings").get(0)).put("date", "2008-08-22")))
                .anySatisfy(p -> assertThat(p).startsWith("bodyMeetings: the board's meetings must be the register's"
                        + " meetings: missing [2008-08-21], not in the register's meetings [2008-08-22]"));
    }

    @Test
    void aThemeGroupNeedsAThemeOfTheRegisterAndABodyItsKnownMembers() throws IOException {
        assertThat(problems(book -> {
            ((ObjectNode) body(book, "tg-jobs")).put("theme", "nowhere");
            ((ObjectNode) body(book, "tg-safer").get("members").get(0)).put("person", "nobody");
        })).contains("bodies[2].theme: is not a theme of the register: \"nowhere\"",
                "bodies[3].members[0].person: is not a person of the document: \"nobody\"");
    }

    @Test
    void eventsAreInDateOrderAndNameOnlyWhatAnEarlierEventMade() throws IOException {
        List<String> problems = problems(book -> {
            event(book, 1).put("on", "2009-11-18");
            event(book, 7).put("about", "the-moon");
            ArrayNode events = (ArrayNode) book.get("events");
            events.insert(0, Json.object().put("on", "2009-11-19").put("type", "update").put("by", "owner-sandra")
                    .put("action", "clpsb-2009-11-19-01").put("text", "early"));
        });
        assertThat(problems).contains(
                "events[0].action: is not an action made by an earlier event of the document: \"clpsb-2009-11-19-01\"",
                "events[2].on: 2009-11-18 is before 2009-11-19 (events[1]): events are in date order",
                "events[8].about: is not an indicator or an organisation of the book: \"the-moon\"");
    }

    @Test
    void anUnknownFieldOrKindIsNamed() throws IOException {
        assertThat(problems(book -> {
            event(book, 0).put("colour", "red");
            event(book, 5).put("kind", "VOTE");
        })).contains("events[5].kind: must be one of [ACTION, RECOMMENDATION, NOTED, VARIATION, DROP, REPORT], got \"VOTE\"")
                .anySatisfy(p -> assertThat(p).startsWith("events[0].colour: is not a field here"));
    }

    private static ObjectNode event(JsonNode book, int index) {
        return (ObjectNode) book.get("events").get(index);
    }

    private static JsonNode body(JsonNode book, String id) {
        for (JsonNode body : book.get("bodies")) {
            if (body.get("id").asText().equals(id)) {
                return body;
            }
        }
        throw new AssertionError(id);
    }

    /** The problems the reader names once {@code change} is made to the worked example. */
    private static List<String> problems(Consumer<JsonNode> change) throws IOException {
        JsonNode book = coventry();
        change.accept(book);
        InvalidInputException refused = catchThrowableOfType(() -> GovernanceBookJson.read(book),
                InvalidInputException.class);
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.getMessage()).startsWith("The governance book was refused: ").endsWith("nothing was written.");
        return refused.details().stream().map(p -> p.field() + ": " + p.problem()).toList();
    }

    private static JsonNode coventry() throws IOException {
        try (InputStream in = GovernanceBookJsonTest.class.getResourceAsStream("/data/coventry-governance.json")) {
            return Json.MAPPER.readTree(in);
        }
    }
}
