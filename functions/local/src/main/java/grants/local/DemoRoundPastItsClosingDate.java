package grants.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.access.Actor;
import grants.core.commissioning.Round;
import grants.documents.Json;
import grants.documents.commissioning.RoundJson;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Map;

/**
 * A second Coventry round for {@code serve}, already past its closing date: voted, specified, published,
 * its proposals in and scored by every panel member but the demo one, so that a newcomer reaches scoring,
 * moderation, decisions and publication today without waiting for a date. Its fund starts on 1 April of
 * this financial year (the example's, moved on by whole years), so its stages fell on days already past.
 */
final class DemoRoundPastItsClosingDate {

    static final String ROUND_ID = "coventry-commissioning-now";

    /** The demo panel member (ServeCommand's panel@demo): the one who has not scored yet. */
    static final String UNSCORED_MEMBER = "u2";

    private DemoRoundPastItsClosingDate() {
    }

    /** Seeds the round once; a round already there (an earlier session's) is left as it is. */
    static void seed(LocalFunctions functions, ReplayClock clock, Actor manager) throws IOException {
        APIGatewayV2HTTPResponse existing = functions.api(LocalFunctions.apiEvent("GET /rounds/{roundId}",
                Map.of("roundId", ROUND_ID), null, null, Map.of(), manager));
        if (existing.getStatusCode() == 200) {
            return;
        }
        JsonNode document = document(LocalDate.now(clock));
        Round round = RoundJson.read(document);
        RoundReplay replay = new RoundReplay(functions, round, document, clock, manager);
        replay.vote();
        replay.propose();
        replay.score(member -> !member.equals(UNSCORED_MEMBER));
    }

    /** The Coventry example with its own id, its fund's first year this financial year, its milestones moved with it. */
    static JsonNode document(LocalDate today) throws IOException {
        ObjectNode document;
        try (InputStream in = DemoRoundPastItsClosingDate.class.getResourceAsStream(
                "/grants/local/coventry-commissioning-round.json")) {
            document = (ObjectNode) Json.MAPPER.readTree(in);
        }
        int exampleStart = Integer.parseInt(document.path("fund").path("firstYear").asText().substring(0, 4));
        int thisYearStart = today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
        int years = thisYearStart - exampleStart;
        document.put("roundId", ROUND_ID);
        document.put("name", "Coventry Partnership commissioning round (demo, past its closing date)");
        ((ObjectNode) document.path("fund")).put("firstYear",
                thisYearStart + "-" + String.format("%02d", (thisYearStart + 1) % 100));
        document.path("proposals").forEach(proposal -> proposal.path("milestones").forEach(milestone ->
                ((ObjectNode) milestone).put("due", LocalDate.parse(milestone.path("due").asText()).plusYears(years).toString())));
        return document;
    }
}
