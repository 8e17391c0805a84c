package grants.template;

import com.fasterxml.jackson.databind.JsonNode;
import grants.functions.monitoring.MonitorAgreementsHandler;
import grants.functions.reminders.DailyReminderRunHandler;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static grants.policycheck.CloudFormationYaml.values;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Monitoring's part of the template: the daily reminder run at 07:00 London time all year (not a UTC
 * cron, which would move an hour in summer), retried and then kept in an alarmed dead-letter queue;
 * only the daily run writes the ledger; each function is given every setting its handler reads.
 */
class MonitoringTemplateTest {

    private static final JsonNode HTTP = Template.functions().get("MonitorAgreementsFunction");
    private static final JsonNode DAILY_RUN = Template.functions().get("MonitorAgreementsDailyRunFunction");

    @Test
    void theDailyRunIsScheduledAtSevenInTheMorningLondonTime() {
        DailyRuns.scheduledAtSevenLondonTime("MonitorAgreementsDailyRunSchedule", "MonitorAgreementsDailyRunFunction");
    }

    @Test
    void aFailedDailyRunIsRetriedThenKeptInAnAlarmedDeadLetterQueue() {
        DailyRuns.retriedThenDeadLetteredAndAlarmed("MonitorAgreementsDailyRunSchedule", "MonitorAgreementsFunction",
                "MonitorAgreementsDailyRunFunction");
    }

    @Test
    void onlyTheDailyRunWritesTheLedgerWithItsRemindersNoticesAndNeitherWritesElsewhere() {
        assertThat(writtenPartitions(DAILY_RUN)).as("a ledger row, a sent reminder's notice in its transaction, "
                + "and an agreement's pointer to its next reminder's day").containsExactlyInAnyOrder("LEDGER#*", "NOTICES#*", "REMINDER#*");
        assertThat(writtenPartitions(HTTP)).as("agreements (and each scope's settings), their reminders' days, the "
                + "payment runs kept by day, the address of an officer a manager names, and the bank holidays")
                .containsExactlyInAnyOrder("AGREEMENT#*", "REMINDER#*", "PAYMENT_RUN#*", "PERSON#*", "CALENDAR#*");
        List<String> monitoring = List.of("AGREEMENT#*", "REMINDER#*", "LEDGER#*", "CALENDAR#*", "REMINDER##DAYS");
        // Where reminders go: the daily run reads the round's or programme's addresses, officers' addresses and the
        // suppression list; and, to remind indicator owners, the registers (read only: it writes under no REGISTER#).
        List<String> addresses = List.of("NOTICES#*", "ROUND#*", "PROGRAMME#*", "PERSON#*", "SUPPRESSED#*", "REGISTER#*");
        for (JsonNode function : List.of(HTTP, DAILY_RUN)) {
            for (JsonNode statement : Template.statements(function)) {
                if (Template.referencedResources(statement.path("Resource")).contains("GrantsTable")) {
                    assertThat(values(statement.path("Condition").path("ForAllValues:StringLike")
                            .path("dynamodb:LeadingKeys"))).as(statement.path("Sid").asText())
                            .isNotEmpty().allMatch(key -> monitoring.contains(key)
                                    || function == DAILY_RUN && addresses.contains(key)
                                    || function == HTTP && (key.equals("PAYMENT_RUN#*") || key.equals("PERSON#*")));
                }
            }
        }
    }

    @Test
    void eachFunctionIsGivenEverySettingItsHandlerReads() {
        assertThat(Template.environment(HTTP)).containsAll(MonitorAgreementsHandler.SETTINGS);
        assertThat(Template.environment(DAILY_RUN)).containsAll(DailyReminderRunHandler.SETTINGS);
        List<String> routes = new ArrayList<>();
        HTTP.path("Events").forEach(event -> routes.add(event.path("Properties").path("Method").asText() + " "
                + event.path("Properties").path("Path").asText()));
        assertThat(routes).containsExactlyInAnyOrderElementsOf(MonitorAgreementsHandler.ROUTES);
        assertThat(DAILY_RUN.path("Events").isMissingNode() || DAILY_RUN.path("Events").isEmpty())
                .as("the daily run is started by its schedule, never by the API").isTrue();
    }

    private static List<String> writtenPartitions(JsonNode function) {
        List<String> partitions = new ArrayList<>();
        for (JsonNode statement : Template.statements(function)) {
            boolean writes = values(statement.path("Action")).stream().anyMatch(action -> action.equals("dynamodb:PutItem")
                    || action.equals("dynamodb:UpdateItem"));
            if (writes && Template.referencedResources(statement.path("Resource")).contains("GrantsTable")) {
                partitions.addAll(values(statement.path("Condition").path("ForAllValues:StringLike")
                        .path("dynamodb:LeadingKeys")));
            }
        }
        return partitions;
    }
}
