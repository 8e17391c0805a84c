package grants.functions.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import grants.functions.monitoring.MonitoringOnTheEmulators.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.StreamSupport;

import static grants.functions.monitoring.MonitoringOnTheEmulators.FINANCE;
import static grants.functions.monitoring.MonitoringOnTheEmulators.LEAD;
import static grants.functions.monitoring.MonitoringOnTheEmulators.MANAGER;
import static grants.functions.monitoring.MonitoringOnTheEmulators.OFFICER;
import static grants.functions.monitoring.MonitoringOnTheEmulators.OTHER;
import static grants.functions.monitoring.MonitoringOnTheEmulators.OTHER_LEAD;
import static grants.functions.monitoring.MonitoringOnTheEmulators.OTHER_OFFICER;
import static grants.functions.monitoring.MonitoringOnTheEmulators.SECOND_FINANCE;
import static grants.functions.monitoring.MonitoringOnTheEmulators.SKILLS;
import static grants.functions.monitoring.MonitoringOnTheEmulators.SUB_GROUP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * MonitorAgreements on the emulators, through the sample events of events/monitor-agreements, one
 * behaviour a person notices each: a return's life from the lead contact to the officer, holds with
 * their reasons and a payment run releasing them, the review queue, the reminder ledger, and every
 * refusal answered with its M14 reason and nothing changed.
 */
class MonitorAgreementsHandlerTest {

    private static final String Q1 = "2002-03-Q1";
    private static final String SUBMISSION = """
            {"outputs": {"Residents taking part": 52}, "achieved": "Two cohorts started.", "next": "Open Foleshill."}""";

    private MonitoringOnTheEmulators stack;

    @BeforeEach
    void contractsInMonitoring() {
        stack = new MonitoringOnTheEmulators(getClass());
    }

    private Response submit(String returnKey, String body) {
        return stack.call("submit-return.json", LEAD, Map.of("agreementId", SKILLS, "returnKey", returnKey), body);
    }

    private JsonNode agreement(String agreementId) {
        Response response = stack.call("get-agreement.json", MANAGER, Map.of("agreementId", agreementId), null);
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    private static JsonNode part(JsonNode agreement, String list, String key) {
        return StreamSupport.stream(agreement.get(list).spliterator(), false)
                .filter(item -> item.path("key").asText().equals(key) || item.path("number").asText().equals(key))
                .findFirst().orElseThrow(() -> new AssertionError("no " + key + " in " + list));
    }

    @Test
    void aReturnIsSubmittedSentBackWithWhatToFixResubmittedAndAcceptedWithBothVersionsKept() {
        stack.on("2002-07-15");
        Response submitted = submit(Q1, SUBMISSION);
        assertThat(submitted.status()).isEqualTo(200);
        JsonNode q1 = part(submitted.body(), "returns", Q1);
        assertThat(q1.get("id").asText()).isEqualTo(SKILLS + "/2002-03 Q1");
        assertThat(q1.get("state").asText()).isEqualTo("SUBMITTED");
        assertThat(q1.get("due").asText()).isEqualTo("2002-07-26");

        stack.on("2002-07-17");
        Response sentBack = stack.call("send-return-back.json", OFFICER);
        assertThat(sentBack.status()).isEqualTo(200);
        JsonNode returned = part(sentBack.body(), "returns", Q1);
        assertThat(returned.get("state").asText()).isEqualTo("RETURNED");
        assertThat(returned.at("/reviews/0/reason").asText())
                .isEqualTo("Fix: outputs. Say how many of the 52 residents were new this quarter.");

        stack.on("2002-07-19");
        assertThat(submit(Q1, SUBMISSION.replace("52", "47")).status()).isEqualTo(200);
        stack.on("2002-07-22");
        JsonNode accepted = part(stack.call("accept-return.json", OFFICER).body(), "returns", Q1);

        assertThat(accepted.get("state").asText()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("submittedOn").asText()).isEqualTo("2002-07-15");
        assertThat(accepted.get("acceptedOn").asText()).isEqualTo("2002-07-22");
        assertThat(accepted.get("versions")).extracting(v -> v.at("/outputs/Residents taking part").asLong())
                .containsExactly(52L, 47L);
        JsonNode outputs = agreement(SKILLS).at("/outputs/0/rows/0");
        assertThat(outputs.get("value").asLong()).isEqualTo(47);
        assertThat(outputs.get("targetToDate").asText()).isEqualTo("50");
        assertThat(outputs.get("percentOfTarget").asText()).isEqualTo("94.0");
    }

    @Test
    void aMissedMilestoneHoldsItsInstalmentWithTheReasonAndTheNextRunPaysItOnceAchieved() {
        stack.on("2002-04-02");
        Response first = stack.call("post-payment-run.json", FINANCE);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body().at("/payments/0/amount").asText()).isEqualTo("200000.00");

        stack.on("2002-07-15");
        submit(Q1, SUBMISSION);
        stack.call("accept-return.json", OFFICER);

        stack.on("2002-10-01");
        Response held = stack.call("post-payment-run.json", FINANCE);
        JsonNode hold = StreamSupport.stream(held.body().get("held").spliterator(), false)
                .filter(h -> h.get("agreementId").asText().equals(SKILLS) && h.get("instalment").asInt() == 3)
                .findFirst().orElseThrow();
        assertThat(hold.get("reasons")).extracting(JsonNode::asText).containsExactly("MILESTONE_MISSED");
        assertThat(hold.get("blocking")).extracting(JsonNode::asText).containsExactly(SKILLS + "/m1");
        assertThat(hold.get("amount").asText()).isEqualTo("200000.00");
        JsonNode instalment = part(agreement(SKILLS), "instalments", "3");
        assertThat(instalment.get("state").asText()).isEqualTo("HELD");
        assertThat(instalment.at("/hold/reasons")).extracting(JsonNode::asText).contains("MILESTONE_MISSED");

        stack.on("2002-10-22");
        Response achieved = stack.call("achieve-milestone.json", OFFICER);
        assertThat(part(achieved.body(), "milestones", "m1").get("state").asText()).isEqualTo("ACHIEVED");
        submit("2002-03-Q2", SUBMISSION);
        stack.call("accept-return.json", OFFICER, Map.of("returnKey", "2002-03-Q2"), null);
        stack.on("2002-11-15");
        Response paid = stack.call("post-payment-run.json", FINANCE);
        assertThat(paid.body().get("payments")).anyMatch(p -> p.get("agreementId").asText().equals(SKILLS)
                && p.get("instalment").asInt() == 3 && p.get("paidOn").asText().equals("2002-11-15"));
    }

    @Test
    void aLeadContactSeesTheirOwnAgreementWithTheReturnsToDoAndNoOtherOrganisations() {
        stack.on("2002-08-01");
        Response mine = stack.call("list-agreements.json", LEAD);

        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body().get("agreements")).extracting(a -> a.get("id").asText()).containsExactly(SKILLS);
        assertThat(mine.body().at("/agreements/0/returnsDue/0/key").asText()).isEqualTo(Q1);
        assertThat(mine.body().at("/agreements/0/returnsDue/0/state").asText()).isEqualTo("OVERDUE");
        assertThat(mine.body().at("/agreements/0/returnsDue/0/workingDaysLate").asInt()).isEqualTo(4);
        Response notTheirs = stack.call("get-agreement.json", LEAD, Map.of("agreementId", OTHER), null);
        assertThat(notTheirs.status()).isEqualTo(403);
        assertThat(notTheirs.code()).isEqualTo("NOT_LEAD_CONTACT");
    }

    @Test
    void theReviewQueueListsTheOfficersWaitingReturnsOldestFirstWithTheLateOnesMarked() {
        stack.on("2002-10-30");
        submit("2002-03-Q2", SUBMISSION);
        stack.on("2002-11-01");
        submit(Q1, SUBMISSION);

        Response queue = stack.call("get-review-queue.json", OFFICER);

        assertThat(queue.body().get("waiting")).extracting(w -> w.get("returnKey").asText())
                .containsExactly("2002-03-Q2", Q1);
        assertThat(queue.body().get("waiting")).extracting(w -> w.get("overdue").asBoolean())
                .containsExactly(true, true);
        assertThat(stack.call("get-review-queue.json", OTHER_OFFICER).body().get("waiting")).isEmpty();
        assertThat(stack.call("get-review-queue.json", SUB_GROUP).body().get("waiting")).hasSize(2);
    }

    @Test
    void refusalsAnswerWithTheirM14ReasonAndChangeNothing() {
        stack.on("2002-06-20");
        Response early = submit(Q1, SUBMISSION);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("NOT_OPEN");
        assertThat(early.body().at("/error/subject").asText()).isEqualTo(SKILLS + "/2002-03 Q1");

        stack.on("2002-07-15");
        submit(Q1, SUBMISSION);
        Response otherOfficer = stack.call("accept-return.json", OTHER_OFFICER);
        assertThat(otherOfficer.status()).isEqualTo(403);
        assertThat(otherOfficer.code()).isEqualTo("NOT_ALLOWED");
        Response stranger = stack.call("submit-return.json", OTHER_LEAD, Map.of("returnKey", "2002-03-Q2"), SUBMISSION);
        assertThat(stranger.code()).isEqualTo("NOT_LEAD_CONTACT");

        stack.on("2002-10-01");
        stack.call("post-payment-run.json", FINANCE);
        stack.call("ask-for-override.json", FINANCE, Map.of("instalment", "3"), null);
        Response ownApproval = stack.call("approve-override.json", FINANCE, Map.of("instalment", "3"), null);
        assertThat(ownApproval.status()).isEqualTo(403);
        assertThat(ownApproval.code()).isEqualTo("APPROVED_BY_REQUESTER");
        JsonNode before = agreement(SKILLS);
        assertThat(stack.call("approve-override.json", SECOND_FINANCE, Map.of("instalment", "3"), null).status())
                .isEqualTo(200);
        assertThat(part(agreement(SKILLS), "instalments", "3").at("/override/approvedBy").asText())
                .isEqualTo("finance-margaret");
        assertThat(part(before, "instalments", "3").get("override").isNull()).isTrue();
    }

    @Test
    void badInputIsRefusedNamingEveryFieldAndNothingChanges() {
        stack.on("2002-07-15");
        Response bad = submit(Q1, """
                {"outputs": {"Residents taking part": -3, "Sessions": 2.5}, "next": "", "note": "x"}""");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().at("/error/details")).extracting(d -> d.get("field").asText())
                .contains("outputs.Residents taking part", "outputs.Sessions", "achieved", "next", "note");
        Response unknownMeasure = submit(Q1, SUBMISSION.replace("Residents taking part", "Jobs"));
        assertThat(unknownMeasure.status()).isEqualTo(400);
        assertThat(unknownMeasure.body().at("/error/details/0/field").asText()).isEqualTo("outputs.Jobs");
        Response badDate = stack.call("vary-return.json", OFFICER, Map.of("returnKey", Q1),
                "{\"to\": \"2002-02-30\", \"reason\": \"x\"}");
        assertThat(badDate.body().at("/error/details/0/field").asText()).isEqualTo("to");
        assertThat(part(agreement(SKILLS), "returns", Q1).get("state").asText()).isEqualTo("OPEN");
    }

    @Test
    void aVariedDueDateKeepsTheOriginalAndLatenessFollowsTheNewOne() {
        stack.on("2002-07-10");
        Response varied = stack.call("vary-return.json", OFFICER, Map.of("returnKey", Q1),
                "{\"to\": \"2002-08-09\", \"reason\": \"The project manager is on sick leave.\"}");

        JsonNode q1 = part(varied.body(), "returns", Q1);
        assertThat(q1.get("originalDue").asText()).isEqualTo("2002-07-26");
        assertThat(q1.get("due").asText()).isEqualTo("2002-08-09");
        assertThat(q1.at("/variations/0/reason").asText()).isEqualTo("The project manager is on sick leave.");
        stack.on("2002-08-08");
        assertThat(part(agreement(SKILLS), "returns", Q1).get("state").asText()).isEqualTo("OPEN");
    }

    @Test
    void theReminderLedgerShowsWhatTheDailyRunHandledOnceAndWhatIsStillPending() {
        stack.on("2002-07-15");
        submit(Q1, SUBMISSION);
        stack.on("2002-07-26");
        DailyRun.of(stack).run();
        DailyRun.of(stack).run();

        JsonNode reminders = stack.call("get-agreement-reminders.json", OFFICER).body().get("reminders");
        JsonNode before = StreamSupport.stream(reminders.spliterator(), false)
                .filter(r -> r.get("id").asText().equals(SKILLS + "/2002-03 Q1/r-before/2002-07-26")).findFirst()
                .orElseThrow();
        assertThat(before.get("state").asText()).isEqualTo("SUPPRESSED");
        assertThat(before.get("reason").asText()).isEqualTo("SUBMITTED");
        assertThat(before.get("plannedOn").asText()).isEqualTo("2002-07-19");
        assertThat(before.get("handledOn").asText()).isEqualTo("2002-07-26");
        assertThat(before.get("caughtUp").asBoolean()).isTrue();
        assertThat(reminders).filteredOn(r -> r.get("state").asText().equals("PENDING")).isNotEmpty();
        assertThat(reminders).extracting(r -> r.get("id").asText()).doesNotHaveDuplicates();
    }

    @Test
    void anUnknownAgreementOrReturnIsNotFound() {
        assertThat(stack.call("get-agreement.json", MANAGER, Map.of("agreementId", "contract-nobody"), null).status())
                .isEqualTo(404);
        assertThat(stack.call("accept-return.json", MANAGER, Map.of("returnKey", "2002-03-Q9"), null).status())
                .isEqualTo(404);
    }
}
