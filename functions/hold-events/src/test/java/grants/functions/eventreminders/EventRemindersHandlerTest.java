package grants.functions.eventreminders;

import grants.adapters.aws.AwsClients;
import grants.adapters.aws.Environment;
import grants.adapters.dynamodb.AuditTable;
import grants.adapters.dynamodb.DynamoEventStore;
import grants.adapters.dynamodb.DynamoSupportStore;
import grants.adapters.dynamodb.GrantsTable;
import grants.adapters.wiring.Wiring;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.events.EventForm;
import grants.core.events.EventService;
import grants.core.notices.Notice;
import grants.core.support.Adviser;
import grants.localaws.AwsStack;
import grants.localaws.LocalLambdaContext;
import grants.localaws.TestAwsStack;
import grants.testing.SettableClock;
import grants.testing.TestProgrammes;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events' daily reminder run on DynamoDB Local, as the schedule invokes it: two working days before a workshop
 * everyone with a place is reminded, once, however often the run is retried; earlier, nothing is sent.
 */
class EventRemindersHandlerTest {

    private static final String L2D = "l2d-2007-08";

    @Test
    void everyoneWithAPlaceIsRemindedOnceTwoWorkingDaysBefore() {
        SettableClock clock = new SettableClock(Instant.parse("2007-06-08T06:00:00Z")); // Friday, 7am in London
        String table = TestAwsStack.uniqueTableName(getClass());
        AwsStack stack = TestAwsStack.shared();
        Wiring wiring = new Wiring(Environment.of(Map.of(Environment.TABLE, table, Environment.AUDIT_TABLE, table + "-audit")),
                AwsClients.local(new AwsClients.Endpoints(stack::dynamoDbEndpoint, stack::s3Endpoint, stack::sesEndpoint,
                        stack::sqsEndpoint), stack.accessKey(), stack.secretKey()), clock);
        GrantsTable.createIfMissing(wiring.aws().dynamoDb(), table);
        AuditTable.createIfMissing(wiring.aws().dynamoDb(), table + "-audit");
        wiring.programmes().save(TestProgrammes.programme(TestProgrammes.WEST_MIDLANDS, L2D), "sample-hash",
                OptionalLong.empty());
        DynamoSupportStore support = new DynamoSupportStore(wiring.table(), wiring.auditTable());
        support.putAdviser(L2D, new Adviser("adviser-health", "Health adviser", List.of("health"), 40));
        EventService events = new EventService(wiring.programmes(), support,
                new DynamoEventStore(wiring.table(), wiring.auditTable()), clock);
        events.create(Actor.system("manager@westmidlands.example", Role.PROGRAMME_MANAGER), L2D, "pm-workshop",
                new EventForm("WORKSHOP", "Performance management", "performance-management", "2007-06-14", "10:00",
                        "13:00", "Council House, Coventry", null, "10", List.of("adviser-health"), "0.5", List.of(), null, null));
        events.register(new Actor("coventry-rep", null, Set.of(Role.PARTNERSHIP_MEMBER), Optional.of("coventry"),
                Optional.empty()), L2D, "pm-workshop", new EventService.Person("coventry", "Ann Lee", "ann@coventry.example"));
        EventRemindersHandler run = new EventRemindersHandler(wiring);

        assertThat(run.handleRequest(Map.of("run", "event-reminders"), new LocalLambdaContext("HoldEventsDailyRunFunction")))
                .as("four working days before").contains("0 event(s) reminded");
        clock.set(Instant.parse("2007-06-12T06:00:00Z")); // Tuesday: the 14th is two working days on
        assertThat(run.handleRequest(Map.of(), null)).contains("1 event(s) reminded [l2d-2007-08/pm-workshop]");
        assertThat(run.handleRequest(Map.of(), null)).as("a retried run sends nothing more").contains("0 event(s) reminded");

        List<Notice> reminders = wiring.notices().withPrefix(L2D, "event/pm-workshop/reminder/");
        assertThat(reminders).singleElement().satisfies(notice ->
                assertThat(notice.recipients()).containsExactly("ann@coventry.example"));
        assertThat(wiring.notices().letter(L2D, reminders.get(0).contentId()).orElseThrow().subject())
                .isEqualTo("Reminder: Performance management on 14 June 2007");
    }
}
