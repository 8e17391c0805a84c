package grants.policycheck;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** IAM's semantics, as the check applies them, on a small template of two functions. */
class PolicyEvaluatorTest {

    private static final String TABLE = TemplatePolicies.arnOf("dynamodb", "Table", "");
    private final PolicyEvaluator evaluator = PolicyEvaluator.of(resource("small-template.yaml"));
    private final SdkCalls calls = new SdkCalls(new SdkCalls.KeyNames() {
        @Override
        public String partitionKey(String localTable) {
            return "pk";
        }

        @Override
        public Optional<String> sortKey(String localTable) {
            return Optional.of("sk");
        }
    });

    @Test
    void anActionWildcardCoversTheActionsItNamesAndNoOthersWhateverTheirCase() {
        assertThat(allowed(item("dynamodb:GetItem", "ANYTHING"))).isTrue();
        assertThat(allowed(item("DynamoDB:getitem", "ANYTHING"))).isTrue();
        assertThat(allowed(item("dynamodb:UpdateItem", "ROUND#r1"))).as("not Get*, and not in WriteRoundsOnly").isFalse();
    }

    @Test
    void leadingKeysAreMatchedAsStringLikeGlobsSoRoundStarDoesNotMatchRounds() {
        assertThat(allowed(item("dynamodb:PutItem", "ROUND#r1"))).isTrue();
        assertThat(allowed(item("dynamodb:PutItem", "ROUND#"))).as("* matches nothing too").isTrue();
        assertThat(allowed(item("dynamodb:PutItem", "ROUNDS"))).isFalse();
        assertThat(allowed(item("dynamodb:PutItem", "R1"))).as("? is exactly one character").isTrue();
        assertThat(allowed(item("dynamodb:PutItem", "R12"))).isFalse();
        assertThat(allowed(item("dynamodb:PutItem", "round#r1"))).as("StringLike is case-sensitive").isFalse();
    }

    @Test
    void everyLeadingKeyOfABatchMustMatchForAllValues() {
        BatchWriteItemRequest batch = BatchWriteItemRequest.builder().requestItems(Map.of("grants-local", List.of(
                put("ROUND#r1", "CONTRACT#1"), put("ROUND#r1", "CONTRACT#2"), put("PROGRAMME#p", "PROGRAMME")))).build();

        List<SdkCalls.Access> accesses = calls.of("DynamoDb", "BatchWriteItem", batch);

        assertThat(accesses).singleElement().satisfies(access -> {
            assertThat(access.action()).isEqualTo("dynamodb:BatchWriteItem");
            assertThat(access.leadingKeys()).containsExactly("PROGRAMME#p", "ROUND#r1");
        });
        assertThat(allowed(new IamRequest("RoundsFunction", "dynamodb:BatchWriteItem", TABLE,
                Map.of(IamRequest.LEADING_KEYS, accesses.get(0).leadingKeys()), "batch"))).isFalse();
        assertThat(allowed(new IamRequest("RoundsFunction", "dynamodb:BatchWriteItem", TABLE,
                Map.of(IamRequest.LEADING_KEYS, List.of("ROUND#r1")), "batch"))).isTrue();
    }

    @Test
    void eachActionInsideATransactionIsAuthorizedOnItsOwn() {
        TransactWriteItemsRequest transaction = TransactWriteItemsRequest.builder().transactItems(
                TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName("t")
                        .key(key("ROUND#r1", "ROUND")).conditionExpression("attribute_exists(pk)").build()).build(),
                TransactWriteItem.builder().put(Put.builder().tableName("t").item(key("ROUNDS", "ROUNDS")).build()).build())
                .build();

        List<SdkCalls.Access> accesses = calls.of("DynamoDb", "TransactWriteItems", transaction);

        assertThat(accesses).extracting(SdkCalls.Access::action)
                .containsExactly("dynamodb:ConditionCheckItem", "dynamodb:PutItem");
        assertThat(accesses).extracting(SdkCalls.Access::leadingKeys)
                .containsExactly(List.of("ROUND#r1"), List.of("ROUNDS"));
        assertThat(accesses.get(1).call()).contains("TransactWriteItems: Put", "pk=ROUNDS", "sk=ROUNDS");
        PolicyEvaluator.Decision put = evaluator.evaluate(new IamRequest("RoundsFunction", accesses.get(1).action(),
                TABLE, Map.of(IamRequest.LEADING_KEYS, accesses.get(1).leadingKeys()), accesses.get(1).call()));
        assertThat(put.allowed()).isFalse();
        assertThat(put.explanation()).contains("dynamodb:PutItem", "ROUNDS", "WriteRoundsOnly", "ROUND#*");
    }

    @Test
    void aQueryIsAuthorizedOnThePartitionOfItsKeyCondition() {
        QueryRequest query = QueryRequest.builder().tableName("t").keyConditionExpression("#p = :pk AND begins_with(sk, :s)")
                .expressionAttributeNames(Map.of("#p", "pk"))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("ROUND#r1"), ":s", AttributeValue.fromS("X")))
                .build();

        assertThat(calls.of("DynamoDb", "Query", query)).singleElement()
                .satisfies(access -> assertThat(access.leadingKeys()).containsExactly("ROUND#r1"));
    }

    @Test
    void anObjectIsAllowedOnlyUnderThePrefixTheResourceNames() {
        assertThat(allowed(object("exports/r1/round-decisions/payments.csv"))).isTrue();
        assertThat(allowed(object("exports/r1/payments.csv"))).isFalse();
        assertThat(allowed(object("uploads/r1/round-decisions/payments.csv"))).isFalse();
    }

    @Test
    void aDenyStatementWinsOverAnAllow() {
        PolicyEvaluator.Decision decision = evaluator.evaluate(item("dynamodb:DeleteItem", "ROUND#r1"));

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.explanation()).contains("NeverDeleteDecisions");
    }

    @Test
    void theTemplatesReferencesResolveToTheArnsIamSees() {
        TemplatePolicies template = evaluator.template();

        assertThat(template.statements("MailFunction")).extracting(Statement::sid, Statement::resources).contains(
                org.assertj.core.groups.Tuple.tuple("Send", List.of(
                        "arn:aws:ses:eu-west-2:123456789012:identity/SesIdentity",
                        "arn:aws:ses:eu-west-2:123456789012:configuration-set/ConfigurationSet")),
                org.assertj.core.groups.Tuple.tuple("Queue", List.of("arn:aws:sqs:eu-west-2:123456789012:Queue")),
                org.assertj.core.groups.Tuple.tuple("ReadTheStream",
                        List.of(TABLE + "/stream/2026-01-01T00:00:00.000")));
        assertThat(template.namedByVariable()).containsEntry("TABLE_NAME", "Table").containsEntry("SENDER", "SenderEmail");
        assertThat(template.handlerPackages()).containsEntry("RoundsFunction", "example.rounds");
        assertThat(template.partitionKey("Table")).contains("pk");
    }

    @Test
    void aBatchOfMessagesNeedsSendMessageAndAStreamStatementCoversNotTheTable() {
        SendMessageBatchRequest batch = SendMessageBatchRequest.builder().queueUrl("http://127.0.0.1:9324/q").build();

        assertThat(calls.of("Sqs", "SendMessageBatch", batch)).singleElement()
                .satisfies(access -> assertThat(access.action()).isEqualTo("sqs:SendMessage"));
        assertThat(allowed(new IamRequest("MailFunction", "dynamodb:GetRecords", TABLE, Map.of(), "GetRecords")))
                .as("the stream's ARN is below the table's, not the table's").isFalse();
        assertThat(allowed(new IamRequest("MailFunction", "ses:SendEmail",
                TemplatePolicies.arnOf("ses", "SesIdentity", "identity"), Map.of(), "send"))).isTrue();
        assertThat(allowed(new IamRequest("MailFunction", "ses:SendEmail",
                TemplatePolicies.arnOf("ses", "someone@example.org", "identity"), Map.of(), "send"))).isFalse();
    }

    @Test
    void aResourceTheCheckCannotResolveAllowsNothingAndIsListed() {
        assertThat(evaluator.template().unresolved()).singleElement().asString().startsWith("MailFunction NotUnderstood");
        assertThat(allowed(new IamRequest("MailFunction", "sqs:DeleteMessage", TemplatePolicies.arnOf("sqs", "Queue", ""),
                Map.of(), "DeleteMessage"))).isFalse();
    }

    @Test
    void aFunctionTheTemplateDoesNotNameMayDoNothing() {
        assertThat(allowed(new IamRequest("NoSuchFunction", "dynamodb:GetItem", TABLE,
                Map.of(IamRequest.LEADING_KEYS, List.of("X")), "GetItem"))).isFalse();
    }

    private boolean allowed(IamRequest request) {
        return evaluator.evaluate(request).allowed();
    }

    private static IamRequest item(String action, String partitionKey) {
        return new IamRequest("RoundsFunction", action, TABLE, Map.of(IamRequest.LEADING_KEYS, List.of(partitionKey)),
                action + " " + partitionKey);
    }

    private static IamRequest object(String key) {
        return new IamRequest("RoundsFunction", "s3:PutObject", TemplatePolicies.arnOf("s3", "Bucket", key), Map.of(),
                "PutObject " + key);
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }

    private static WriteRequest put(String pk, String sk) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(key(pk, sk)).build()).build();
    }

    private static Path resource(String name) {
        try {
            return Path.of(PolicyEvaluatorTest.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
