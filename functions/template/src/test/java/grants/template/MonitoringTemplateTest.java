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

    private static final JsonNode SCHEDULE = Template.resources().path("MonitorAgreementsDailyRunSchedule");
    private static final JsonNode HTTP = Template.functions().get("MonitorAgreementsFunction");
    private static final JsonNode DAILY_RUN = Template.functions().get("MonitorAgreementsDailyRunFunction");

    @Test
    void theDailyRunIsScheduledAtSevenInTheMorningLondonTime() {
        JsonNode properties = SCHEDULE.path("Properties");
        assertThat(SCHEDULE.path("Type").asText()).isEqualTo("AWS::Scheduler::Schedule");
        assertThat(properties.path("ScheduleExpression").asText()).isEqualTo("cron(0 7 * * ? *)");
        assertThat(properties.path("ScheduleExpressionTimezone").asText()).isEqualTo("Europe/London");
        assertThat(properties.path("State").asText("ENABLED")).isEqualTo("ENABLED");
        assertThat(properties.path("Target").path("Arn").path("Ref").asText()).as("the run's SnapStart alias")
                .isEqualTo("MonitorAgreementsDailyRunFunction.Alias");
    }

    @Test
    void aFailedDailyRunIsRetriedThenKeptInAnAlarmedDeadLetterQueue() {
        JsonNode target = SCHEDULE.path("Properties").path("Target");
        assertThat(target.path("RetryPolicy").path("MaximumRetryAttempts").asInt()).isPositive();
        String queue = target.path("DeadLetterConfig").path("Arn").path("Fn::GetAtt").path(0).asText();
        assertThat(Template.resources().path(queue).path("Type").asText()).isEqualTo("AWS::SQS::Queue");
        assertThat(Template.resourcesOfType("AWS::CloudWatch::Alarm").values()).anyMatch(alarm ->
                alarm.path("Properties").path("MetricName").asText().equals("ApproximateNumberOfMessagesVisible")
                        && alarm.path("Properties").path("Dimensions").toString().contains(queue));
        String role = target.path("RoleArn").path("Fn::GetAtt").path(0).asText();
        String roleText = Template.resources().path(role).toString();
        assertThat(roleText).contains("scheduler.amazonaws.com", "lambda:InvokeFunction", "sqs:SendMessage")
                .doesNotContain("dynamodb");
        for (String function : List.of("MonitorAgreementsFunction", "MonitorAgreementsDailyRunFunction")) {
            assertThat(Template.resourcesOfType("AWS::CloudWatch::Alarm").values()).as(function + " Errors alarm")
                    .anyMatch(alarm -> alarm.path("Properties").path("MetricName").asText().equals("Errors")
                            && alarm.path("Properties").path("Dimensions").findValuesAsText("Ref").contains(function));
        }
    }

    @Test
    void onlyTheDailyRunWritesTheLedgerWithItsRemindersNoticesAndNeitherWritesElsewhere() {
        assertThat(writtenPartitions(DAILY_RUN)).as("a ledger row, a sent reminder's notice in its transaction, "
                + "and an agreement's pointer to its next reminder's day").containsExactlyInAnyOrder("LEDGER#*", "NOTICES#*", "REMINDER#*");
        assertThat(writtenPartitions(HTTP)).as("agreements, their reminders' days, the payment runs kept by day, "
                + "and the address of an officer a manager names").containsExactlyInAnyOrder("AGREEMENT#*", "REMINDER#*",
                "PAYMENT_RUN#*", "PERSON#*");
        List<String> monitoring = List.of("AGREEMENT#*", "REMINDER#*", "LEDGER#*", "CALENDAR#*", "REMINDER##DAYS");
        // Where reminders go: the daily run reads the round's or programme's addresses, officers' addresses and the
        // suppression list.
        List<String> addresses = List.of("NOTICES#*", "ROUND#*", "PROGRAMME#*", "PERSON#*", "SUPPRESSED#*");
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
