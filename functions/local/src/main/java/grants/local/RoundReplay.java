package grants.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.commissioning.Panel;
import grants.core.commissioning.Round;
import grants.documents.Json;
import grants.documents.commissioning.RoundDocuments;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A recorded round played through CommissionRounds step by step, each step as the person who
 * takes it (board members, sub-groups, proposers, panel members, the manager) and on the stage's
 * own day, before the fund's first 1 April.
 */
final class RoundReplay {

    /** Days before the fund's first 1 April on which the stages happen: publication, closing, decisions. */
    private static final int PUBLISHED_DAYS_BEFORE = 90;
    private static final int CLOSING_DAYS_BEFORE = 60;
    private static final int DECIDED_DAYS_BEFORE = 30;
    private static final Set<String> RECORD_FIELDS = Set.of("ballots", "specifications", "proposals", "panels",
            "scores", "moderations");

    /** A step the handlers refused: the status and the error they answered. */
    static final class Refused extends RuntimeException {
        final int status;
        final JsonNode error;

        Refused(String routeKey, int status, JsonNode error) {
            super(routeKey + ": " + error.path("message").asText(), null, false, false);
            this.status = status;
            this.error = error;
        }
    }

    private final LocalFunctions functions;
    private final Round round;
    private final JsonNode document;
    private final ReplayClock clock;
    private final LocalDate start;
    private final Actor manager;
    private int refusedScores;
    /** The second call's id, once it is opened: its budget is written beside the round's. */
    private String secondCall;

    RoundReplay(LocalFunctions functions, Round round, JsonNode document, ReplayClock clock, Actor manager) {
        this.functions = functions;
        this.round = round;
        this.document = document;
        this.clock = clock;
        this.start = round.setup().fund().start();
        this.manager = manager;
        clock.set(start.minusDays(PUBLISHED_DAYS_BEFORE + 1));
    }

    /** The clock a replay starts on: the day before its specifications are published. */
    static ReplayClock clockFor(Round round) {
        return new ReplayClock(round.setup().fund().start().minusDays(PUBLISHED_DAYS_BEFORE + 1));
    }

    int refusedScores() {
        return refusedScores;
    }

    /** Set-up, the ballots and the close of voting; answers the tally. */
    JsonNode vote() {
        ObjectNode setup = document.deepCopy();
        RECORD_FIELDS.forEach(setup::remove);
        call(manager, "PUT /rounds/{roundId}", Map.of(), setup);
        round.ballots().forEach(ballot -> {
            ObjectNode body = Json.object();
            ArrayNode dots = body.putArray("dots");
            ballot.dots().forEach(dots::add);
            call(person(Role.BOARD_MEMBER, ballot.voter()), "PUT /rounds/{roundId}/ballots/{voterId}",
                    Map.of("voterId", ballot.voter()), body);
        });
        return call(manager, "POST /rounds/{roundId}/close-voting", Map.of(), null);
    }

    /** Specifications, panels, publication, proposals, and the close of proposals after the closing date. */
    void propose() {
        round.specifications().forEach(specification -> call(person(Role.SUB_GROUP, specification.issue()),
                "PUT /rounds/{roundId}/specifications/{specificationId}", Map.of("specificationId", specification.id()),
                RoundDocuments.specification(specification)));
        for (Panel panel : round.panels()) {
            ObjectNode body = Json.object();
            ArrayNode members = body.putArray("members");
            panel.members().forEach(m -> members.addObject().put("id", m.id()).put("name", m.name())
                    .put("organisation", m.organisation()));
            call(manager, "PUT /rounds/{roundId}/panels/{specificationId}", Map.of("specificationId", panel.specification()), body);
        }
        clock.set(start.minusDays(PUBLISHED_DAYS_BEFORE));
        call(manager, "POST /rounds/{roundId}/publish", Map.of(),
                Json.object().put("closingDate", start.minusDays(CLOSING_DAYS_BEFORE).toString()));
        round.proposals().forEach(proposal -> call(proposer(proposal.lead()), "PUT /rounds/{roundId}/proposals/{proposalId}",
                Map.of("proposalId", proposal.id()), RoundDocuments.proposal(proposal)));
        clock.set(start.minusDays(CLOSING_DAYS_BEFORE - 1));
        call(manager, "POST /rounds/{roundId}/close-proposals", Map.of(), null);
    }

    /**
     * The panel members' declarations, scores and moderations, each moderation confirmed by the
     * manager. A conflicted member's score, or one of an ineligible proposal, is refused as the live
     * system refuses it, and counted; so is a conflicted member's moderation, not counted.
     */
    void score(Predicate<String> members) {
        for (Panel panel : round.panels()) {
            for (Panel.Member member : panel.members().stream().filter(m -> members.test(m.id())).toList()) {
                ObjectNode body = Json.object();
                ArrayNode interests = body.putArray("interests");
                member.interests().forEach(interests::add);
                call(person(Role.PANEL_MEMBER, member.id()), "PUT /rounds/{roundId}/declarations/{memberId}",
                        Map.of("memberId", member.id()), body);
            }
        }
        round.scores().stream().filter(sheet -> members.test(sheet.member())).forEach(sheet -> {
            ObjectNode body = Json.object();
            ObjectNode criteria = body.putObject("criteria");
            sheet.criteria().forEach(criteria::put);
            if (!callOrRefused(person(Role.PANEL_MEMBER, sheet.member()), "PUT /rounds/{roundId}/proposals/{proposalId}/scores/{memberId}",
                    Map.of("proposalId", sheet.proposal(), "memberId", sheet.member()), body)) {
                refusedScores++;
            }
        });
        round.moderations().stream().filter(moderation -> members.test(moderation.by())).forEach(moderation -> {
            boolean recorded = callOrRefused(person(Role.PANEL_MEMBER, moderation.by()),
                    "PUT /rounds/{roundId}/proposals/{proposalId}/moderation", Map.of("proposalId", moderation.proposal()),
                    Json.object().put("score", moderation.score().format()).put("by", moderation.by())
                            .put("reason", moderation.reason()));
            if (recorded) {
                // A recorded round's moderation stood as agreed: the manager confirms it, as the live round requires.
                call(manager, "POST /rounds/{roundId}/proposals/{proposalId}/moderation/confirm",
                        Map.of("proposalId", moderation.proposal()), null);
            }
        });
    }

    /** The decisions, every page of them: the answer comes a page at a time, as a run's rows do. */
    JsonNode decide() {
        JsonNode decided = call(manager, "POST /rounds/{roundId}/decide", Map.of(), null);
        for (JsonNode page = decided; page.path("proposalsPage").path("next").isTextual(); ) {
            page = call(manager, "GET /rounds/{roundId}/decisions",
                    Map.of("after", page.path("proposalsPage").path("next").asText()), Map.of(), null);
            ((ArrayNode) decided.get("proposals")).addAll((ArrayNode) page.get("proposals"));
        }
        return decided;
    }

    /** Publication, on its own day: answers the contracts and the links to the finance files. */
    JsonNode publishDecisions() {
        clock.set(start.minusDays(DECIDED_DAYS_BEFORE));
        return call(manager, "POST /rounds/{roundId}/publish-decisions", Map.of(), null);
    }

    /**
     * The round's manager opens its second call for the money left, once the published contracts have reached
     * the ledger through the table's stream, as the console offers it: only when the preview says there is money
     * to carry. Answers the API's answer to opening it (the second call and what was carried), or the preview's
     * (its {@code message} says why not).
     */
    JsonNode openSecondCall() {
        functions.deliverTableStream();
        JsonNode preview = call(manager, "GET /rounds/{roundId}/second-call", Map.of(), null);
        if (!preview.get("status").asText().equals("READY")) {
            return preview;
        }
        JsonNode opened = call(manager, "POST /rounds/{roundId}/second-call", Map.of(), null);
        secondCall = opened.get("roundId").asText();
        return opened;
    }

    /**
     * Finance's files downloaded into DIR through the links {@code published} gives, each checked against
     * the manifest; then every email the publication caused, sent through the local SES and written to DIR/outbox/.
     */
    void writeFiles(JsonNode published, Path outDirectory, double noticeRate, PrintStream out) throws IOException {
        Files.createDirectories(outDirectory);
        out.println();
        out.println("Files for finance and the panels, checked against the manifest:");
        ExportFiles.save(published.get("files"), outDirectory, out);
        functions.deliverTableStream(); // the letters' notices reach QueueNotices, as on AWS
        String budget = functions.budgetCsv(round.setup().roundId());
        if (secondCall != null) {
            // The second call's lines follow the round's under the same header: its scope names it.
            String carried = functions.budgetCsv(secondCall);
            budget += carried.substring(carried.indexOf('\n') + 1);
        }
        Files.writeString(outDirectory.resolve("budget.csv"), budget);
        out.println("Wrote " + outDirectory.resolve("budget.csv") + (secondCall == null
                ? " (the fund by year: committed and unawarded)"
                : " (the fund by year: committed, and unawarded carried to " + secondCall + ")"));
        int sent = functions.deliverNoticesQueue(noticeRate);
        int written = Outbox.write(functions.sentEmails(), outDirectory.resolve("outbox"));
        out.println("Sent " + sent + " emails through the local SES; " + written + " are in "
                + outDirectory.resolve("outbox") + " (.eml and .html)");
    }

    /**
     * True if the step was taken; false if it was refused as the live system refuses it. Only refused
     * scores are counted: a refused moderation is counted nowhere (rule C5).
     */
    private boolean callOrRefused(Actor actor, String routeKey, Map<String, String> path, JsonNode body) {
        try {
            call(actor, routeKey, path, body);
            return true;
        } catch (Refused refused) {
            if (refused.status != 403 && refused.status != 409) {
                throw refused;
            }
            return false;
        }
    }

    /** One step as {@code actor}: the handler's answer, or {@link Refused} if it refused. */
    JsonNode call(Actor actor, String routeKey, Map<String, String> path, JsonNode body) {
        return call(actor, routeKey, null, path, body);
    }

    private JsonNode call(Actor actor, String routeKey, Map<String, String> query, Map<String, String> path, JsonNode body) {
        Map<String, String> parameters = new HashMap<>(path);
        parameters.put("roundId", round.setup().roundId());
        APIGatewayV2HTTPResponse response = functions.api(LocalFunctions.apiEvent(routeKey, parameters, query,
                body == null ? null : Json.write(body), Map.of(), actor));
        JsonNode answer = Json.parse(response.getBody());
        if (response.getStatusCode() >= 400) {
            throw new Refused(routeKey, response.getStatusCode(), answer.path("error"));
        }
        return answer;
    }

    /** A board member, panel member or sub-group, acting as themselves. */
    static Actor person(Role role, String personId) {
        return new Actor(role.group() + ":" + personId, personId + "@round.local", Set.of(role), Optional.empty(),
                Optional.empty(), Set.of(Actor.EVERY_PROGRAMME), Optional.of(personId), Optional.empty());
    }

    static Actor proposer(String organisationId) {
        return new Actor("proposer:" + organisationId, "proposer@" + organisationId + ".local", Set.of(Role.PROPOSER),
                Optional.empty(), Optional.empty(), Set.of(Actor.EVERY_PROGRAMME), Optional.empty(), Optional.of(organisationId));
    }
}
