package grants.template;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every daily run's part of the template holds: its schedule at 07:00 London time all year (not
 * a UTC cron, which would move an hour in summer) through the run's SnapStart alias, retried, then
 * kept in an alarmed dead-letter queue, by a role that may invoke the run and nothing of the table;
 * and an Errors alarm on each function named.
 */
final class DailyRuns {

    private DailyRuns() {
    }

    static void scheduledAtSevenLondonTime(String scheduleId, String runFunction) {
        JsonNode schedule = Template.resources().path(scheduleId);
        JsonNode properties = schedule.path("Properties");
        assertThat(schedule.path("Type").asText()).isEqualTo("AWS::Scheduler::Schedule");
        assertThat(properties.path("ScheduleExpression").asText()).isEqualTo("cron(0 7 * * ? *)");
        assertThat(properties.path("ScheduleExpressionTimezone").asText()).isEqualTo("Europe/London");
        assertThat(properties.path("State").asText("ENABLED")).isEqualTo("ENABLED");
        assertThat(properties.path("Target").path("Arn").path("Ref").asText()).as("the run's SnapStart alias")
                .isEqualTo(runFunction + ".Alias");
    }

    static void retriedThenDeadLetteredAndAlarmed(String scheduleId, String... alarmedFunctions) {
        JsonNode target = Template.resources().path(scheduleId).path("Properties").path("Target");
        assertThat(target.path("RetryPolicy").path("MaximumRetryAttempts").asInt()).isPositive();
        String queue = target.path("DeadLetterConfig").path("Arn").path("Fn::GetAtt").path(0).asText();
        assertThat(Template.resources().path(queue).path("Type").asText()).isEqualTo("AWS::SQS::Queue");
        assertThat(Template.resourcesOfType("AWS::CloudWatch::Alarm").values()).anyMatch(alarm ->
                alarm.path("Properties").path("MetricName").asText().equals("ApproximateNumberOfMessagesVisible")
                        && alarm.path("Properties").path("Dimensions").toString().contains(queue));
        String role = target.path("RoleArn").path("Fn::GetAtt").path(0).asText();
        assertThat(Template.resources().path(role).toString())
                .contains("scheduler.amazonaws.com", "lambda:InvokeFunction", "sqs:SendMessage").doesNotContain("dynamodb");
        for (String function : alarmedFunctions) {
            assertThat(Template.resourcesOfType("AWS::CloudWatch::Alarm").values()).as(function + " Errors alarm")
                    .anyMatch(alarm -> alarm.path("Properties").path("MetricName").asText().equals("Errors")
                            && alarm.path("Properties").path("Dimensions").findValuesAsText("Ref").contains(function));
        }
    }
}
