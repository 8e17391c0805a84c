package grants.functions.allocate;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.audit.AuditEntry;
import grants.core.commissioning.RoundSetup;
import grants.core.rounds.RoundHeader;
import grants.http.Identity;
import grants.testing.TestRounds;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static grants.functions.allocate.ApiOnTheEmulators.body;
import static org.assertj.core.api.Assertions.assertThat;

/** Every change names who made it; an auditor pages through the record, and nothing in the API edits it. */
class AuditTrailTest {

    private static final Actor AUDITOR = new Actor("sub-auditor", "auditor@audit.example", Set.of(Role.AUDITOR),
            Optional.empty(), Optional.empty());

    private JsonNode auditPage(ApiOnTheEmulators api, Map<String, String> query) {
        APIGatewayV2HTTPEvent event = Events.load("get-audit.json");
        event.setQueryStringParameters(query);
        event.setRequestContext(Identity.verified(Identity.claimsOf(AUDITOR)));
        return body(api.call(event));
    }

    @Test
    void anAuditorSeesWhoLoadedAndWhoCommittedWithBeforeAndAfter() {
        ApiOnTheEmulators api = new ApiOnTheEmulators(getClass());
        api.call(Events.load("put-programme.json"));
        api.call(Events.load("put-programme.json"));
        String inputHash = body(api.call(AllocationRoutes.POST_RUN, Map.of("programmeId", "l2d-2007-08"),
                "{\"mode\":\"DRY_RUN\"}")).get("inputHash").asText();
        String runId = body(api.call(AllocationRoutes.POST_RUN, Map.of("programmeId", "l2d-2007-08"),
                "{\"mode\":\"COMMIT\",\"inputHash\":\"" + inputHash + "\"}")).get("runId").asText();

        JsonNode entries = auditPage(api, Map.of()).get("entries");

        assertThat(entries).hasSize(3);
        JsonNode commit = entries.get(0);
        assertThat(commit.get("action").asText()).isEqualTo("RUN_COMMITTED");
        assertThat(commit.get("target").asText()).isEqualTo("run " + runId);
        assertThat(commit.get("actor").asText()).isEqualTo(ApiOnTheEmulators.MANAGER.email());
        assertThat(commit.get("after").asText()).contains("38 funded", "£372,400.00");
        JsonNode replaced = entries.get(1);
        assertThat(replaced.get("action").asText()).isEqualTo("PROGRAMME_LOADED");
        assertThat(replaced.get("before").asText()).isEqualTo("input " + inputHash);
        assertThat(replaced.get("after").asText()).startsWith("version 2, input " + inputHash);
        assertThat(entries.get(2).get("before").isNull()).as("the first load replaced nothing").isTrue();
    }

    @Test
    void theTrailIsReadAPageAtATime() {
        ApiOnTheEmulators api = new ApiOnTheEmulators(getClass());
        for (int i = 0; i < 3; i++) {
            api.call(Events.load("put-programme.json"));
        }

        JsonNode first = auditPage(api, Map.of("limit", "2"));
        Map<String, String> next = new HashMap<>(Map.of("limit", "2", "after", first.get("next").asText()));
        JsonNode second = auditPage(api, next);

        assertThat(first.get("entries")).hasSize(2);
        assertThat(second.get("entries")).hasSize(1);
        assertThat(second.has("next")).isFalse();
        List<String> afters = List.of(first.get("entries").get(0).get("after").asText(),
                first.get("entries").get(1).get("after").asText(), second.get("entries").get(0).get("after").asText());
        assertThat(afters).extracting(after -> after.substring(0, 9)).containsExactly("version 3", "version 2", "version 1");
    }

    /** A round's id is never a programme's: not stored as one, and its trail is not read as one. */
    @Test
    void aProgrammeCannotTakeARoundsIdNorReadItsTrail() {
        ApiOnTheEmulators api = new ApiOnTheEmulators(getClass());
        RoundSetup coventry = TestRounds.coventry().setup();
        String roundId = coventry.roundId();
        api.wiring().rounds().create(RoundHeader.open(coventry), AuditEntry.by(ApiOnTheEmulators.MANAGER, Instant.now(),
                roundId, "ROUND_SET_UP", "round " + roundId, null, null));

        APIGatewayV2HTTPEvent put = Events.load("put-programme.json");
        String document = put.getBody().replace("\"l2d-2007-08\"", "\"" + roundId + "\"");
        var refused = api.call(AllocationRoutes.PUT_PROGRAMME, Map.of("programmeId", roundId), document);
        assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(409);
        assertThat(body(refused).at("/error/code").asText()).isEqualTo("ID_IS_A_ROUND");
        assertThat(body(refused).at("/error/message").asText()).contains("\"" + roundId + "\" is the id of a commissioning round");

        APIGatewayV2HTTPEvent read = Events.load("get-audit.json");
        read.setPathParameters(Map.of("programmeId", roundId));
        read.setRequestContext(Identity.verified(Identity.claimsOf(AUDITOR)));
        var notAProgramme = api.call(read);
        assertThat(notAProgramme.getStatusCode()).isEqualTo(404);
        assertThat(notAProgramme.getBody()).contains("GET /rounds/" + roundId + "/audit");
    }

    /** A link that lets its holder write into the bucket is handed out on the record. */
    @Test
    void anUploadLinkIsRecordedWithWhoAskedForIt() {
        ApiOnTheEmulators api = new ApiOnTheEmulators(getClass());
        var issued = api.call(Events.load("post-upload.json"));
        assertThat(issued.getStatusCode()).as(issued.getBody()).isEqualTo(201);

        JsonNode entry = auditPage(api, Map.of()).get("entries").get(0);
        assertThat(entry.get("action").asText()).isEqualTo("UPLOAD_LINK_ISSUED");
        assertThat(entry.get("target").asText()).isEqualTo("upload " + body(issued).get("uploadId").asText());
        assertThat(entry.get("actor").asText()).isEqualTo("programme.manager@westmidlands.example");
    }
}
