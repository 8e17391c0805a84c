package grants.functions.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import grants.core.access.Actor;
import grants.core.audit.AuditEntry;
import grants.functions.monitoring.MonitoringOnTheEmulators.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

import static grants.functions.monitoring.MonitoringOnTheEmulators.LEAD;
import static grants.functions.monitoring.MonitoringOnTheEmulators.MANAGER;
import static grants.functions.monitoring.MonitoringOnTheEmulators.OFFICER;
import static grants.functions.monitoring.MonitoringOnTheEmulators.OTHER_LEAD;
import static grants.functions.monitoring.MonitoringOnTheEmulators.ROUND;
import static grants.functions.monitoring.MonitoringOnTheEmulators.SKILLS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lead contact saves a return as a draft and comes back to it: nobody else sees it, it is not
 * submitted, counts nothing and does not stop the return becoming late. The return carries evidence
 * for the agreement's milestones; a submitted version is kept as it was, drafts and later versions
 * notwithstanding.
 */
class ReturnDraftsTest {

    private static final String Q1 = "2002-03-Q1";
    private static final String DRAFT = """
            {"outputs": {"Residents taking part": 30}, "achieved": "First cohort started.", "next": "",
             "milestoneEvidence": {"m1": "The steering group met on 10 July 2002."}}""";
    private static final String SUBMISSION = """
            {"outputs": {"Residents taking part": 52}, "achieved": "Two cohorts started.", "next": "Open Foleshill.",
             "milestoneEvidence": {"m1": "The steering group met on 10 July 2002; minutes attached."}}""";

    /** A fresh table for each test (JUnit makes the class anew for each). */
    private final MonitoringOnTheEmulators stack = new MonitoringOnTheEmulators(getClass());

    /** The first return, drafted ({@code save-return-draft.json}) or submitted ({@code submit-return.json}). */
    private Response onQ1(String eventFile, Actor who, String body) {
        return stack.call(eventFile, who, Map.of("agreementId", SKILLS, "returnKey", Q1), body);
    }

    private Response draft(Actor who, String body) {
        return onQ1("save-return-draft.json", who, body);
    }

    private JsonNode q1As(Actor who) {
        Response response = stack.call("get-agreement.json", who, Map.of("agreementId", SKILLS), null);
        assertThat(response.status()).isEqualTo(200);
        return q1(response.body());
    }

    private static JsonNode q1(JsonNode agreement) {
        return StreamSupport.stream(agreement.get("returns").spliterator(), false)
                .filter(r -> r.get("key").asText().equals(Q1)).findFirst().orElseThrow();
    }

    @Test
    void aDraftIsTheLeadContactsAloneAndASubmittedVersionIsKeptAsItWas() {
        stack.on("2002-07-15");
        Response saved = draft(LEAD, DRAFT);
        assertThat(saved.status()).isEqualTo(200);
        assertThat(q1(saved.body()).at("/draft/outputs/Residents taking part").asLong()).isEqualTo(30);
        assertThat(q1(saved.body()).get("state").asText()).as("not submitted").isEqualTo("OPEN");

        JsonNode seenByManager = q1As(MANAGER);
        assertThat(seenByManager.has("draft")).as("a reviewer does not see a draft").isFalse();
        assertThat(seenByManager.get("versions")).isEmpty();
        assertThat(stack.call("get-review-queue.json", OFFICER).body().get("waiting")).isEmpty();

        stack.on("2002-07-30");
        JsonNode comeBack = q1As(LEAD);
        assertThat(comeBack.at("/draft/achieved").asText()).isEqualTo("First cohort started.");
        assertThat(comeBack.at("/draft/next").asText()).as("a box left empty").isEmpty();
        assertThat(comeBack.at("/draft/milestoneEvidence/m1").asText()).isEqualTo("The steering group met on 10 July 2002.");
        assertThat(comeBack.get("state").asText()).as("a draft does not stop lateness").isEqualTo("OVERDUE");
        assertThat(comeBack.get("workingDaysLate").asInt()).isEqualTo(2);

        JsonNode submitted = q1(onQ1("submit-return.json", LEAD, SUBMISSION).body());
        assertThat(submitted.get("state").asText()).isEqualTo("SUBMITTED");
        assertThat(submitted.get("draft").isNull()).as("the draft became the version").isTrue();
        assertThat(submitted.at("/versions/0/milestoneEvidence/m1").asText())
                .isEqualTo("The steering group met on 10 July 2002; minutes attached.");
        Response whileSubmitted = draft(LEAD, DRAFT);
        assertThat(whileSubmitted.status()).isEqualTo(409);
        assertThat(whileSubmitted.code()).isEqualTo("ALREADY_SUBMITTED");

        stack.on("2002-07-31");
        assertThat(stack.call("send-return-back.json", OFFICER).status()).isEqualTo(200);
        assertThat(draft(LEAD, DRAFT.replace("30", "47")).status()).isEqualTo(200);
        JsonNode afterDraft = q1As(MANAGER);
        assertThat(afterDraft.get("state").asText()).isEqualTo("RETURNED");
        assertThat(afterDraft.get("versions")).singleElement().satisfies(first -> {
            assertThat(first.at("/outputs/Residents taking part").asLong()).isEqualTo(52);
            assertThat(first.get("on").asText()).isEqualTo("2002-07-30");
        });
        assertThat(stack.wiring.auditLog().page(ROUND, Optional.empty(), 50).entries()).extracting(AuditEntry::action)
                .filteredOn(action -> action.equals("RETURN_DRAFT_SAVED")).hasSize(2);
    }

    @Test
    void evidenceOnlyForTheAgreementsMilestonesAndADraftOnlyByItsOwnLeadContact() {
        stack.on("2002-07-15");
        Response unknown = draft(LEAD, DRAFT.replace("\"m1\"", "\"m9\""));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().at("/error/details/0/field").asText()).isEqualTo("milestoneEvidence.m9");
        Response empty = onQ1("submit-return.json", LEAD, SUBMISSION.replace("The steering group met on 10 July 2002; minutes attached.", ""));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().at("/error/details/0/field").asText()).isEqualTo("milestoneEvidence.m1");
        Response notTheirs = draft(OTHER_LEAD, DRAFT);
        assertThat(notTheirs.status()).isEqualTo(403);
        assertThat(notTheirs.code()).isEqualTo("NOT_LEAD_CONTACT");
        assertThat(draft(MANAGER, DRAFT).status()).isEqualTo(403);

        JsonNode q1 = q1As(LEAD);
        assertThat(q1.get("draft").isNull()).as("nothing changed").isTrue();
        assertThat(q1.get("versions")).isEmpty();
    }
}
