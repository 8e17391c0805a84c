package grants.local;

import com.fasterxml.jackson.databind.JsonNode;
import grants.core.commissioning.Round;
import grants.core.errors.GrantsException;
import grants.documents.Json;
import grants.documents.commissioning.RoundJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code commission}: replays a recorded commissioning round through the CommissionRounds
 * function on a fresh embedded stack, each step as the person who takes it, on the stage's own
 * day; opens its second call for the money left (unless a specification waits); writes the rules' CSVs,
 * finance's files, the budget (the round's and its second call's), the round report and every email.
 */
@Command(name = "commission", mixinStandardHelpOptions = true,
        description = "Replays a whole commissioning round (set up, ballots, close, specifications, proposals,"
                + " declarations, scores, moderations, decide, publish), opens its second call for the money left,"
                + " and writes DIR/priorities.csv, DIR/proposals.csv, DIR/contracts.csv, the finance files,"
                + " DIR/budget.csv, the round report and DIR/outbox/.")
final class CommissionCommand implements Callable<Integer> {

    @Option(names = "--round", required = true, paramLabel = "FILE", description = "The round document (JSON).")
    Path roundFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the round's files.")
    Path outDirectory;

    @Option(names = "--notice-rate", paramLabel = "N", defaultValue = "50",
            description = "Emails sent per second at most (default: ${DEFAULT-VALUE}; AWS's default is 1).")
    double noticeRate;

    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

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
            return DocumentRefusal.print(err, refused);
        }
        ReplayClock clock = RoundReplay.clockFor(round);
        Path scratch = Files.createTempDirectory("grants-commission");
        try (LocalFunctions functions = LocalFunctions.inMemory(scratch, clock)) {
            RoundReplay replay = new RoundReplay(functions, round, document, clock, LocalFunctions.OPERATOR);
            printTally(replay.vote());
            replay.propose();
            replay.score(member -> true);
            out.println("Replayed " + round.ballots().size() + " ballots, " + round.specifications().size()
                    + " specifications, " + round.proposals().size() + " proposals and " + round.scores().size()
                    + " scores (" + replay.refusedScores() + " refused: conflicts of interest or ineligible proposals).");
            JsonNode decided = replay.decide();
            printDecisions(decided);
            JsonNode contracts = replay.publishDecisions();
            printWaiting(decided);
            // While specifications wait, the preview says SPECIFICATIONS_WAITING and names them: none is opened.
            printSecondCall(replay.openSecondCall());
            replay.writeFiles(contracts, outDirectory, noticeRate, out);
            return 0;
        } catch (RoundReplay.Refused refused) {
            err.println(refused.getMessage());
            refused.error.path("details").forEach(detail -> err.println("  " + detail.get("field").asText() + ": "
                    + detail.get("problem").asText()));
            return refused.status >= 500 ? 1 : AllocateCommand.BAD_INPUT;
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

    /**
     * Rule C10: a specification with a proposal still needing scores or moderation waits, its other
     * proposals PENDING; the rest are published. Said only when some wait (the Coventry output is unchanged);
     * true if some do.
     */
    private void printWaiting(JsonNode decided) {
        Map<String, java.util.List<String>> waiting = new java.util.TreeMap<>();
        for (JsonNode proposal : decided.get("proposals")) {
            String status = proposal.get("status").asText();
            if (status.equals("NOT_DECIDED") || status.equals("NEEDS_MODERATION")) {
                waiting.computeIfAbsent(proposal.get("specification").asText(), s -> new java.util.ArrayList<>())
                        .add(proposal.get("proposal").asText() + " " + status);
            }
        }
        if (waiting.isEmpty()) {
            return;
        }
        out.println();
        out.println("Not all decided: " + waiting.size() + " specification" + (waiting.size() == 1 ? " waits" : "s wait")
                + " (rule C10), the rest are published:");
        waiting.forEach((specification, proposals) -> out.println("  " + specification + " waits for "
                + String.join(", ", proposals) + "; its other proposals are PENDING, published once these are decided."));
    }

    private void printSecondCall(JsonNode opened) {
        if (opened.has("status")) { // the preview's answer: nothing was opened
            out.println();
            out.println("No second call: " + opened.get("message").asText());
            return;
        }
        JsonNode fund = opened.get("fund");
        java.util.List<String> carried = new java.util.ArrayList<>();
        opened.get("carried").forEach(year -> carried.add(year.get("year").asText() + " GBP " + year.get("amount").asText()));
        out.println();
        out.println("Second call " + opened.get("roundId").asText() + " opened for the money left: GBP "
                + fund.get("annualAmount").asText() + " a year for " + fund.get("years").asInt() + " years from "
                + fund.get("firstYear").asText() + " (carried out of the round: " + String.join(", ", carried) + ").");
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

}
