package grants.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.access.Role;
import grants.core.commissioning.Round;
import grants.documents.Json;
import grants.documents.commissioning.RoundJson;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A recorded round replayed step by step as {@code grants-local commission} replays it (the same
 * {@link RoundReplay} on a fresh embedded stack), with room between the steps for what a round
 * document cannot record: the manager's overrides and declines, a panel member added, a moderation
 * that arrives after publication, a late-declared interest.
 */
final class LiveRound implements AutoCloseable {

    private final LocalFunctions functions;
    private final RoundReplay replay;

    LiveRound(Path document, Path scratch) throws IOException {
        JsonNode json = Json.parse(Files.readString(document));
        Round round = RoundJson.read(json);
        ReplayClock clock = RoundReplay.clockFor(round);
        functions = LocalFunctions.inMemory(scratch, clock);
        replay = new RoundReplay(functions, round, json, clock, LocalFunctions.OPERATOR);
    }

    /** Set-up, ballots, specifications, panels, proposals and every recorded declaration, score and moderation. */
    LiveRound recorded() {
        return voted().proposedAndScored();
    }

    /** Set-up, ballots and the close of voting only. */
    LiveRound voted() {
        replay.vote();
        return this;
    }

    /** After the vote: specifications, panels, publication, proposals, declarations, scores and moderations. */
    LiveRound proposedAndScored() {
        replay.propose();
        replay.score(member -> true);
        return this;
    }

    JsonNode decide() {
        return replay.decide();
    }

    JsonNode asManager(String routeKey, Map<String, String> path, JsonNode body) {
        return replay.call(LocalFunctions.OPERATOR, routeKey, path, body);
    }

    JsonNode as(grants.core.access.Actor caller, String routeKey, Map<String, String> path, JsonNode body) {
        return replay.call(caller, routeKey, path, body);
    }

    JsonNode asPanelMember(String memberId, String routeKey, Map<String, String> path, JsonNode body) {
        return replay.call(RoundReplay.person(Role.PANEL_MEMBER, memberId), routeKey, path, body);
    }

    JsonNode override(String proposalId, String decision, String reason) {
        return asManager("PUT /rounds/{roundId}/proposals/{proposalId}/override", Map.of("proposalId", proposalId),
                Json.object().put("decision", decision).put("reason", reason));
    }

    /** Publishes what can be published and writes the files and letters to {@code out}, as the command does. */
    void publishTo(Path out) throws IOException {
        JsonNode published = replay.publishDecisions();
        replay.writeFiles(published, out, 1000, new PrintStream(OutputStream.nullOutputStream()));
    }

    static ObjectNode criteria(int impact, int delivery) {
        ObjectNode body = Json.object();
        body.putObject("criteria").put("impact", impact).put("delivery", delivery);
        return body;
    }

    @Override
    public void close() {
        functions.close();
    }
}
