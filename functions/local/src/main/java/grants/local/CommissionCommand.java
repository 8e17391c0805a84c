package grants.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.commissioning.Panel;
import grants.core.commissioning.Round;
import grants.core.errors.GrantsException;
import grants.core.errors.Problem;
import grants.documents.Json;
import grants.documents.commissioning.RoundDocuments;
import grants.documents.commissioning.RoundJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code commission}: replays a recorded commissioning round through the CommissionRounds
 * function on a fresh embedded stack, each step as the person who takes it, on the stage's own
 * day; writes the rules' CSVs, finance's files, the round report and every email.
 */
@Command(name = "commission", mixinStandardHelpOptions = true,
        description = "Replays a whole commissioning round (set up, ballots, close, specifications, proposals,"
                + " declarations, scores, moderations, decide, publish) and writes DIR/priorities.csv,"
                + " DIR/proposals.csv, DIR/contracts.csv, the finance files, the round report and DIR/outbox/.")
final class CommissionCommand implements Callable<Integer> {

    /** Days before the fund's first 1 April on which the stages happen: publication, closing, decisions. */
    private static final int PUBLISHED_DAYS_BEFORE = 90;
    private static final int CLOSING_DAYS_BEFORE = 60;
    private static final int DECIDED_DAYS_BEFORE = 30;
    private static final Set<String> RECORD_FIELDS = Set.of("ballots", "specifications", "proposals", "panels",
            "scores", "moderations");

    @Option(names = "--round", required = true, paramLabel = "FILE", description = "The round document (JSON).")
    Path roundFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the round's files.")
    Path outDirectory;

    @Option(names = "--notice-rate", paramLabel = "N", defaultValue = "50",
            description = "Emails sent per second at most (default: ${DEFAULT-VALUE}; AWS's default is 1).")
    double noticeRate;

    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private LocalFunctions functions;
    private String roundId;

    @Override
    public Integer call() throws IOException {
        JsonNode document;
        Round round;
        try {
            document = Json.parse(Files.readString(roundFile));
            round = RoundJson.read(document);
        } catch (NoSuchFileException e) {
            err.println("--round: no such file: " + roundFile.toAbsolutePath());
            return AllocateCommand.BAD_INPUT;
        } catch (GrantsException refused) {
            err.println(refused.getMessage());
            for (Problem problem : refused.details()) {
                err.println("  " + problem.field() + ": " + problem.problem());
            }
            return AllocateCommand.BAD_INPUT;
        }
        roundId = round.setup().roundId();
        LocalDate start = round.setup().fund().start();
        ReplayClock clock = new ReplayClock(start.minusDays(PUBLISHED_DAYS_BEFORE + 1));
        Path scratch = Files.createTempDirectory("grants-commission");
        try (LocalFunctions started = LocalFunctions.inMemory(scratch, clock)) {
            functions = started;
            Replay replay = new Replay(round, document, clock, start);
            replay.run();
            JsonNode contracts = replay.publish();
            Files.createDirectories(outDirectory);
            out.println();
            out.println("Files for finance and the panels, checked against the manifest:");
            ExportFiles.save(contracts.get("files"), outDirectory, out);
            functions.deliverTableStream(); // the letters' notices reach QueueNotices, as on AWS
            int sent = functions.deliverNoticesQueue(noticeRate);
            int written = Outbox.write(functions.sentEmails(), outDirectory.resolve("outbox"));
            out.println("Sent " + sent + " emails through the local SES; " + written + " are in "
                    + outDirectory.resolve("outbox") + " (.eml and .html)");
            return 0;
        } catch (ReplayFailed failed) {
            return failed.exitCode;
        }
    }

    /** The round's steps in order, each as its person would take it. */
    private final class Replay {
        private final Round round;
        private final JsonNode document;
        private final ReplayClock clock;
        private final LocalDate start;
        private int refusedScores;

        Replay(Round round, JsonNode document, ReplayClock clock, LocalDate start) {
            this.round = round;
            this.document = document;
            this.clock = clock;
            this.start = start;
        }

        void run() {
            ObjectNode setup = document.deepCopy();
            RECORD_FIELDS.forEach(setup::remove);
            call(LocalFunctions.OPERATOR, "PUT /rounds/{roundId}", Map.of(), setup);
            round.ballots().forEach(ballot -> call(person(Role.BOARD_MEMBER, ballot.voter()),
                    "PUT /rounds/{roundId}/ballots/{voterId}", Map.of("voterId", ballot.voter()), dots(ballot.dots())));
            JsonNode tally = call(LocalFunctions.OPERATOR, "POST /rounds/{roundId}/close-voting", Map.of(), null);
            printTally(tally);
            round.specifications().forEach(specification -> call(person(Role.SUB_GROUP, specification.issue()),
                    "PUT /rounds/{roundId}/specifications/{specificationId}", Map.of("specificationId", specification.id()),
                    RoundDocuments.specification(specification)));
            for (Panel panel : round.panels()) {
                ObjectNode body = Json.object();
                ArrayNode members = body.putArray("members");
                panel.members().forEach(m -> members.addObject().put("id", m.id()).put("name", m.name())
                        .put("organisation", m.organisation()));
                call(LocalFunctions.OPERATOR, "PUT /rounds/{roundId}/panels/{specificationId}",
                        Map.of("specificationId", panel.specification()), body);
            }
            clock.set(start.minusDays(PUBLISHED_DAYS_BEFORE));
            call(LocalFunctions.OPERATOR, "POST /rounds/{roundId}/publish", Map.of(),
                    Json.object().put("closingDate", start.minusDays(CLOSING_DAYS_BEFORE).toString()));
            round.proposals().forEach(proposal -> call(proposer(proposal.lead()), "PUT /rounds/{roundId}/proposals/{proposalId}",
                    Map.of("proposalId", proposal.id()), RoundDocuments.proposal(proposal)));
            clock.set(start.minusDays(CLOSING_DAYS_BEFORE - 1));
            call(LocalFunctions.OPERATOR, "POST /rounds/{roundId}/close-proposals", Map.of(), null);
            for (Panel panel : round.panels()) {
                for (Panel.Member member : panel.members()) {
                    ObjectNode body = Json.object();
                    ArrayNode interests = body.putArray("interests");
                    member.interests().forEach(interests::add);
                    call(person(Role.PANEL_MEMBER, member.id()), "PUT /rounds/{roundId}/declarations/{memberId}",
                            Map.of("memberId", member.id()), body);
                }
            }
            round.scores().forEach(sheet -> {
                ObjectNode body = Json.object();
                ObjectNode criteria = body.putObject("criteria");
                sheet.criteria().forEach(criteria::put);
                // A conflicted member's score, or one of an ineligible proposal, is refused as the live system refuses it.
                callOrRefused(person(Role.PANEL_MEMBER, sheet.member()), "PUT /rounds/{roundId}/proposals/{proposalId}/scores/{memberId}",
                        Map.of("proposalId", sheet.proposal(), "memberId", sheet.member()), body);
            });
            round.moderations().forEach(moderation -> callOrRefused(person(Role.PANEL_MEMBER, moderation.by()),
                    "PUT /rounds/{roundId}/proposals/{proposalId}/moderation", Map.of("proposalId", moderation.proposal()),
                    Json.object().put("score", moderation.score().format()).put("by", moderation.by())
                            .put("reason", moderation.reason())));
            out.println("Replayed " + round.ballots().size() + " ballots, " + round.specifications().size()
                    + " specifications, " + round.proposals().size() + " proposals and " + round.scores().size()
                    + " scores (" + refusedScores + " refused: conflicts of interest or ineligible proposals).");
        }

        JsonNode publish() throws IOException {
            JsonNode decided = call(LocalFunctions.OPERATOR, "POST /rounds/{roundId}/decide", Map.of(), null);
            printDecisions(decided);
            clock.set(start.minusDays(DECIDED_DAYS_BEFORE));
            return call(LocalFunctions.OPERATOR, "POST /rounds/{roundId}/publish-decisions", Map.of(), null);
        }

        private void callOrRefused(Actor actor, String routeKey, Map<String, String> path, JsonNode body) {
            APIGatewayV2HTTPResponse response = send(actor, routeKey, path, body);
            if (response.getStatusCode() == 403 || response.getStatusCode() == 409) {
                refusedScores++;
                return;
            }
            check(routeKey, response);
        }

        private JsonNode call(Actor actor, String routeKey, Map<String, String> path, JsonNode body) {
            return check(routeKey, send(actor, routeKey, path, body));
        }

        private APIGatewayV2HTTPResponse send(Actor actor, String routeKey, Map<String, String> path, JsonNode body) {
            Map<String, String> parameters = new HashMap<>(path);
            parameters.put("roundId", roundId);
            return functions.api(LocalFunctions.apiEvent(routeKey, parameters, null, body == null ? null : Json.write(body),
                    Map.of(), actor));
        }

        private JsonNode check(String routeKey, APIGatewayV2HTTPResponse response) {
            JsonNode body = Json.parse(response.getBody());
            if (response.getStatusCode() >= 400) {
                JsonNode error = body.get("error");
                err.println(routeKey + ": " + error.get("message").asText());
                error.path("details").forEach(detail -> err.println("  " + detail.get("field").asText() + ": "
                        + detail.get("problem").asText()));
                throw new ReplayFailed(response.getStatusCode() >= 500 ? 1 : AllocateCommand.BAD_INPUT);
            }
            return body;
        }
    }

    private void printTally(JsonNode tally) {
        out.println("Priorities chosen by " + "the Strategic Board's dots:");
        for (JsonNode issue : tally.get("issues")) {
            if (issue.get("selected").asBoolean()) {
                out.printf("  %d. %-34s %3d dots  (survey rank %d)%n", issue.get("rank").asInt(), issue.get("title").asText(),
                        issue.get("dots").asInt(), issue.get("surveyRank").asInt());
            }
        }
        out.println("  " + tally.get("tieNote").asText());
    }

    private void printDecisions(JsonNode decided) {
        out.println();
        out.printf("%-20s %16s %16s %16s%n", "Specification", "Maximum a year", "Awarded a year", "Left a year");
        for (JsonNode specification : decided.get("specifications")) {
            out.printf("%-20s %16s %16s %16s%n", specification.get("id").asText(),
                    specification.get("maxAnnualAllocation").asText(), specification.get("awardedAnnual").asText(),
                    specification.get("leftAnnual").asText());
        }
        Map<String, Integer> statuses = new java.util.TreeMap<>();
        decided.get("proposals").forEach(p -> statuses.merge(p.get("status").asText(), 1, Integer::sum));
        JsonNode fund = decided.get("fund");
        out.println();
        out.println("Proposals: " + statuses);
        out.println("Fund GBP " + fund.get("annualAmount").asText() + " a year: awarded GBP " + fund.get("awardedAnnual").asText()
                + ", unawarded GBP " + fund.get("unawardedAnnual").asText() + "; " + fund.get("contracts").asInt()
                + " contracts worth GBP " + fund.get("awardedTotal").asText() + " in all.");
    }

    private static ObjectNode dots(java.util.List<String> issues) {
        ObjectNode body = Json.object();
        ArrayNode dots = body.putArray("dots");
        issues.forEach(dots::add);
        return body;
    }

    private static Actor person(Role role, String personId) {
        return new Actor(role.group() + ":" + personId, personId + "@round.local", Set.of(role), Optional.empty(),
                Optional.empty(), Set.of(), Optional.of(personId), Optional.empty());
    }

    private static Actor proposer(String organisationId) {
        return new Actor("proposer:" + organisationId, "proposer@" + organisationId + ".local", Set.of(Role.PROPOSER),
                Optional.empty(), Optional.empty(), Set.of(), Optional.empty(), Optional.of(organisationId));
    }

    /** A step the handlers refused: the replay stops, having said why. */
    private static final class ReplayFailed extends RuntimeException {
        private final int exitCode;

        ReplayFailed(int exitCode) {
            super(null, null, false, false);
            this.exitCode = exitCode;
        }
    }
}
