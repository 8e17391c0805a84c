package grants.template;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static grants.policycheck.CloudFormationYaml.values;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notices are written only by the functions that own them: QueueNotices (a run's notices),
 * AllocateGrants (bulletins, re-issues), CommissionRounds (letters), the daily reminder run (a sent
 * reminder's email, with its ledger row) and the daily escalation run (an escalation's email, with its
 * ledger row), HoldEvents (an event's letters, with the change that sends them) may put new ones; SendNotices
 * and EmailFeedback may only change a notice's state, so neither can be made to email anything.
 */
class NoticeWritersTest {

    /** The functions that create notices, each from records it owns. */
    private static final Set<String> NOTICE_OWNERS = Set.of("QueueNoticesFunction", "AllocateGrantsFunction",
            "CommissionRoundsFunction", "MonitorAgreementsDailyRunFunction", "GovernBoardsDailyRunFunction",
            "HoldEventsFunction", "HoldEventsDailyRunFunction");
    /** What a notice says or whom it goes to: none of it may be changed by the functions that send and mark notices. */
    private static final List<String> CONTENT = List.of("kind", "recipients", "contentId", "runId", "partnershipId",
            "programmeId", "key", "subject", "text", "html", "addressees", "attachments", "markdown", "audience");



    /** True if the statement's writes may reach the notices partition (no LeadingKeys means every partition). */
    private static boolean reachesNotices(JsonNode statement) {
        List<String> partitions = values(statement.path("Condition").path("ForAllValues:StringLike").path("dynamodb:LeadingKeys"));
        return partitions.isEmpty() || partitions.stream().anyMatch(p -> p.equals("*") || p.startsWith("NOTICES#"));
    }

    private static List<String> attributes(JsonNode statement) {
        return values(statement.path("Condition").path("ForAllValues:StringEquals").path("dynamodb:Attributes"));
    }

    private static boolean tableWrite(JsonNode statement, String action) {
        return values(statement.path("Action")).contains(action)
                && statement.path("Resource").toString().contains("GrantsTable");
    }

    @Test
    void onlyTheOwnersPutNewNotices() {
        Template.functions().forEach((id, function) -> Template.statements(function).stream()
                .filter(statement -> tableWrite(statement, "dynamodb:PutItem") || tableWrite(statement, "dynamodb:BatchWriteItem"))
                .filter(NoticeWritersTest::reachesNotices)
                .forEach(statement -> assertThat(NOTICE_OWNERS).as(id + " " + statement.path("Sid").asText()
                        + " puts items in the notices partition").contains(id)));
    }

    @Test
    void sendNoticesAndEmailFeedbackChangeOnlyANoticesState() {
        for (String id : List.of("SendNoticesFunction", "EmailFeedbackFunction")) {
            List<JsonNode> updates = Template.statements(Template.functions().get(id)).stream()
                    .filter(statement -> tableWrite(statement, "dynamodb:UpdateItem"))
                    .filter(NoticeWritersTest::reachesNotices).toList();
            assertThat(updates).as(id + " marks notices").isNotEmpty();
            updates.forEach(statement -> {
                String sid = id + " " + statement.path("Sid").asText();
                assertThat(attributes(statement)).as(sid + " names the attributes it may change").isNotEmpty()
                        .contains("state").doesNotContainAnyElementsOf(CONTENT);
                assertThat(values(statement.path("Condition").path("ForAllValues:StringLike").path("dynamodb:LeadingKeys")))
                        .as(sid).containsExactly("NOTICES#*");
            });
        }
    }

    /** The lists in template.yaml are the ones the notice store's own writes are checked against (NoticeStateWritesTest). */
    @Test
    void thePoliciesAllowExactlyWhatTheNoticeStoreWrites() {
        assertThat(allowed("SendNoticesFunction", "dynamodb:UpdateItem"))
                .containsExactlyInAnyOrderElementsOf(withKeys(grants.adapters.dynamodb.DynamoNoticeStore.SENDING_STATE));
        assertThat(allowed("EmailFeedbackFunction", "dynamodb:UpdateItem"))
                .containsExactlyInAnyOrderElementsOf(withKeys(grants.adapters.dynamodb.DynamoNoticeStore.FEEDBACK_STATE));
        assertThat(allowed("QueueNoticesFunction", "dynamodb:PutItem"))
                .containsExactlyInAnyOrderElementsOf(grants.adapters.dynamodb.DynamoNoticeStore.NOTICE_ATTRIBUTES);
        assertThat(allowed("GovernBoardsDailyRunFunction", "dynamodb:PutItem"))
                .as("an escalation's email: a reminder's notice attributes, as the daily reminder run's")
                .isNotEmpty().isSubsetOf(grants.adapters.dynamodb.DynamoNoticeStore.NOTICE_ATTRIBUTES)
                .containsExactlyInAnyOrderElementsOf(allowed("MonitorAgreementsDailyRunFunction", "dynamodb:PutItem"));
    }

    private static List<String> allowed(String function, String action) {
        return Template.statements(Template.functions().get(function)).stream()
                .filter(statement -> tableWrite(statement, action)).filter(NoticeWritersTest::reachesNotices)
                .map(NoticeWritersTest::attributes).findFirst().orElseThrow();
    }

    private static List<String> withKeys(List<String> attributes) {
        List<String> all = new ArrayList<>(List.of("pk", "sk"));
        all.addAll(attributes);
        return all;
    }

    /** QueueNotices creates a run's notices, which SendNotices renders from the run: it never writes a letter's content. */
    @Test
    void queueNoticesPutsANoticesAttributesOnlyNeverALettersContent() {
        Map<String, JsonNode> functions = Template.functions();
        Template.statements(functions.get("QueueNoticesFunction")).stream()
                .filter(statement -> tableWrite(statement, "dynamodb:PutItem") || tableWrite(statement, "dynamodb:UpdateItem"))
                .forEach(statement -> assertThat(attributes(statement)).as(statement.path("Sid").asText())
                        .contains("recipients", "state").doesNotContain("subject", "text", "html", "addressees", "markdown"));
    }
}
