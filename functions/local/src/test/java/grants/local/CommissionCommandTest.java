package grants.local;

import grants.core.commissioning.Decisions;
import grants.core.commissioning.RoundCsv;
import grants.core.commissioning.RoundOutcome;
import grants.documents.Json;
import grants.documents.commissioning.RoundJson;
import grants.testing.ThreeSixtyGivingSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's commission command: the Coventry round replayed through the handlers on the embedded stack. */
class CommissionCommandTest {

    @TempDir
    static Path work;
    /** The Coventry round replayed once into work/out, read by each test that needs its files. */
    private static CommandRun run;

    @BeforeAll
    static void replayTheCoventryRound() throws IOException {
        run = CommandRun.of("commission", "--round", coventry().toString(), "--out", work.resolve("out").toString());
    }

    private static Path coventry() throws IOException {
        Path file = work.resolve("coventry.json");
        try (InputStream in = CommissionCommandTest.class.getResourceAsStream("/data/coventry-commissioning-round.json")) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    @Test
    void theCoventryRoundReplayedThroughTheHandlersGivesTheRulesOutcomeAndEveryFileAndLetter() throws IOException {
        Path round = coventry();
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("1. Unemployment and worklessness", "environment was left out",
                "awarded GBP 3850000.00, unawarded GBP 1150000.00; 7 contracts");
        RoundOutcome rules = Decisions.decide(RoundJson.read(Json.parse(Files.readString(round))));
        assertThat(Files.readString(work.resolve("out/proposals.csv"))).as("the live stages decide as the rules do")
                .isEqualTo(RoundCsv.proposals(rules));
        assertThat(Files.readString(work.resolve("out/priorities.csv"))).isEqualTo(RoundCsv.priorities(rules.priorities()));
        List<String> skills = Files.readAllLines(work.resolve("out/contracts.csv")).stream()
                .filter(line -> line.startsWith("contract-skills-network,")).toList();
        assertThat(skills).hasSize(12).allSatisfy(line -> assertThat(line).endsWith(",200000.00"));
        List<String> payments = Files.readAllLines(work.resolve("out/payments.csv"));
        assertThat(payments).hasSize(1 + 7 * 12);
        assertThat(Files.readString(work.resolve("out/round-report.html"))).contains("£3,850,000.00", "£1,150,000.00", "<svg");
        // The spec: £5,000,000 a year for 3 years, £3,850,000 a year awarded, so £1,150,000 a year unawarded, all of
        // it carried out of the round into its second call (opened before 2002-03 began: every year offered).
        List<String> budget = Files.readAllLines(work.resolve("out/budget.csv"));
        assertThat(budget).as("the fund by year in the ledger, then the second call's").hasSize(7);
        assertThat(budget.get(0)).endsWith(",budget,carried_in,carried_out,committed,paid,remaining");
        assertThat(budget.subList(1, 7)).extracting(line -> line.split(",")[0] + " " + line.split(",")[1])
                .containsExactly("coventry-commissioning-2002 2002-03", "coventry-commissioning-2002 2003-04",
                        "coventry-commissioning-2002 2004-05", "coventry-commissioning-2002-second-call 2002-03",
                        "coventry-commissioning-2002-second-call 2003-04", "coventry-commissioning-2002-second-call 2004-05");
        assertThat(budget.subList(1, 4)).as("committed 3,850,000.00, unawarded 1,150,000.00 carried out, none left")
                .allSatisfy(line -> assertThat(line).contains(",fund,")
                        .endsWith(",false,5000000.00,0.00,1150000.00,3850000.00,0.00,0.00"));
        assertThat(budget.subList(4, 7)).as("the 1,150,000.00 carried in, all of it left for the second call")
                .allSatisfy(line -> assertThat(line).contains(",fund,")
                        .endsWith(",false,0.00,1150000.00,0.00,0.00,0.00,1150000.00"));
        assertThat(run.out()).contains("Second call coventry-commissioning-2002-second-call opened for the money left:"
                + " GBP 1150000.00 a year for 3 years from 2002-03 (carried out of the round: 2002-03 GBP 1150000.00,"
                + " 2003-04 GBP 1150000.00, 2004-05 GBP 1150000.00).");
        try (Stream<Path> outbox = Files.list(work.resolve("out/outbox"))) {
            assertThat(outbox.filter(path -> path.toString().endsWith(".eml"))).as("16 calls and 13 decision letters")
                    .hasSize(29);
        }
        assertThat(Files.readString(work.resolve("out/outbox/008-bids@pathways.example.eml")))
                .contains("awarded £700,000.00 a year for 3 years");
    }

    @Test
    void theAwardsAre360GivingDataValidAgainstTheStandardsSchema() throws IOException {
        assertThat(run.exitCode()).as(run.err()).isZero();
        byte[] grants = Files.readAllBytes(work.resolve("out/360giving.json"));
        assertThat(grants.length).isPositive();
        ThreeSixtyGivingSchema.assertValid(grants);
    }

    @Test
    void aRoundReplayedTwiceWritesTheSameBytes() throws IOException {
        CommandRun again = CommandRun.of("commission", "--round", coventry().toString(), "--out", work.resolve("again").toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        for (String file : List.of("priorities.csv", "proposals.csv", "contracts.csv", "payments.csv", "360giving.json",
                "round-report.html", "manifest.json")) {
            assertThat(work.resolve("again/" + file)).hasSameBinaryContentAs(work.resolve("out/" + file));
        }
    }

    @Test
    void aRoundWithProblemsIsRefusedWholeNamingEveryFieldAndWritesNothing() throws IOException {
        String document = Files.readString(coventry())
                .replace("\"voter\": \"board-02\"", "\"voter\": \"board-99\"")
                .replace("\"maxAnnualAllocation\": \"400000.00\"", "\"maxAnnualAllocation\": \"400000.001\"");
        Path bad = work.resolve("bad.json");
        Files.writeString(bad, document);

        CommandRun run = CommandRun.of("commission", "--round", bad.toString(), "--out", work.resolve("refused").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("The round was refused", "ballots[1].voter", "specifications[5].maxAnnualAllocation")
                .doesNotContain("Exception");
        assertThat(work.resolve("refused")).doesNotExist();
    }

    /**
     * A round not all decided: housing's moderation is never given, and c1 declares an interest in
     * crime-safer-streets, which leaves its panel (c2's police partners it) below quorum.
     */
    @Test
    void aRoundNotAllDecidedPublishesWhatCanBePublishedWritesEveryFileAndSaysWhatWaits() throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode document =
                (com.fasterxml.jackson.databind.node.ObjectNode) Json.parse(Files.readString(coventry()));
        document.putArray("moderations");
        for (com.fasterxml.jackson.databind.JsonNode panel : document.get("panels")) {
            for (com.fasterxml.jackson.databind.JsonNode member : panel.get("members")) {
                if (member.get("id").asText().equals("c1")) {
                    ((com.fasterxml.jackson.databind.node.ArrayNode) member.get("interests")).add("crime-safer-streets");
                }
            }
        }
        Path round = work.resolve("waiting.json");
        Files.writeString(round, Json.write(document));

        CommandRun run = CommandRun.of("commission", "--round", round.toString(), "--out", work.resolve("waiting").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Not all decided: 2 specifications wait")
                .contains("spec-crime waits for crime-safer-streets NOT_DECIDED")
                .contains("spec-housing waits for housing-homes-together NEEDS_MODERATION")
                .contains("No second call: A second call cannot be opened while 2 specifications wait for their decisions:"
                        + " Crime and community safety (spec-crime) and Housing and the local environment (spec-housing)."
                        + " Publish them first.");
        RoundOutcome rules = Decisions.decide(RoundJson.read(Json.parse(Files.readString(round))));
        String proposals = Files.readString(work.resolve("waiting/proposals.csv"));
        assertThat(proposals).isEqualTo(RoundCsv.proposals(rules))
                .contains(",NEEDS_MODERATION,").contains(",NOT_DECIDED,");
        assertThat(Files.readAllLines(work.resolve("waiting/contracts.csv"))).noneMatch(line -> line.contains("housing")
                || line.contains("crime-safer-streets"));
        for (String file : List.of("priorities.csv", "contracts.csv", "payments.csv", "360giving.json",
                "round-report.html", "manifest.json")) {
            assertThat(work.resolve("waiting/" + file)).exists();
        }
        try (Stream<Path> outbox = Files.list(work.resolve("waiting/outbox"))) {
            assertThat(outbox.filter(path -> path.toString().endsWith(".eml"))).as("16 calls, and 13 decisions less"
                    + " the 2 of crime (one ineligible, one waiting) and housing's 1").hasSize(16 + 10);
        }
    }
}
