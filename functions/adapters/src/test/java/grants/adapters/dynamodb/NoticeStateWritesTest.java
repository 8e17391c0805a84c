package grants.adapters.dynamodb;

import grants.core.notices.Letter;
import grants.core.notices.Notice;
import grants.core.notices.NoticeKind;
import grants.core.notices.NoticeState;
import grants.localaws.AwsStack;
import grants.localaws.TestAwsStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the notice store really writes to a notice when it is sent or marked, read off the requests
 * themselves: the attributes SendNotices' and EmailFeedback's policies allow ({@link
 * DynamoNoticeStore#SENDING_STATE}, {@link DynamoNoticeStore#FEEDBACK_STATE}) are enough, and a
 * notice's item has only {@link DynamoNoticeStore#NOTICE_ATTRIBUTES}.
 */
class NoticeStateWritesTest {

    /** Each write to the notices partition: the attributes it names, update or put. */
    private static final class Recorder implements ExecutionInterceptor {
        final List<Set<String>> noticeUpdates = new ArrayList<>();
        final List<Set<String>> noticePuts = new ArrayList<>();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof UpdateItemRequest update) {
                record(update.key().get(GrantsTable.PK).s(), update.updateExpression(), update.expressionAttributeNames());
            } else if (context.request() instanceof TransactWriteItemsRequest transaction) {
                transaction.transactItems().forEach(item -> {
                    if (item.update() != null) {
                        record(item.update().key().get(GrantsTable.PK).s(), item.update().updateExpression(),
                                item.update().expressionAttributeNames());
                    }
                    if (item.put() != null && item.put().item().get(GrantsTable.PK).s().startsWith("NOTICES#")) {
                        noticePuts.add(new TreeSet<>(item.put().item().keySet()));
                    }
                });
            } else if (context.request() instanceof PutItemRequest put && put.item().get(GrantsTable.PK).s().startsWith("NOTICES#")) {
                noticePuts.add(new TreeSet<>(put.item().keySet()));
            }
        }

        private void record(String pk, String expression, Map<String, String> names) {
            if (!pk.startsWith("NOTICES#")) {
                return;
            }
            Set<String> named = new TreeSet<>();
            for (String clause : expression.split("(?i)\\b(?=SET |REMOVE |ADD |DELETE )")) {
                String body = clause.replaceFirst("(?i)^(SET|REMOVE|ADD|DELETE)\\s+", "");
                for (String part : body.split(",")) {
                    String name = part.split("=")[0].trim().split("\\s+")[0];
                    named.add(names.getOrDefault(name, name));
                }
            }
            noticeUpdates.add(named);
        }
    }

    private final Recorder recorder = new Recorder();
    private DynamoNoticeStore store;

    @BeforeEach
    void storeWhoseRequestsAreRecorded() {
        AwsStack stack = TestAwsStack.shared();
        DynamoDbClient client = DynamoDbClient.builder().region(Region.EU_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(stack.accessKey(),
                        stack.secretKey())))
                .httpClient(UrlConnectionHttpClient.create()).endpointOverride(stack.dynamoDbEndpoint())
                .overrideConfiguration(config -> config.addExecutionInterceptor(recorder)).build();
        String name = TestAwsStack.uniqueTableName(getClass());
        GrantsTable.createIfMissing(client, name);
        store = new DynamoNoticeStore(new GrantsTable(client, name, Clock.systemUTC()));
    }

    private static Notice notice(String key) {
        return Notice.queued("wm", key, NoticeKind.FUNDED, "run-1", "rugby", null, List.of("clerk@rugby.gov.uk"), "first",
                java.time.Instant.parse("2007-06-01T09:00:00Z"));
    }

    @Test
    void sendingAndFeedbackChangeOnlyTheStateAttributesThePoliciesAllow() {
        store.create(notice("run-1/rugby/FUNDED"));
        store.create(notice("run-1/leam/FUNDED"));
        recorder.noticeUpdates.clear();

        store.claim("wm", "run-1/rugby/FUNDED");
        store.release("wm", "run-1/rugby/FUNDED", "throttled");
        store.claim("wm", "run-1/rugby/FUNDED");
        store.sent("wm", "run-1/rugby/FUNDED", "0100-abc", List.of("clerk@rugby.gov.uk"));
        store.claim("wm", "run-1/leam/FUNDED");
        store.failed("wm", "run-1/leam/FUNDED", "address rejected");
        List<Set<String>> sending = List.copyOf(recorder.noticeUpdates);
        recorder.noticeUpdates.clear();
        store.feedback("wm", "run-1/rugby/FUNDED", NoticeState.BOUNCED, "bounced (Permanent)");

        assertThat(sending).hasSize(6).allSatisfy(names -> assertThat(DynamoNoticeStore.SENDING_STATE).containsAll(names));
        assertThat(recorder.noticeUpdates).singleElement()
                .satisfies(names -> assertThat(DynamoNoticeStore.FEEDBACK_STATE).containsAll(names));
        assertThat(store.get("wm", "run-1/rugby/FUNDED").orElseThrow().state()).isEqualTo(NoticeState.BOUNCED);
    }

    @Test
    void aNoticesItemHasOnlyTheNoticeAttributesAndALetterHasOthers() {
        store.create(notice("run-1/rugby/FUNDED"));
        store.create(new Notice("wm", "run-1/leam/FUNDED/resend-1", NoticeKind.FUNDED, "run-1", "leam", "c-1",
                List.of("a@b.example"), NoticeState.QUEUED, null, "re-issued", List.of(), java.time.Instant.now()));
        List<Set<String>> notices = List.copyOf(recorder.noticePuts);
        recorder.noticePuts.clear();
        store.putLetter("round-1", "call", new Letter("Call", "text", "<p>html</p>", List.of("clerk@rugby.gov.uk")));

        assertThat(notices).hasSize(2).allSatisfy(names -> assertThat(DynamoNoticeStore.NOTICE_ATTRIBUTES).containsAll(names));
        assertThat(recorder.noticePuts).singleElement().satisfies(names ->
                assertThat(DynamoNoticeStore.NOTICE_ATTRIBUTES).doesNotContainAnyElementsOf(
                        names.stream().filter(name -> !name.equals(GrantsTable.PK) && !name.equals(GrantsTable.SK)
                                && !name.equals(GrantsTable.SCHEMA_VERSION_ATTRIBUTE)).toList()));
    }
}
