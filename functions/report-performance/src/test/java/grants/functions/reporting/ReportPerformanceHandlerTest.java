package grants.functions.reporting;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import grants.adapters.s3.S3PresignedLinks;
import grants.core.access.Role;
import grants.core.exports.ExportFile;
import grants.testing.HandlerAnswer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static grants.functions.reporting.ReportingOnTheEmulators.ANN;
import static grants.functions.reporting.ReportingOnTheEmulators.BO;
import static grants.functions.reporting.ReportingOnTheEmulators.BOARD;
import static grants.functions.reporting.ReportingOnTheEmulators.CONTRACT;
import static grants.functions.reporting.ReportingOnTheEmulators.MANAGER;
import static grants.functions.reporting.ReportingOnTheEmulators.PARTNER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ReportPerformance on the emulators, a quarter lived in order: owners record NI 152's and NI 8's
 * 2008-09 Q1 figures (refused first where P10 says, then revised with a reason), Ann writes her story,
 * a board member reads the card and the pack of 14 August 2008, and the public, without signing in,
 * sees from that day only what the meeting reviewed, as it stood the day before. Every refusal changes
 * nothing and names its reason or field.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportPerformanceHandlerTest {

    private static final Map<String, String> Q2 = Map.of("quarter", "2008-09-Q2");
    private static final Map<String, String> NI_8 = Map.of("indicatorId", "ni-8");

    private static ReportingOnTheEmulators stack;

    @BeforeAll
    static void theRegisterKept() {
        stack = new ReportingOnTheEmulators(ReportPerformanceHandlerTest.class);
    }

    @Test
    @Order(1)
    void theManagersRegisterReadsBackAsKeptAndSavingItAgainRecordsNothing() {
        stack.on("2008-06-01");
        JsonNode register = stack.call("get-register.json", PARTNER).body();

        assertThat(register.path("themes").findValuesAsText("title")).containsExactly("Jobs and the economy");
        assertThat(register.path("people").findValuesAsText("name")).containsExactly("Ann Owen", "Bo Lee");
        JsonNode ni152 = register.path("indicators").get(0);
        assertThat(ni152.path("reference").asText()).isEqualTo("NI 152");
        assertThat(ni152.path("baseline").path("value").asText()).isEqualTo("13.1");
        assertThat(ni152.path("targets").path("2008-09").asText()).isEqualTo("12.5");
        assertThat(ni152.path("contributions").get(0).asText()).isEqualTo(CONTRACT);
        assertThat(register.path("meetings").get(0).path("figuresAsOf").asText()).isEqualTo("2008-08-13");

        List<String> before = stack.recordedActions();
        assertThat(stack.call("put-theme.json", MANAGER).status()).isEqualTo(200);
        assertThat(stack.recordedActions()).as("saving what is there records nothing").isEqualTo(before);
        assertThat(before).startsWith("REGISTER_CREATED", "THEME_SAVED", "OUTCOME_SAVED", "PERSON_SAVED",
                "MEETING_ADDED");
    }

    @Test
    @Order(1)
    void theManagerKeepsHowManyWorkingDaysBeforeTheirFiguresAreDueOwnersAreReminded() {
        assertThat(stack.call("get-register.json", PARTNER).body().path("ownerReminderWorkingDays").asInt())
                .as("a working week unless the manager says otherwise").isEqualTo(5);
        List<String> before = stack.recordedActions();

        HandlerAnswer kept = stack.call("put-register.json", MANAGER, Map.of(), "{\"ownerReminderWorkingDays\": 3}");
        assertThat(kept.status()).isEqualTo(200);
        assertThat(kept.body().path("ownerReminderWorkingDays").asInt()).isEqualTo(3);
        assertThat(stack.call("put-register.json", MANAGER, Map.of(), "{\"ownerReminderWorkingDays\": 3}").status())
                .isEqualTo(200);
        assertThat(stack.recordedActions()).as("kept once").hasSize(before.size() + 1).endsWith("OWNER_REMINDERS_KEPT");

        for (String bad : List.of("21", "-1", "2.5", "\"five\"")) {
            HandlerAnswer refused = stack.call("put-register.json", MANAGER, Map.of(), "{\"ownerReminderWorkingDays\": " + bad + "}");
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.fields()).as(bad).containsExactly("ownerReminderWorkingDays");
        }
        assertThat(stack.call("put-register.json", ANN, Map.of(), "{\"ownerReminderWorkingDays\": 1}").status())
                .as("an owner").isEqualTo(403);
        assertThat(stack.call("put-register.json", MANAGER, Map.of(), "{\"ownerReminderWorkingDays\": 5}").status())
                .isEqualTo(200);
        assertThat(stack.recordedActions()).hasSize(before.size() + 2);
    }

    @Test
    @Order(2)
    void aBadRegisterChangeIsRefusedNamingEachFieldAsTheRequestHasIt() {
        List<String> before = stack.recordedActions();

        HandlerAnswer indicator = stack.call("put-indicator.json", MANAGER, Map.of("indicatorId", "ni-9"), """
                {"reference": "", "title": "Bad", "outcome": "work", "owner": "owner-ann", "polarity": "UP",
                 "measure": "PERCENT", "accumulation": "LEVEL", "decimals": 1.5, "unit": "%",
                 "baseline": {"period": "2007-08 Q5", "value": "thirteen"}, "targets": {"2008-9": "12"},
                 "tolerance": "2.5", "colour": "red"}""");
        HandlerAnswer unknownAgreement = stack.call("put-indicator.json", MANAGER, Map.of("indicatorId", "ni-9"),
                ReportingOnTheEmulators.indicator(List.of("contract-nobody-monitors")));
        HandlerAnswer unknownOutcome = stack.call("put-indicator.json", MANAGER, Map.of("indicatorId", "ni-9"),
                ReportingOnTheEmulators.indicator(List.of()).replace("\"work\"", "\"nowhere\""));
        HandlerAnswer badTheme = stack.call("put-theme.json", MANAGER, Map.of("themeId", "Jobs_1"), null);
        HandlerAnswer earlyMeeting = stack.call("post-meeting.json", MANAGER, Map.of(),
                "{\"date\": \"2008-06-20\", \"reviews\": \"2008-09 Q1\"}");

        assertThat(indicator.status()).isEqualTo(400);
        assertThat(indicator.fields()).containsExactlyInAnyOrder("reference", "polarity", "decimals",
                "baseline.period", "baseline.value", "targets.2008-9", "colour");
        assertThat(unknownAgreement.fields()).containsExactly("contributions[0]");
        assertThat(unknownOutcome.fields()).containsExactly("outcome");
        assertThat(badTheme.fields()).containsExactly("themeId");
        assertThat(earlyMeeting.fields()).containsExactly("reviews");
        assertThat(stack.recordedActions()).isEqualTo(before);
    }

    @Test
    @Order(3)
    void anOwnerRecordsAFigureRefusedInP10sOrderThenRevisesItWithAReason() {
        stack.on("2008-06-30");
        HandlerAnswer notEnded = stack.call("post-figure.json", ANN);
        stack.on("2008-07-02");
        HandlerAnswer first = stack.call("post-figure.json", ANN);
        HandlerAnswer noReason = stack.call("post-figure.json", ANN, Map.of(), "{\"value\": \"12.7\", \"status\": \"FINAL\"}");
        HandlerAnswer beforeBaseline = stack.call("post-figure.json", ANN, Map.of("quarter", "2007-08-Q3"), null);
        HandlerAnswer nextQuarter = stack.call("post-figure.json", ANN, Q2, null);
        HandlerAnswer badBody = stack.call("post-figure.json", ANN, Map.of(),
                "{\"value\": \"twelve\", \"status\": \"MAYBE\", \"colour\": \"red\"}");
        HandlerAnswer valueOfARatio = stack.call("post-figure.json", BO, NI_8, "{\"value\": \"23\", \"status\": \"FINAL\"}");
        HandlerAnswer ratio = stack.call("post-figure.json", BO, NI_8,
                "{\"numerator\": \"230\", \"denominator\": \"1000\", \"status\": \"FINAL\"}");
        stack.on("2008-07-10");
        HandlerAnswer revised = stack.call("post-figure.json", ANN, Map.of(),
                "{\"value\": \"12.7\", \"status\": \"FINAL\", \"reason\": \"the June count came late\"}");

        assertThat(notEnded.status()).isEqualTo(409);
        assertThat(notEnded.code()).as("a quarter ends at the end of its last day").isEqualTo("QUARTER_NOT_ENDED");
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body().path("sequence").asInt()).isEqualTo(1);
        assertThat(first.body().path("status").asText()).isEqualTo("PROVISIONAL");
        assertThat(noReason.code()).isEqualTo("REVISION_WITHOUT_REASON");
        assertThat(beforeBaseline.code()).isEqualTo("BEFORE_BASELINE");
        assertThat(nextQuarter.code()).isEqualTo("QUARTER_NOT_ENDED");
        assertThat(badBody.status()).isEqualTo(400);
        assertThat(badBody.fields()).containsExactlyInAnyOrder("value", "status", "colour");
        assertThat(valueOfARatio.fields()).containsExactlyInAnyOrder("value", "numerator", "denominator");
        assertThat(ratio.status()).isEqualTo(201);
        assertThat(revised.status()).isEqualTo(201);
        assertThat(revised.body().path("sequence").asInt()).as("a refused figure does not count").isEqualTo(2);
        assertThat(revised.body().path("reason").asText()).isEqualTo("the June count came late");
        assertThat(stack.recordedActions()).endsWith("FIGURE_RECORDED", "FIGURE_RECORDED", "FIGURE_REVISED");
    }

    @Test
    @Order(4)
    void aFigureRetriedWithItsIdempotencyKeyIsRecordedOnceAndTheKeyServesNoOtherFigure() {
        stack.on("2008-07-10");
        String ratio = "{\"numerator\": \"240\", \"denominator\": \"1000\", \"status\": \"FINAL\", \"reason\": \"late returns\"}";
        List<String> before = stack.recordedActions();

        HandlerAnswer first = stack.callWithKey("post-figure.json", BO, NI_8, ratio, "ni-8-q1-revision");
        HandlerAnswer retried = stack.callWithKey("post-figure.json", BO, NI_8, ratio, "ni-8-q1-revision");
        HandlerAnswer anotherFigure = stack.callWithKey("post-figure.json", BO, NI_8, ratio.replace("240", "250"),
                "ni-8-q1-revision");

        assertThat(first.status()).isEqualTo(201);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.body()).isEqualTo(first.body());
        assertThat(anotherFigure.status()).isEqualTo(409);
        assertThat(anotherFigure.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(stack.recordedActions()).hasSize(before.size() + 1).endsWith("FIGURE_REVISED");
    }

    @Test
    @Order(5)
    void onceAnIndicatorHasFiguresItsMeasureStaysAndTheRestMayChange() {
        String asAFlow = ReportingOnTheEmulators.indicator(List.of(CONTRACT)).replace("\"LEVEL\"", "\"FLOW\"");
        String retitled = ReportingOnTheEmulators.indicator(List.of(CONTRACT))
                .replace("Working age people on out of work benefits", "Working-age people on out-of-work benefits");

        HandlerAnswer locked = stack.call("put-indicator.json", MANAGER, Map.of(), asAFlow);
        HandlerAnswer changed = stack.call("put-indicator.json", MANAGER, Map.of(), retitled);

        assertThat(locked.status()).isEqualTo(409);
        assertThat(locked.code()).isEqualTo("LOCKED");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().path("indicators").get(0).path("accumulation").asText()).isEqualTo("LEVEL");
    }

    @Test
    @Order(6)
    void theOwnerAloneWritesTheStoryAndItNeedsBothParts() {
        stack.on("2008-07-11");
        HandlerAnswer half = stack.call("put-narrative.json", ANN, Map.of(), "{\"achieved\": \"Two job clubs opened.\"}");
        HandlerAnswer byTheManager = stack.call("put-narrative.json", MANAGER);
        HandlerAnswer written = stack.call("put-narrative.json", ANN);

        assertThat(half.status()).isEqualTo(400);
        assertThat(half.fields()).containsExactly("next");
        assertThat(byTheManager.status()).as("a manager cannot write a narrative").isEqualTo(403);
        assertThat(written.status()).isEqualTo(200);
        assertThat(written.body().path("by").asText()).isEqualTo("owner-ann");
        assertThat(stack.recordedActions()).endsWith("NARRATIVE_WRITTEN");
    }

    @Test
    @Order(7)
    void aBoardMemberReadsTheCardComputedAgainstTargetWithTheContractsOutputs() {
        stack.on("2008-08-01");
        JsonNode card = stack.call("get-card.json", BOARD).body();

        assertThat(card.path("value").asText()).isEqualTo("12.7");
        assertThat(card.path("yearToDate").asText()).isEqualTo("12.7");
        assertThat(card.path("targetToDate").asText()).isEqualTo("12.5");
        // 0.2 worse than 12.5, within 2.5% of it (0.3125): near, not met.
        assertThat(card.path("status").asText()).isEqualTo("NEAR");
        assertThat(card.path("statusInWords").asText()).isEqualTo("Near the target");
        assertThat(card.path("againstPreviousInWords").asText())
                .isEqualTo("no figure to compare with the previous quarter");
        assertThat(card.path("revised").asBoolean()).isTrue();
        assertThat(card.path("provisional").asBoolean()).isFalse();
        assertThat(card.path("revisions").get(0).path("reason").asText()).isEqualTo("the June count came late");
        assertThat(card.path("readiness").asText()).isEqualTo("READY");
        assertThat(card.path("narrative").path("next").asText()).isEqualTo("Open a third in Wood End.");
        JsonNode contract = card.path("contributions").get(0);
        assertThat(contract.path("agreementId").asText()).isEqualTo(CONTRACT);
        assertThat(contract.path("acceptedOn").asText()).isEqualTo("2008-07-03");
        assertThat(contract.path("latestAcceptedOutputs").path("People into work").asLong()).isEqualTo(31);
        assertThat(card.path("chart")).hasSize(8);

        // The register lists each indicator with its latest quarter's status, computed as the card's, in words.
        JsonNode latest = stack.call("get-register.json", BOARD).body().path("indicators").get(0).path("latest");
        assertThat(latest.path("period").asText()).isEqualTo("2008-09 Q1");
        assertThat(latest.path("key").asText()).isEqualTo("2008-09-Q1");
        assertThat(latest.path("status").asText()).isEqualTo("NEAR");
        assertThat(latest.path("statusInWords").asText()).isEqualTo("Near the target");
        assertThat(latest.path("value").asText()).isEqualTo("12.7");
    }

    @Test
    @Order(8)
    void thePublicSeesNothingBeforeTheMeetingAndFromItsDayTheQuarterAsItStoodTheDayBefore() {
        stack.on("2008-08-13");
        HandlerAnswer figuresBefore = stack.call("get-public-figures.json", null);
        HandlerAnswer cardBefore = stack.call("get-public-card.json", null);
        stack.on("2008-08-14");
        HandlerAnswer onTheDay = stack.call("post-figure.json", ANN, Map.of(),
                "{\"value\": \"12.3\", \"status\": \"FINAL\", \"reason\": \"recounted for the board\"}");
        JsonNode figures = stack.call("get-public-figures.json", null).body().path("figures");
        JsonNode card = stack.call("get-public-card.json", null).body();
        JsonNode partnersCard = stack.call("get-card.json", PARTNER).body();

        assertThat(figuresBefore.status()).isEqualTo(200);
        assertThat(figuresBefore.body().path("figures")).isEmpty();
        assertThat(cardBefore.status()).isEqualTo(404);
        assertThat(onTheDay.status()).isEqualTo(201);
        List<String> published = new ArrayList<>();
        figures.forEach(figure -> published.add(figure.path("reference").asText() + " " + figure.path("period").asText()
                + " " + figure.path("value").asText() + " " + figure.path("status").asText() + " "
                + figure.path("publishedOn").asText()));
        assertThat(published).containsExactlyInAnyOrder("NI 152 2008-09 Q1 12.7 NEAR 2008-08-14",
                "NI 8 2008-09 Q1 24.0 MET 2008-08-14");
        assertThat(card.path("value").asText()).as("the figure of the meeting's day waits").isEqualTo("12.7");
        assertThat(card.path("asOf").asText()).isEqualTo("2008-08-13");
        assertThat(partnersCard.path("value").asText()).as("partners see every figure at once").isEqualTo("12.3");
    }

    @Test
    @Order(9)
    void aBrowserOpeningACardsLinkGetsThePrintablePageAndTheConsoleTheJson() {
        stack.on("2008-08-14");
        APIGatewayV2HTTPResponse publicPage = stack.page("get-public-card.json", null);
        APIGatewayV2HTTPResponse partnersPage = stack.page("get-card.json", PARTNER);

        assertThat(publicPage.getStatusCode()).isEqualTo(200);
        assertThat(publicPage.getHeaders().get("content-type")).isEqualTo("text/html; charset=utf-8");
        assertThat(publicPage.getBody()).contains("NI 152", "<svg", "12.7").doesNotContain("12.3");
        assertThat(partnersPage.getBody()).as("partners see the figure of the meeting's day").contains("12.3");
        assertThat(stack.call("get-public-card.json", null).body().path("value").asText())
                .as("without asking for HTML, the console's JSON").isEqualTo("12.7");
    }

    @Test
    @Order(9)
    void theOpenDataIsThePublicFiguresOnlyAsCsvAndInIatisResultIndicatorShape() {
        stack.on("2008-08-13");
        HandlerAnswer beforeTheMeeting = stack.call("get-public-observations.json", null);
        stack.on("2008-08-14");
        HandlerAnswer csv = stack.call("get-public-observations.json", null);
        HandlerAnswer iati = stack.call("get-public-indicators.json", null);

        assertThat(beforeTheMeeting.body().asText().lines()).as("nothing reviewed yet")
                .containsExactly("indicator_id,reference,period,value,status,target_to_date,published_on");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body().asText().lines()).as("the figure of the meeting's day (12.3) waits").containsExactly(
                "indicator_id,reference,period,value,status,target_to_date,published_on",
                "ni-8,NI 8,2008-09 Q1,24.0,MET,23.0,2008-08-14",
                "ni-152,NI 152,2008-09 Q1,12.7,NEAR,12.5,2008-08-14");
        assertThat(iati.status()).isEqualTo(200);
        JsonNode ni152 = iati.body().at("/result/0/indicator/1");
        assertThat(ni152.at("/reference/0/@code").asText()).isEqualTo("NI 152");
        assertThat(ni152.at("/@ascending").asText()).as("lower is better").isEqualTo("0");
        assertThat(ni152.at("/baseline/0/@value").asText()).isEqualTo("13.1");
        assertThat(ni152.at("/period/0/period-start/@iso-date").asText()).isEqualTo("2008-04-01");
        assertThat(ni152.at("/period/0/period-end/@iso-date").asText()).isEqualTo("2008-06-30");
        assertThat(ni152.at("/period/0/target/0/@value").asText()).isEqualTo("12.5");
        assertThat(ni152.at("/period/0/actual/0/@value").asText()).isEqualTo("12.7");
        assertThat(ni152.path("period")).hasSize(1);
        assertThat(iati.body().toString()).as("owners are not the public's").doesNotContain("owner-ann", "@coventry");
    }

    @Test
    @Order(10)
    void theBoardPackIsFrozenTheDayBeforeItsMeetingAwaitingOwnersFirst() {
        stack.on("2008-09-01");
        JsonNode pack = stack.call("get-board-pack.json", BOARD).body();

        assertThat(pack.path("meeting").path("reviews").asText()).isEqualTo("2008-09 Q1");
        assertThat(pack.path("awaitingOwner").findValuesAsText("reference")).as("Bo has written nothing yet")
                .containsExactly("NI 8");
        assertThat(pack.path("exceptions")).isEmpty();
        assertThat(pack.path("rest").findValuesAsText("reference")).containsExactly("NI 152");
        assertThat(pack.path("rest").get(0).path("value").asText()).isEqualTo("12.7");
        List<String> counts = new ArrayList<>();
        pack.path("countByStatus").forEach(count -> counts.add(count.path("status").asText() + " "
                + count.path("count").asInt()));
        assertThat(counts).containsExactly("MET 1", "NEAR 1");
        assertThat(stack.call("get-board-pack.json", BOARD, Map.of("meetingDate", "2008-08-15"), null).status())
                .isEqualTo(404);
        assertThat(stack.call("get-board-pack.json", BOARD, Map.of("meetingDate", "2008-02-30"), null).fields())
                .containsExactly("meetingDate");
    }

    @Test
    @Order(11)
    void figuresLoadedAsAFileAreRecordedEveryRowOrNoneEachProblemNamedByRowAndColumn() {
        stack.on("2008-10-06");
        String header = "indicator_id,reference,period,value,status,reason\n";
        List<String> before = stack.recordedActions();

        HandlerAnswer computed = upload(ANN, "indicator_id,period,value,status,target_to_date\nni-152,2008-09 Q2,12.9,FINAL,12.5\n");
        HandlerAnswer unreadable = upload(ANN, header + "ni-152,NI 152,2008-09 Q2,12.9,FINAL,\n"
                + "ni-152,NI 152,2008-09 Q2,12,9,FINAL,\n" + "ni-152,NI 152,2008-09 Q2,abc,final,\n"
                + "ni-152,NI 152,2008-09 Q5,12.9,FINAL,\n");
        HandlerAnswer againstTheRules = upload(ANN, header + "ni-152,NI 152,2008-09 Q2,12.9,FINAL,\n"
                + "ni-152,NI 152,2008-09 Q3,13.0,PROVISIONAL,\n" + "ni-152,NI 152,2008-09 Q2,13.1,FINAL,\n"
                + "ni-152,NI 8,2008-09 Q2,13.1,FINAL,a recount\n" + "ni-152,NI 152,2007-08 Q3,13.3,FINAL,\n"
                + "ni-999,,2008-09 Q2,1,FINAL,\n");
        HandlerAnswer notHers = upload(BO, header + "ni-8,NI 8,2008-09 Q2,24.5,FINAL,\n" + "ni-152,NI 152,2008-09 Q2,12.9,FINAL,\n");

        assertThat(computed.fields()).containsExactly("row 1.target_to_date");
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.fields()).containsExactly("row 3", "row 4.value", "row 4.status", "row 5.period");
        assertThat(againstTheRules.status()).isEqualTo(400);
        assertThat(againstTheRules.fields()).as("the quarter not over, a second figure of the file without a reason,"
                + " the wrong reference, before the baseline, no such indicator").containsExactly("row 3.period",
                "row 4.reason", "row 5.reference", "row 6.period", "row 7.indicator_id");
        assertThat(notHers.status()).isEqualTo(403);
        assertThat(notHers.code()).isEqualTo("NOT_OWNER");
        assertThat(stack.recordedActions()).as("nothing recorded from a refused file").isEqualTo(before);

        HandlerAnswer loaded = upload(ANN, header + "ni-152,NI 152,2008-09 Q2,12.9,PROVISIONAL,\n"
                + "ni-152,NI 152,2008-09 Q2,13.0,FINAL,\"the September count, revised\"\n");

        assertThat(loaded.status()).isEqualTo(201);
        assertThat(loaded.body().path("recorded").findValuesAsText("sequence")).containsExactly("1", "2");
        assertThat(loaded.body().path("recorded").get(1).path("reason").asText()).isEqualTo("the September count, revised");
        assertThat(stack.recordedActions()).hasSize(before.size() + 2).endsWith("FIGURE_RECORDED", "FIGURE_REVISED");
        assertThat(stack.call("get-card.json", PARTNER, Q2, null).body().path("value").asText()).isEqualTo("13.0");
    }

    /**
     * P8's pack kept as a file: before the meeting's day the page is drawn afresh and nothing is kept; on
     * the day, the first reader's page is written once to the export bucket and is what everyone reads
     * from then on, the same bytes, though a figure is revised and the indicator renamed afterwards.
     */
    @Test
    @Order(20)
    void theBoardPackIsKeptAsAFileFromItsMeetingsDayAndShownAsTheBoardSawIt() {
        String key = "packs/" + ReportingOnTheEmulators.REGISTER + "/board-pack-2008-08-14.html";
        S3PresignedLinks bucket = new S3PresignedLinks(stack.wiring.aws(), stack.bucket);
        stack.on("2008-08-13");
        APIGatewayV2HTTPResponse theDayBefore = stack.page("get-board-pack.json", BOARD);
        assertThat(theDayBefore.getStatusCode()).isEqualTo(200);
        assertThat(bucket.get(key)).as("not frozen yet: nothing kept").isEmpty();

        stack.on("2008-08-14");
        String asTheBoardSawIt = stack.page("get-board-pack.json", BOARD).getBody();
        assertThat(asTheBoardSawIt).contains("NI 152: ", "12.7");
        assertThat(bucket.get(key)).as("kept on the first read of the meeting's day")
                .hasValueSatisfying(kept -> assertThat(new String(kept, StandardCharsets.UTF_8)).isEqualTo(asTheBoardSawIt));

        stack.on("2008-11-03");
        assertThat(stack.call("post-figure.json", ANN, Map.of(),
                "{\"value\": \"11.9\", \"status\": \"FINAL\", \"reason\": \"benefit records matched late\"}").status())
                .isEqualTo(201);
        assertThat(stack.call("put-indicator.json", MANAGER, Map.of(), ReportingOnTheEmulators.indicator(List.of(CONTRACT))
                .replaceFirst("\"title\": \"[^\"]*\"", "\"title\": \"Renamed after the meeting\"")).status()).isEqualTo(200);
        assertThat(stack.page("get-card.json", PARTNER).getBody()).as("the register did change").contains("Renamed after the meeting");
        APIGatewayV2HTTPResponse later = stack.page("get-board-pack.json", PARTNER);

        assertThat(later.getStatusCode()).isEqualTo(200);
        assertThat(later.getBody()).as("what the board saw, byte for byte").isEqualTo(asTheBoardSawIt);
        assertThat(bucket.putOnce(key, new ExportFile("board-pack-2008-08-14.html", "text/html; charset=utf-8",
                "another pack".getBytes(StandardCharsets.UTF_8), 0))).as("written once").isFalse();
        assertThat(bucket.get(key)).hasValueSatisfying(kept -> assertThat(kept)
                .isEqualTo(asTheBoardSawIt.getBytes(StandardCharsets.UTF_8)));
        assertThat(stack.page("get-board-pack.json", ReportingOnTheEmulators.person("manager-elsewhere",
                Role.PROGRAMME_MANAGER, "another-laa")).getStatusCode()).as("kept, and still only for its readers")
                .isEqualTo(403);
    }

    private static HandlerAnswer upload(grants.core.access.Actor who, String csv) {
        return stack.call("post-figures-csv.json", who, Map.of(), csv);
    }
}
