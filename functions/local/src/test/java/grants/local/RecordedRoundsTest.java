package grants.local;

import com.fasterxml.jackson.databind.JsonNode;
import grants.core.access.Role;
import grants.documents.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recorded rounds of {@code src/test/resources/rounds} (see its README.md), replayed as
 * {@code grants-local commission} replays them. Every expectation is worked out by hand from
 * {@code commissioning-rules.md}; the working is in the comments. All rounds share the criteria
 * impact (weight 2) and delivery (weight 1) scored 0 to 5, so a member's score is
 * {@code (2 x impact + delivery) / 15} (C6); the threshold is 0.60, the spread 0.30, the quorum 2,
 * the fund GBP 100,000.00 a year for 3 years from 2025-26.
 */
class RecordedRoundsTest {

    private static final Path ROUNDS = Path.of("src/test/resources/rounds");
    /** C11: four instalments a year in advance, 1 April, 1 July, 1 October, 1 January, from 2025-26 for 3 years. */
    private static final List<String> DUE_DATES = List.of("2025-04-01", "2025-07-01", "2025-10-01", "2026-01-01",
            "2026-04-01", "2026-07-01", "2026-10-01", "2027-01-01", "2027-04-01", "2027-07-01", "2027-10-01", "2028-01-01");

    @TempDir
    Path work;

    private Path out() {
        return work.resolve("out");
    }

    private CommandRun commission(String round) {
        return CommandRun.of("commission", "--round", ROUNDS.resolve(round + ".json").toString(), "--out", out().toString());
    }

    /** The round replayed by the command, which exits 0: every round document here is valid. */
    private CommandRun replayed(String round) {
        CommandRun run = commission(round);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    private String priorities() throws IOException {
        return Files.readString(out().resolve("priorities.csv"));
    }

    private LiveRound live(String round) throws IOException {
        return new LiveRound(ROUNDS.resolve(round + ".json"), Files.createDirectories(work.resolve("scratch")));
    }

    // (a) A proposal that still needs moderation: its specification waits, the other is published.

    /**
     * Vote: jobs 3 dots, youth 3, parks 2; jobs and youth tie inside the selection, youth first on the
     * survey (rank 1 before 2), nobody left out at the cut-off, so the C2 note does not name the survey.
     * jobs-alpha: j1 (5,5) 15/15 = 1.0000, j2 (2,2) 6/15 = 0.4000; 0.60 apart, over 0.30, no moderation:
     * NEEDS_MODERATION, mean 0.7000, final empty (C8). jobs-gamma: 12/15 and 11/15, mean 23/30 = 0.7667,
     * fundable but PENDING (C10). youth-beta: 12/15 twice, 0.8000, GBP 30,000.00 fits in 40,000.00: AWARDED,
     * 90,000.00 in all, twelve instalments of 7,500.00.
     */
    @Test
    void aProposalStillNeedingModerationKeepsItsSpecificationPendingAndTheOtherIsPublished() throws IOException {
        CommandRun run = replayed("needs-moderation");

        assertThat(priorities()).isEqualTo("""
                issue_id,title,dots,survey_rank,rank,selected
                youth,Young people,3,1,1,true
                jobs,Jobs,3,2,2,true
                parks,Parks,2,3,3,false
                """);
        assertThat(run.out()).contains("No tie at the cut-off").doesNotContain("survey broke");
        Map<String, String[]> rows = proposals();
        assertThat(rows.keySet()).containsExactly("jobs-alpha", "jobs-gamma", "youth-beta");
        assertRow(rows, "spec-jobs,jobs-alpha,alpha,40000.00,true,,2,0,0.7000,,NEEDS_MODERATION,0.00,0.00",
                "0.4000", "1.0000", "0.3000");
        assertRow(rows, "spec-jobs,jobs-gamma,gamma,20000.00,true,,2,0,0.7667,0.7667,PENDING,0.00,0.00", "jobs-alpha");
        assertRow(rows, "spec-youth,youth-beta,beta,30000.00,true,,2,0,0.8000,0.8000,AWARDED,30000.00,90000.00");
        assertThat(contractLines()).containsExactlyElementsOf(instalments("youth-beta", "beta", "7500.00"));
        assertThat(Files.readAllLines(out().resolve("payments.csv"))).hasSize(1 + 12);
        assertThat(run.out()).contains("Proposals: {AWARDED=1, NEEDS_MODERATION=1, PENDING=1}",
                "awarded GBP 30000.00, unawarded GBP 70000.00",
                "Not all decided: 1 specification waits", "spec-jobs waits for jobs-alpha NEEDS_MODERATION");
        assertThat(Files.readString(out().resolve("round-report.html"))).contains("jobs-alpha");
        // The call to the 2 addresses of the mailing list, and the one letter of the published specification.
        assertThat(emails()).hasSize(2 + 1);
        assertThat(letter("youth-beta")).contains("awarded £30,000.00 a year for 3 years");
    }

    /**
     * The moderation arrives after publication: j1 records 0.6500, the manager confirms it. jobs-alpha's
     * final score 0.6500 is fundable; best to worst: jobs-gamma 0.7667 (20,000.00 of 60,000.00 left),
     * then jobs-alpha (40,000.00 of the 40,000.00 left). Both AWARDED; the fund's awards 90,000.00 a year.
     */
    @Test
    void theModerationArrivingLaterDecidesAndPublishesTheWaitingSpecification() throws IOException {
        try (LiveRound round = publishedOnce("needs-moderation")) {
            round.asPanelMember("j1", "PUT /rounds/{roundId}/proposals/{proposalId}/moderation",
                    Map.of("proposalId", "jobs-alpha"), Json.object().put("score", "0.6500").put("by", "j1")
                            .put("reason", "The panel met the lead: the employers' places are confirmed."));
            round.asManager("POST /rounds/{roundId}/proposals/{proposalId}/moderation/confirm",
                    Map.of("proposalId", "jobs-alpha"), null);
            JsonNode decided = round.decide();
            round.publishTo(out());

            assertThat(decided.get("fund").get("awardedAnnual").asText()).isEqualTo("90000.00");
            // Each publication's contracts reach monitoring through the table's stream, as on AWS.
            JsonNode beta = round.as(RoundReplay.person(Role.PROGRAMME_MANAGER, "ruth"), "GET /agreements/{agreementId}",
                    Map.of("agreementId", "contract-youth-beta"), null);
            assertThat(beta.path("title").asText()).isEqualTo("Beta youth mentors");
            assertThat(beta.path("instalments")).hasSize(12)
                    .allSatisfy(instalment -> assertThat(instalment.path("amount").asText()).isEqualTo("7500.00"));
            assertThat(beta.path("accepted").isNull()).as("awaiting the lead's acceptance").isTrue();
            assertThat(round.as(RoundReplay.person(Role.PROGRAMME_MANAGER, "ruth"), "GET /agreements/{agreementId}",
                    Map.of("agreementId", "contract-jobs-alpha"), null).path("instalments")).hasSize(12);
        }
        Map<String, String[]> rows = proposals();
        assertRow(rows, "spec-jobs,jobs-alpha,alpha,40000.00,true,,2,0,0.7000,0.6500,AWARDED,40000.00,120000.00",
                "£40,000.00 left");
        assertRow(rows, "spec-jobs,jobs-gamma,gamma,20000.00,true,,2,0,0.7667,0.7667,AWARDED,20000.00,60000.00",
                "£60,000.00 left");
        assertRow(rows, "spec-youth,youth-beta,beta,30000.00,true,,2,0,0.8000,0.8000,AWARDED,30000.00,90000.00");
        assertThat(contractLines()).hasSize(3 * 12);
        // The call, then one letter to each of the three proposers: youth-beta's is not sent a second time.
        assertThat(emails()).hasSize(2 + 3);
        assertThat(letter("jobs-alpha")).contains("awarded £40,000.00 a year for 3 years");
    }

    // (b) A panel left below quorum by conflicts: NOT_DECIDED, its specification waits; a member added lets it decide.

    /**
     * Vote: parks 3, elders 2, jobs 1. parks-beta: 11/15 and 9/15, mean 20/30 = 0.6667, AWARDED 30,000.00.
     * parks-gamma: 6/15 and 7/15, 0.4333, NOT_FUNDED_SCORE at once (C9). elders-alpha: e2 works for its
     * lead and e3 declared an interest, both refused and counted as excluded (C5); e1 alone is below
     * the quorum of 2: NOT_DECIDED, mean and final empty (C7). elders-gamma: 0.6000 and 0.8000, 0.7000,
     * PENDING. 9 scores, 2 refused.
     */
    @Test
    void aPanelBelowQuorumLeavesItsProposalNotDecidedItsSpecificationWaitingAndTheRestPublished() throws IOException {
        CommandRun run = replayed("below-quorum");

        assertThat(run.out()).contains("4 proposals and 9 scores (2 refused", "spec-elders waits for elders-alpha NOT_DECIDED",
                "awarded GBP 30000.00, unawarded GBP 70000.00");
        Map<String, String[]> rows = proposals();
        assertRow(rows, "spec-elders,elders-alpha,alpha,25000.00,true,,1,2,,,NOT_DECIDED,0.00,0.00",
                "1 panel member", "2 are needed");
        assertRow(rows, "spec-elders,elders-gamma,gamma,15000.00,true,,2,0,0.7000,0.7000,PENDING,0.00,0.00", "elders-alpha");
        assertRow(rows, "spec-parks,parks-beta,beta,30000.00,true,,2,0,0.6667,0.6667,AWARDED,30000.00,90000.00");
        assertRow(rows, "spec-parks,parks-gamma,gamma,10000.00,true,,2,0,0.4333,0.4333,NOT_FUNDED_SCORE,0.00,0.00",
                "0.4333");
        assertThat(contractLines()).containsExactlyElementsOf(instalments("parks-beta", "beta", "7500.00"));
        // The call, and the letters of spec-parks's two proposals; none yet for spec-elders.
        assertThat(emails()).hasSize(2 + 2);
        assertThat(letter("parks-gamma")).contains("not been funded");
    }

    /**
     * The manager adds e4 (the council's, no conflict) to the elders panel; e4 declares nothing and
     * scores elders-alpha (4,3) 11/15. Counted: e1 0.8000 and e4 0.7333, mean 23/30 = 0.7667. Best to
     * worst: elders-alpha 25,000.00 of 40,000.00, then elders-gamma 15,000.00 of the 15,000.00 left.
     */
    @Test
    void aPanelMemberAddedAfterPublicationLetsTheWaitingSpecificationDecide() throws IOException {
        try (LiveRound round = publishedOnce("below-quorum")) {
            round.asManager("POST /rounds/{roundId}/panels/{specificationId}/members", Map.of("specificationId", "spec-elders"),
                    Json.object().put("id", "e4").put("name", "Occupational therapist").put("organisation", "council"));
            round.asPanelMember("e4", "PUT /rounds/{roundId}/declarations/{memberId}", Map.of("memberId", "e4"),
                    interests());
            round.asPanelMember("e4", "PUT /rounds/{roundId}/proposals/{proposalId}/scores/{memberId}",
                    Map.of("proposalId", "elders-alpha", "memberId", "e4"), LiveRound.criteria(4, 3));
            round.decide();
            round.publishTo(out());
        }
        Map<String, String[]> rows = proposals();
        assertRow(rows, "spec-elders,elders-alpha,alpha,25000.00,true,,2,2,0.7667,0.7667,AWARDED,25000.00,75000.00");
        assertRow(rows, "spec-elders,elders-gamma,gamma,15000.00,true,,2,0,0.7000,0.7000,AWARDED,15000.00,45000.00",
                "£15,000.00 left");
        assertRow(rows, "spec-parks,parks-beta,beta,30000.00,true,,2,0,0.6667,0.6667,AWARDED,30000.00,90000.00");
        assertThat(contractLines()).hasSize(3 * 12);
        assertThat(emails()).hasSize(2 + 4);
    }

    // (c) An override that displaces a recommended proposal.

    /**
     * arts-alpha 13/15 = 0.8667, arts-beta 0.8000, arts-gamma 11/15 = 0.7333; maximum 50,000.00. The
     * rules: alpha 30,000.00 (20,000.00 left), beta's 25,000.00 does not fit, gamma's 20,000.00 does.
     * The manager awards arts-gamma (as the rules recommend) and arts-beta (against them): beta first,
     * 25,000.00 left; alpha's 30,000.00 no longer fits; gamma fits, 5,000.00 left. Alpha is told it
     * was displaced by the decision to fund arts-beta, and why.
     */
    @Test
    void anOverrideThatDisplacesARecommendedProposalTellsItWhoWasFundedInsteadAndWhy() throws IOException {
        String northEstate = "The only proposal that reaches the north estate.";
        try (LiveRound round = decidedByTheRules("override-displaces", Map.entry("arts-alpha", "AWARDED"),
                Map.entry("arts-beta", "NOT_FUNDED_NO_BUDGET"), Map.entry("arts-gamma", "AWARDED"))) {
            round.override("arts-gamma", "AWARD", "Agreed at the panel meeting.");
            round.override("arts-beta", "AWARD", northEstate);
            round.publishTo(out());
        }
        Map<String, String[]> rows = proposals();
        assertRow(rows, "spec-arts,arts-alpha,alpha,30000.00,true,,2,0,0.8667,0.8667,NOT_FUNDED_NO_BUDGET,0.00,0.00",
                "the panel's decision to fund arts-beta", northEstate);
        assertRow(rows, "spec-arts,arts-beta,beta,25000.00,true,,2,0,0.8000,0.8000,AWARDED,25000.00,75000.00",
                "against the rules' recommendation", northEstate);
        assertRow(rows, "spec-arts,arts-gamma,gamma,20000.00,true,,2,0,0.7333,0.7333,AWARDED,20000.00,60000.00",
                "as the rules recommend", "Agreed at the panel meeting.");
        assertThat(rows.get("arts-gamma")[13]).doesNotContain("against");
        List<String> contracts = new ArrayList<>(instalments("arts-beta", "beta", "6250.00"));
        contracts.addAll(instalments("arts-gamma", "gamma", "5000.00"));
        assertThat(contractLines()).containsExactlyElementsOf(contracts);
        assertThat(letter("arts-alpha")).contains("not been funded", "the panel's decision to fund arts-beta", northEstate);
    }

    // (d) A decline.

    /**
     * food-alpha 0.8667 (30,000.00), food-beta 0.8000 (15,000.00), food-gamma 0.7333 (35,000.00);
     * maximum 50,000.00. The rules: alpha and beta awarded, 5,000.00 left, gamma does not fit. The
     * manager declines alpha: DECLINED with the reason; beta 15,000.00 (35,000.00 left), then gamma's
     * 35,000.00 fits: 8,750.00 a quarter.
     */
    @Test
    void aDeclineHasAStatusOfItsOwnWithTheManagersReasonAndReleasesItsMoney() throws IOException {
        String overdue = "Its lead organisation's accounts are overdue at Companies House.";
        try (LiveRound round = decidedByTheRules("decline", Map.entry("food-alpha", "AWARDED"),
                Map.entry("food-beta", "AWARDED"), Map.entry("food-gamma", "NOT_FUNDED_NO_BUDGET"))) {
            round.override("food-alpha", "DECLINE", overdue);
            JsonNode decided = round.decide();
            assertThat(decided.get("fund").get("awardedAnnual").asText()).isEqualTo("50000.00");
            round.publishTo(out());
        }
        Map<String, String[]> rows = proposals();
        assertRow(rows, "spec-food,food-alpha,alpha,30000.00,true,,2,0,0.8667,0.8667,DECLINED,0.00,0.00", overdue);
        assertRow(rows, "spec-food,food-beta,beta,15000.00,true,,2,0,0.8000,0.8000,AWARDED,15000.00,45000.00");
        assertRow(rows, "spec-food,food-gamma,gamma,35000.00,true,,2,0,0.7333,0.7333,AWARDED,35000.00,105000.00",
                "£35,000.00 left");
        List<String> contracts = new ArrayList<>(instalments("food-beta", "beta", "3750.00"));
        contracts.addAll(instalments("food-gamma", "gamma", "8750.00"));
        assertThat(contractLines()).containsExactlyElementsOf(contracts);
        assertThat(letter("food-alpha")).contains("not been funded", overdue);
    }

    // (e) A tie at the cut-off broken by the residents' survey (round (a) has a tie that the survey did not break).

    /**
     * Vote: jobs 3, youth 2, parks 2, housing 1, two selected: youth and parks tie at the cut-off and
     * youth's survey rank 1 beats parks's 2, so the note names the survey and parks. jobs-alpha 0.8000
     * and youth-beta 9/15 = 0.6000, exactly the threshold: both AWARDED.
     */
    @Test
    void aTieAtTheCutOffBrokenByTheSurveyIsNamedInTheNote() throws IOException {
        CommandRun run = replayed("survey-breaks-tie");

        assertThat(priorities()).isEqualTo("""
                issue_id,title,dots,survey_rank,rank,selected
                jobs,Jobs,3,3,1,true
                youth,Young people,2,1,2,true
                parks,Parks,2,2,3,false
                housing,Housing,1,4,4,false
                """);
        assertThat(run.out()).contains("survey broke a tie at 2 dots: parks was left out");
        assertThat(Files.readString(out().resolve("round-report.html"))).contains("parks was left out");
        Map<String, String[]> rows = proposals();
        assertRow(rows, "spec-jobs,jobs-alpha,alpha,20000.00,true,,2,0,0.8000,0.8000,AWARDED,20000.00,60000.00");
        assertRow(rows, "spec-youth,youth-beta,beta,10000.00,true,,2,0,0.6000,0.6000,AWARDED,10000.00,30000.00");
        assertThat(run.out()).contains("awarded GBP 30000.00, unawarded GBP 70000.00; 2 contracts worth GBP 90000.00");
    }

    /**
     * A cross-cutting theme added after the vote, before the specifications are published (the document
     * cannot record when a theme came, so the test adds it): every proposal must then address it (C4).
     * The recorded proposals answer health only, so both fail the gateway on crossCutting.climate and
     * are not scored (their 4 scores refused, counted nowhere); nothing is awarded, both specifications
     * are decided and published, with no contract.
     */
    @Test
    void aThemeAddedAfterTheVoteBindsEveryProposal() throws IOException {
        try (LiveRound round = live("survey-breaks-tie").voted()) {
            round.asManager("POST /rounds/{roundId}/cross-cutting-themes", Map.of(),
                    Json.object().put("id", "climate").put("title", "Climate: how it cuts carbon"));
            round.proposedAndScored();
            assertThat(round.decide().get("fund").get("awardedAnnual").asText()).isEqualTo("0.00");
            round.publishTo(out());
        }
        Map<String, String[]> rows = proposals();
        assertRow(rows, "spec-jobs,jobs-alpha,alpha,20000.00,false,crossCutting.climate,0,0,,,INELIGIBLE,0.00,0.00");
        assertRow(rows, "spec-youth,youth-beta,beta,10000.00,false,crossCutting.climate,0,0,,,INELIGIBLE,0.00,0.00");
        assertThat(contractLines()).isEmpty();
        assertThat(emails()).as("the call to 2 addresses, a letter to each of the 2 proposers").hasSize(2 + 2);
    }

    @Test
    void equalSurveyRanksAreRefusedAtSetUp() throws IOException {
        Path equal = work.resolve("equal.json");
        Files.writeString(equal, Files.readString(ROUNDS.resolve("survey-breaks-tie.json"))
                .replace("\"strategicOutcome\": \"Parks residents use\", \"surveyRank\": 2",
                        "\"strategicOutcome\": \"Parks residents use\", \"surveyRank\": 1"));

        CommandRun run = CommandRun.of("commission", "--round", equal.toString(), "--out", out().toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("issues[2].surveyRank");
        assertThat(out()).doesNotExist();
    }

    // (f) Conflicts: declared, on an ineligible proposal, a refused moderation, and an interest declared late.

    /**
     * homes-alpha: 14, 12, 13 and 12 fifteenths, mean 51/60 = 0.8500. homes-beta: h3 works for its lead,
     * refused (1 excluded); h1 0.6000 and h2 1.0000 are 0.40 apart, so it needs moderation: h3's is
     * refused (and counted nowhere), h2's 0.8333 stands. homes-gamma's sponsor is not PUBLIC: INELIGIBLE,
     * its two scores refused and not counted, not even h3's conflicted one (scorers 0, excluded 0). Best
     * to worst in 45,000.00: alpha 30,000.00 (15,000.00 left), beta's 20,000.00 does not fit.
     * 9 scores, 3 refused.
     */
    @Test
    void conflictedScoresAndARefusedModerationAreLeftOutAsTheRulesSay() throws IOException {
        CommandRun run = replayed("late-interest");

        assertThat(run.out()).contains("3 proposals and 9 scores (3 refused");
        Map<String, String[]> rows = proposals();
        assertRow(rows, "spec-homes,homes-alpha,alpha,30000.00,true,,4,0,0.8500,0.8500,AWARDED,30000.00,90000.00");
        assertRow(rows, "spec-homes,homes-beta,beta,20000.00,true,,2,1,0.8000,0.8333,NOT_FUNDED_NO_BUDGET,0.00,0.00",
                "£15,000.00 left");
        assertRow(rows, "spec-homes,homes-gamma,gamma,25000.00,false,sponsor,0,0,,,INELIGIBLE,0.00,0.00");
    }

    /**
     * h1 tells the manager after scoring of an interest in homes-alpha: the late interest excludes h1's
     * score. homes-alpha: 12, 13 and 12 fifteenths, 37/45 = 0.8222, below homes-beta's 0.8333; beta
     * 20,000.00 is awarded first (25,000.00 left) and alpha's 30,000.00 no longer fits.
     */
    @Test
    void aLateDeclaredInterestExcludesTheMembersScore() throws IOException {
        try (LiveRound round = live("late-interest").recorded()) {
            round.asManager("PUT /rounds/{roundId}/proposals/{proposalId}/late-interests/{memberId}",
                    Map.of("proposalId", "homes-alpha", "memberId", "h1"),
                    Json.object().put("reason", "h1 said after scoring that she sits on Alpha Trust's board."));
            round.decide();
            round.publishTo(out());
        }
        Map<String, String[]> rows = proposals();
        assertRow(rows, "spec-homes,homes-alpha,alpha,30000.00,true,,3,1,0.8222,0.8222,NOT_FUNDED_NO_BUDGET,0.00,0.00",
                "£25,000.00 left");
        assertRow(rows, "spec-homes,homes-beta,beta,20000.00,true,,2,1,0.8000,0.8333,AWARDED,20000.00,60000.00");
        assertThat(contractLines()).containsExactlyElementsOf(instalments("homes-beta", "beta", "5000.00"));
    }

    /** The round replayed, decided and published as the command does (its files set aside), to go on with. */
    private LiveRound publishedOnce(String name) throws IOException {
        LiveRound round = live(name).recorded();
        round.decide();
        round.publishTo(work.resolve("first"));
        return round;
    }

    /** The round replayed and decided by the rules alone, each status as worked out by hand, for the manager to act on. */
    @SafeVarargs
    private LiveRound decidedByTheRules(String name, Map.Entry<String, String>... statuses) throws IOException {
        LiveRound round = live(name).recorded();
        assertThat(statuses(round.decide())).containsExactly(statuses);
        return round;
    }

    /** proposals.csv by proposal id; the first 13 columns hold no comma, the reason is the 14th. */
    private Map<String, String[]> proposals() throws IOException {
        List<String> lines = Files.readAllLines(out().resolve("proposals.csv"));
        assertThat(lines.get(0)).isEqualTo("specification_id,proposal_id,lead_organisation,annual_amount_gbp,eligible,"
                + "problems,scorers,conflicted_excluded,mean_score,final_score,status,award_annual_gbp,award_total_gbp,reason");
        Map<String, String[]> rows = new LinkedHashMap<>();
        lines.stream().skip(1).forEach(line -> {
            String[] columns = line.split(",", 14);
            rows.put(columns[1], columns);
        });
        return rows;
    }

    private static void assertRow(Map<String, String[]> rows, String columns, String... reasonFacts) {
        String proposal = columns.split(",")[1];
        String[] row = rows.get(proposal);
        assertThat(row).as(proposal).isNotNull();
        assertThat(String.join(",", List.of(row).subList(0, 13))).as(proposal).isEqualTo(columns);
        assertThat(row[13]).as(proposal + "'s reason").isNotBlank();
        if (reasonFacts.length > 0) {
            assertThat(row[13]).as(proposal + "'s reason").contains(reasonFacts);
        }
    }

    private List<String> contractLines() throws IOException {
        List<String> lines = Files.readAllLines(out().resolve("contracts.csv"));
        assertThat(lines.get(0)).isEqualTo("contract_id,proposal_id,lead_organisation,instalment,due_date,amount_gbp");
        // The contract id is the system's own; the rest of each line is the rules'.
        return lines.stream().skip(1).map(line -> line.substring(line.indexOf(',') + 1)).toList();
    }

    /** C11: a contract's twelve instalments, {@code proposal,lead,number,due,amount}. */
    private static List<String> instalments(String proposal, String lead, String amount) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < DUE_DATES.size(); i++) {
            lines.add(proposal + "," + lead + "," + (i + 1) + "," + DUE_DATES.get(i) + "," + amount);
        }
        return lines;
    }

    private List<Path> emails() throws IOException {
        try (Stream<Path> outbox = Files.list(out().resolve("outbox"))) {
            return outbox.filter(path -> path.toString().endsWith(".eml")).sorted().toList();
        }
    }

    /** The one decision letter about a proposal. */
    private String letter(String proposal) throws IOException {
        List<String> letters = new ArrayList<>();
        for (Path email : emails()) {
            String text = Files.readString(email);
            if (text.contains("(" + proposal + ")")) {
                letters.add(text);
            }
        }
        assertThat(letters).as("letters about " + proposal).hasSize(1);
        return letters.get(0);
    }

    private static JsonNode interests() {
        com.fasterxml.jackson.databind.node.ObjectNode none = Json.object();
        none.putArray("interests");
        return none;
    }

    private static Map<String, String> statuses(JsonNode decided) {
        Map<String, String> statuses = new LinkedHashMap<>();
        decided.get("proposals").forEach(p -> statuses.put(p.get("proposal").asText(), p.get("status").asText()));
        return statuses;
    }
}
