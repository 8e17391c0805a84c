package grants.template;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static grants.policycheck.CloudFormationYaml.values;
import static org.assertj.core.api.Assertions.assertThat;

/** The rules every deployable template of ours keeps, read off template.yaml. */
class TemplateRulesTest {

    @Test
    void noResourceHasAHardCodedName() {
        Template.resources().fields().forEachRemaining(resource -> {
            JsonNode properties = resource.getValue().path("Properties");
            for (String name : new String[] {"FunctionName", "TableName", "BucketName", "QueueName", "TopicName"}) {
                // A reference to another resource's name (a Lambda permission's FunctionName) is no hard-coding.
                assertThat(properties.path(name).isTextual()).as(resource.getKey() + "." + name).isFalse();
            }
        });
    }

    @Test
    void functionsRunJava21WithTracingAndEachHasItsOwnLogGroupWithRetention() {
        JsonNode globals = Template.TEMPLATE.get("Globals").get("Function");
        assertThat(globals.get("Runtime").asText()).isEqualTo("java21");
        assertThat(globals.get("Tracing").asText()).isEqualTo("Active");
        assertThat(globals.has("MemorySize") && globals.has("Timeout") && globals.has("Architectures")).isTrue();
        Template.functions().forEach((id, function) -> {
            String logGroup = function.path("LoggingConfig").path("LogGroup").path("Ref").asText();
            JsonNode group = Template.resources().get(logGroup);
            assertThat(group).as(id + " log group").isNotNull();
            assertThat(group.get("Type").asText()).isEqualTo("AWS::Logs::LogGroup");
            assertThat(group.get("Properties").has("RetentionInDays")).as(id + " log retention").isTrue();
        });
    }

    @Test
    void everyFunctionStartsFromASnapStartSnapshotThroughItsAlias() {
        assertThat(Template.functions()).isNotEmpty();
        Template.functions().forEach((id, function) -> {
            assertThat(function.path("SnapStart").path("ApplyOn").asText()).as(id).isEqualTo("PublishedVersions");
            assertThat(function.path("AutoPublishAlias").asText()).as(id).isNotBlank();
        });
    }

    /**
     * SAM points a function's own events at its alias; whatever else invokes a function (a permission,
     * a topic's subscription, an event source mapping, a user pool's trigger, a schedule and its role)
     * must name the alias too,
     * or it would run the unpublished $LATEST, which SnapStart never snapshots.
     */
    @Test
    void whateverInvokesAFunctionNamesItsAlias() {
        Map<String, JsonNode> invokers = new java.util.LinkedHashMap<>();
        Template.resourcesOfType("AWS::Lambda::Permission").forEach((id, r) -> invokers.put(id, r.path("Properties").path("FunctionName")));
        Template.resourcesOfType("AWS::Lambda::EventSourceMapping").forEach((id, r) -> invokers.put(id, r.path("Properties").path("FunctionName")));
        Template.resourcesOfType("AWS::SNS::Subscription").forEach((id, r) -> invokers.put(id, r.path("Properties").path("Endpoint")));
        Template.resourcesOfType("AWS::Cognito::UserPool").forEach((id, r) -> invokers.put(id, r.path("Properties").path("LambdaConfig")));
        // A schedule invokes its target, and its role may invoke nothing but that (the daily runs).
        Template.resourcesOfType("AWS::Scheduler::Schedule").forEach((id, r) -> invokers.put(id, r.path("Properties").path("Target").path("Arn")));
        Template.resourcesOfType("AWS::IAM::Role").forEach((id, r) -> r.path("Properties").path("Policies").findValues("Statement")
                .forEach(statements -> statements.forEach(statement -> {
                    if (statement.path("Action").toString().contains("lambda:InvokeFunction")) {
                        invokers.put(id + " (may invoke)", statement.path("Resource"));
                    }
                })));
        assertThat(invokers).as("the template has invokers to check").isNotEmpty();
        int aliased = 0;
        for (Map.Entry<String, JsonNode> invoker : invokers.entrySet()) {
            String target = invoker.getValue().toString();
            for (String function : Template.functions().keySet()) {
                assertThat(target).as(invoker.getKey() + " invokes " + function + " by its alias")
                        .doesNotContain("{\"Ref\":\"" + function + "\"}", "[\"" + function + "\",",
                                "${" + function + "}", "${" + function + ".Arn}");
                aliased += target.contains("{\"Ref\":\"" + function + ".Alias\"}") ? 1 : 0;
            }
        }
        assertThat(aliased).as("invokers that name an alias (the check is not vacuous)").isGreaterThanOrEqualTo(2 + 6);
    }

    @Test
    void everyRouteNeedsAUserPoolTokenAndTheApiKeepsAccessLogs() {
        Template.resourcesOfType("AWS::Serverless::HttpApi").forEach((id, api) -> {
            JsonNode auth = api.path("Properties").path("Auth");
            String authorizer = auth.path("DefaultAuthorizer").asText();
            assertThat(auth.path("Authorizers").path(authorizer).path("JwtConfiguration").path("issuer").toString())
                    .as(id + " trusts the user pool's tokens").contains("cognito-idp").contains("UserPool");
            assertThat(api.path("Properties").path("AccessLogSettings").path("DestinationArn").isMissingNode())
                    .as(id + " access logs").isFalse();
        });
        Template.functions().forEach((id, function) -> function.path("Events").forEach(event -> {
            JsonNode route = event.path("Properties");
            boolean open = route.path("Auth").path("Authorizer").asText("default").equals("NONE");
            // The one public write: a survey answered through the single-use link emailed to its contact.
            String key = route.path("Method").asText() + " " + route.path("Path").asText();
            if (event.get("Type").asText().equals("HttpApi") && open && !key.equals("POST /public/surveys/answer/{token}")) {
                assertThat(key)
                        .as(id + ": only a GET of what is published opts out of the authorizer").startsWith("GET /public/");
            }
        }));
    }

    @Test
    void peopleAreInvitedNotSelfRegisteredAndEveryRoleIsAGroup() {
        JsonNode pool = Template.resources().path("UserPool").path("Properties");
        assertThat(pool.path("AdminCreateUserConfig").path("AllowAdminCreateUserOnly").asBoolean()).isTrue();
        assertThat(pool.path("MfaConfiguration").asText()).as("MFA for everyone, managers and finance among them")
                .isEqualTo("ON");
        List<String> groups = Template.resourcesOfType("AWS::Cognito::UserPoolGroup").values().stream()
                .map(group -> group.path("Properties").path("GroupName").asText()).toList();
        assertThat(groups).containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(grants.core.access.Role.values()).map(grants.core.access.Role::group).toList());
        assertThat(Template.resourcesOfType("AWS::Cognito::UserPoolClient").values())
                .anyMatch(client -> client.path("Properties").path("AllowedOAuthFlows").toString().contains("client_credentials"))
                .anyMatch(client -> client.path("Properties").path("AllowedOAuthFlows").toString().contains("code")
                        && !client.path("Properties").path("GenerateSecret").asBoolean());
    }

    /** Flows that would let a client sign people in around the hosted UI, or with a password alone. */
    private static final List<String> FORBIDDEN_FLOWS = List.of("ALLOW_USER_PASSWORD_AUTH",
            "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_CUSTOM_AUTH", "USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH",
            "CUSTOM_AUTH_FLOW_ONLY");
    /** Attributes no person may write through an app client: what authorizes, or identifies them in the audit trail. */
    private static final List<String> NEVER_WRITTEN = List.of("email", "email_verified", "phone_number",
            "phone_number_verified", "preferred_username", "name");

    /**
     * What is wrong with an app client's attribute and flow settings: each must be explicit, since
     * Cognito's defaults let users write every standard attribute and sign in with SRP through the
     * API (an access token that may call UpdateUserAttributes).
     */
    static List<String> clientProblems(String id, JsonNode client) {
        JsonNode properties = client.path("Properties");
        List<String> problems = new ArrayList<>();
        for (String setting : new String[] {"ExplicitAuthFlows", "ReadAttributes", "WriteAttributes"}) {
            if (!properties.path(setting).isArray() || properties.path(setting).isEmpty()) {
                problems.add(id + " must list its " + setting + " (none listed means Cognito's defaults)");
            }
        }
        values(properties.path("ExplicitAuthFlows")).stream().filter(FORBIDDEN_FLOWS::contains)
                .forEach(flow -> problems.add(id + " allows " + flow));
        for (String setting : new String[] {"ReadAttributes", "WriteAttributes"}) {
            values(properties.path(setting)).stream().filter(attribute -> attribute.startsWith("custom:"))
                    .forEach(attribute -> problems.add(id + " " + setting + " names " + attribute
                            + ": bindings live in the grants table"));
        }
        values(properties.path("WriteAttributes")).stream().filter(NEVER_WRITTEN::contains)
                .forEach(attribute -> problems.add(id + " lets people write " + attribute));
        return problems;
    }

    @Test
    void everyAppClientSaysWhatItReadsWritesAndHowPeopleSignIn() {
        Map<String, JsonNode> clients = Template.resourcesOfType("AWS::Cognito::UserPoolClient");
        assertThat(clients).isNotEmpty();
        clients.forEach((id, client) -> assertThat(clientProblems(id, client)).as(id).isEmpty());
    }

    @Test
    void aClientThatOmitsItsAttributesOrFlowsOrLetsPeopleWriteTheirEmailIsCaught() {
        JsonNode console = Template.resources().path("ConsoleClient");
        com.fasterxml.jackson.databind.node.ObjectNode omitting = console.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) omitting.path("Properties")).remove(
                List.of("ExplicitAuthFlows", "WriteAttributes"));
        com.fasterxml.jackson.databind.node.ObjectNode writable = console.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) writable.path("Properties")).putArray("WriteAttributes")
                .add("email").add("custom:partnershipId");
        ((com.fasterxml.jackson.databind.node.ObjectNode) writable.path("Properties")).putArray("ExplicitAuthFlows")
                .add("ALLOW_USER_PASSWORD_AUTH");

        assertThat(clientProblems("Planted", omitting)).hasSize(2);
        assertThat(clientProblems("Planted", writable)).hasSize(3)
                .anyMatch(problem -> problem.contains("email")).anyMatch(problem -> problem.contains("custom:partnershipId"))
                .anyMatch(problem -> problem.contains("ALLOW_USER_PASSWORD_AUTH"));
    }

    @Test
    void onlyTheFinanceClientGetsMachineTokensAndTheApiFunctionsKnowIt() {
        Template.resourcesOfType("AWS::Cognito::UserPoolClient").forEach((id, client) -> {
            boolean machine = values(client.path("Properties").path("AllowedOAuthFlows")).contains("client_credentials");
            assertThat(values(client.path("Properties").path("AllowedOAuthScopes")).contains("grants/finance.read"))
                    .as(id + " has the finance scope").isEqualTo(id.equals("FinanceSystemClient"));
            assertThat(machine).as(id + " is a machine client").isEqualTo(id.equals("FinanceSystemClient"));
        });
        Template.functions().forEach((id, function) -> {
            if (function.path("Events").findValuesAsText("Type").contains("HttpApi")) {
                assertThat(function.path("Environment").path("Variables").path("FINANCE_CLIENT_ID").path("Ref").asText())
                        .as(id + " takes access tokens of the finance client only").isEqualTo("FinanceSystemClient");
            }
        });
    }

    @Test
    void idTokensCarryTheBindingsAndSigningOutEndsTheHostedUiSession() {
        JsonNode pool = Template.resources().path("UserPool").path("Properties");
        assertThat(pool.path("LambdaConfig").path("PreTokenGeneration").path("Ref").asText())
                .isEqualTo("SignInClaimsFunction.Alias");
        assertThat(Template.resourcesOfType("AWS::Lambda::Permission").values()).anyMatch(permission ->
                permission.path("Properties").path("Principal").asText().equals("cognito-idp.amazonaws.com")
                        && permission.path("Properties").path("FunctionName").path("Ref").asText()
                        .equals("SignInClaimsFunction.Alias"));
        for (JsonNode statement : Template.statements(Template.functions().get("SignInClaimsFunction"))) {
            assertThat(values(statement.path("Action"))).containsOnly("dynamodb:Query");
            assertThat(values(statement.path("Condition").path("ForAllValues:StringLike").path("dynamodb:LeadingKeys")))
                    .containsExactly("BINDING#*");
        }
        JsonNode console = Template.resources().path("ConsoleClient").path("Properties");
        assertThat(console.path("LogoutURLs").toString()).contains("/sign-out");
    }

    @Test
    void tablesKeepTheirDataAndBucketsAreClosedEncryptedVersionedAndTlsOnly() {
        Template.resourcesOfType("AWS::DynamoDB::Table").forEach((id, table) -> {
            JsonNode properties = table.get("Properties");
            assertThat(properties.path("PointInTimeRecoverySpecification").path("PointInTimeRecoveryEnabled")
                    .asBoolean()).as(id + " PITR").isTrue();
            assertThat(properties.path("DeletionProtectionEnabled").asBoolean()).as(id + " deletion protection").isTrue();
            assertThat(table.path("DeletionPolicy").asText()).isEqualTo("Retain");
        });
        Map<String, JsonNode> policies = Template.resourcesOfType("AWS::S3::BucketPolicy");
        Template.resourcesOfType("AWS::S3::Bucket").forEach((id, bucket) -> {
            JsonNode properties = bucket.get("Properties");
            JsonNode block = properties.get("PublicAccessBlockConfiguration");
            for (String setting : new String[] {"BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls",
                    "RestrictPublicBuckets"}) {
                assertThat(block.path(setting).asBoolean()).as(id + " " + setting).isTrue();
            }
            assertThat(properties.path("BucketEncryption").path("ServerSideEncryptionConfiguration").isArray()).isTrue();
            assertThat(properties.path("VersioningConfiguration").path("Status").asText()).isEqualTo("Enabled");
            boolean tlsOnly = policies.values().stream()
                    .filter(policy -> id.equals(policy.path("Properties").path("Bucket").path("Ref").asText()))
                    .flatMap(policy -> java.util.stream.StreamSupport.stream(
                            policy.path("Properties").path("PolicyDocument").path("Statement").spliterator(), false))
                    .anyMatch(statement -> statement.path("Effect").asText().equals("Deny")
                            && statement.path("Condition").path("Bool").path("aws:SecureTransport").asText().equals("false"));
            assertThat(tlsOnly).as(id + " denies non-TLS requests").isTrue();
        });
    }

    @Test
    void theOutputsNameTheApiTheTableAndTheBucket() {
        assertThat(Template.TEMPLATE.get("Outputs").fieldNames()).toIterable()
                .contains("ApiUrl", "GrantsTableName", "ExportBucketName");
    }

    private static final List<String> TABLE_WRITES = List.of("dynamodb:PutItem", "dynamodb:UpdateItem",
            "dynamodb:DeleteItem", "dynamodb:BatchWriteItem", "dynamodb:ConditionCheckItem");


    /** The audit table has rules of its own ({@link #noFunctionMayUpdateOrDeleteAnAuditEntry}). */
    private static boolean onTheGrantsTable(JsonNode statement) {
        return Template.referencedResources(statement.path("Resource")).contains("GrantsTable");
    }


    private static boolean alarmed(String functionId, String metric) {
        return Template.resourcesOfType("AWS::CloudWatch::Alarm").values().stream()
                .map(alarm -> alarm.get("Properties"))
                .anyMatch(alarm -> alarm.path("MetricName").asText().equals(metric)
                        && alarm.path("Dimensions").findValuesAsText("Ref").contains(functionId));
    }

    @Test
    void failuresAreNeverSilent() {
        Template.functions().forEach((id, function) -> {
            assertThat(alarmed(id, "Errors")).as(id + " has an Errors alarm").isTrue();
            function.path("Events").forEach(event -> {
                String type = event.path("Type").asText();
                JsonNode properties = event.path("Properties");
                if (type.equals("DynamoDB")) {
                    assertThat(properties.path("DestinationConfig").path("OnFailure").path("Destination").isMissingNode())
                            .as(id + " stream records given up on go somewhere").isFalse();
                    assertThat(alarmed(id, "IteratorAge")).as(id + " has an IteratorAge alarm").isTrue();
                }
                assertThat(type).as(id + ": SNS subscriptions are written out, with a dead-letter queue").isNotEqualTo("SNS");
            });
        });
        Template.resourcesOfType("AWS::SNS::Subscription").forEach((id, subscription) ->
                assertThat(subscription.path("Properties").path("RedrivePolicy").path("deadLetterTargetArn").isMissingNode())
                        .as(id + " has a dead-letter queue").isFalse());
        assertThat(Template.resourcesOfType("AWS::SNS::Subscription").values()).as("EmailFeedback is subscribed")
                .anyMatch(subscription -> subscription.path("Properties").path("Endpoint").toString()
                        .contains("EmailFeedbackFunction"));
        Template.resourcesOfType("AWS::CloudWatch::Alarm").forEach((id, alarm) ->
                assertThat(alarm.path("Properties").path("AlarmActions").size()).as(id + " notifies someone").isPositive());
        JsonNode alarmTopicArn = Template.TEMPLATE.path("Parameters").path("AlarmTopicArn");
        assertThat(Template.resources().path("AlarmTopic").path("Condition").asText()).isEqualTo("CreateAlarmTopic");
        assertThat(alarmTopicArn.isMissingNode()).isFalse();
    }

    @Test
    void noticesAreSentByABoundedNumberOfSendersNotByReservedConcurrency() {
        JsonNode sender = Template.functions().get("SendNoticesFunction");
        assertThat(sender.has("ReservedConcurrentExecutions")).isFalse();
        assertThat(sender.path("Events").findValue("ScalingConfig").path("MaximumConcurrency").asInt()).isBetween(2, 5);
    }

    @Test
    void theFeedbackTopicIsEncryptedWithAKeySesMayUse() {
        String key = Template.resources().path("EmailFeedbackTopic").path("Properties").path("KmsMasterKeyId")
                .path("Ref").asText();
        JsonNode policy = Template.resources().path(key).path("Properties").path("KeyPolicy");
        assertThat(Template.resources().path(key).path("Type").asText()).isEqualTo("AWS::KMS::Key");
        assertThat(policy.path("Statement").findValuesAsText("Service")).contains("ses.amazonaws.com");
        assertThat(Template.resources().path(key).path("Properties").path("EnableKeyRotation").asBoolean()).isTrue();
    }

    @Test
    void onlyAllocateGrantsWritesProgrammesAndRunsAndNoOtherFunctionDeletesButTheDailyRunsIndexes() {
        Template.functions().forEach((id, function) -> {
            if (id.equals("AllocateGrantsFunction") || id.equals("CommitRunsFunction")) {
                return;
            }
            for (JsonNode statement : Template.statements(function)) {
                List<String> actions = values(statement.path("Action"));
                List<String> leadingKeys = values(statement.path("Condition").path("ForAllValues:StringLike")
                        .path("dynamodb:LeadingKeys"));
                // The one delete besides: the daily reminder run takes the days it has handled off their list.
                boolean clearsHandledReminderDays = id.equals("MonitorAgreementsDailyRunFunction")
                        && actions.equals(List.of("dynamodb:DeleteItem")) && leadingKeys.equals(List.of("REMINDER##DAYS"));
                // And governance moves an action in its daily run's due-day index, a partition of its own.
                boolean movesDueActions = id.startsWith("GovernBoards")
                        && actions.equals(List.of("dynamodb:DeleteItem")) && leadingKeys.equals(List.of("GOVERN#*##DUE"));
                if (!clearsHandledReminderDays && !movesDueActions) {
                    assertThat(actions).as(id + " deletes nothing").doesNotContain("dynamodb:DeleteItem", "dynamodb:BatchWriteItem");
                }
                if (actions.stream().anyMatch(TABLE_WRITES::contains) && onTheGrantsTable(statement)) {
                    List<String> partitions = values(statement.path("Condition").path("ForAllValues:StringLike")
                            .path("dynamodb:LeadingKeys"));
                    assertThat(partitions).as(id + " " + statement.path("Sid").asText() + " writes only its own partitions")
                            .isNotEmpty().noneMatch(key -> key.startsWith("PROGRAMME#") || key.startsWith("RUN#")
                                    || key.equals("*"));
                }
            }
        });
    }

    /** The background commit writes where AllocateGrants' commit would, and the audit trail; it deletes nothing. */
    @Test
    void commitRunsWritesOnlyRunsJobsAndTheAuditTrailAndDeletesNothing() {
        for (JsonNode statement : Template.statements(Template.functions().get("CommitRunsFunction"))) {
            List<String> actions = values(statement.path("Action"));
            assertThat(actions).as(statement.path("Sid").asText()).doesNotContain("dynamodb:DeleteItem", "dynamodb:UpdateItem");
            if (actions.stream().anyMatch(TABLE_WRITES::contains) && onTheGrantsTable(statement)) {
                List<String> partitions = values(statement.path("Condition").path("ForAllValues:StringLike")
                        .path("dynamodb:LeadingKeys"));
                assertThat(partitions).as(statement.path("Sid").asText()).isNotEmpty()
                        .isSubsetOf("RUN#*", "PROGRAMME#*", "AUDIT#*");
                if (actions.contains("dynamodb:BatchWriteItem")) {
                    assertThat(partitions).as("batches write rows alone").containsExactly("RUN#*");
                }
            }
        }
    }

    /**
     * Every request a function makes in its module's tests is checked against its statements by
     * grants-policy-check: so each statement must be one that check decides as IAM would, and each
     * function's module (and the local runner, which drives them all) must run the check.
     */
    @Test
    void everyFunctionsPolicyIsOneTheIamCheckDecidesAndItsTestsRunTheCheck() throws java.io.IOException {
        grants.policycheck.TemplatePolicies policies = grants.policycheck.TemplatePolicies.read(Template.ROOT.resolve("template.yaml"));
        assertThat(policies.unresolved()).as("policy resources the check cannot resolve").isEmpty();
        for (Map.Entry<String, JsonNode> function : Template.functions().entrySet()) {
            String id = function.getKey();
            assertThat(policies.handlerPackages().get(id)).as(id + "'s calls are known by its handler's package")
                    .startsWith("grants.functions.");
            String pom = java.nio.file.Files.readString(Template.ROOT.resolve("functions/"
                    + Template.moduleOf(function.getValue()) + "/pom.xml"));
            assertThat(pom).as(id + "'s tests check its calls against its policy").contains("<artifactId>grants-policy-check</artifactId>");
            for (JsonNode statement : Template.statements(function.getValue())) {
                String sid = id + " " + statement.path("Sid").asText();
                assertThat(statement.has("NotAction") || statement.has("NotResource")).as(sid).isFalse();
                assertThat(statement.path("Effect").asText()).as(sid).isIn("Allow", "Deny");
                statement.path("Condition").fieldNames().forEachRemaining(operator ->
                        assertThat(operator).as(sid).isIn(grants.policycheck.PolicyEvaluator.OPERATORS));
            }
            assertThat(policies.statements(id)).as(id).hasSameSizeAs(Template.statements(function.getValue()));
        }
        assertThat(java.nio.file.Files.readString(Template.ROOT.resolve("functions/local/pom.xml")))
                .as("the local runner's tests drive every function").contains("<artifactId>grants-policy-check</artifactId>");
    }

    /** What a function may do to the audit table: add an entry, and read the trail; never change or remove one. */
    private static final List<String> AUDIT_TABLE_ACTIONS = List.of("dynamodb:PutItem", "dynamodb:Query");

    /**
     * The attack "a function tries to update or delete an audit entry" fails on AWS because no
     * role allows it: every statement that reaches the audit table allows only PutItem (always
     * conditional on a new key, DynamoAuditTrailTest) and Query, and no statement reaches it
     * through a wildcard. Every function that records is allowed to put.
     */
    @Test
    void noFunctionMayUpdateOrDeleteAnAuditEntry() {
        Template.functions().forEach((id, function) -> {
            boolean putsEntries = false;
            for (JsonNode statement : Template.statements(function)) {
                List<String> actions = values(statement.path("Action"));
                assertThat(actions).as(id + " " + statement.path("Sid").asText() + ": no wildcard action")
                        .noneMatch(action -> action.contains("*"));
                assertThat(values(statement.path("Resource"))).as(id + ": no statement reaches every resource")
                        .doesNotContain("*");
                if (Template.referencedResources(statement.path("Resource")).contains("AuditTable")) {
                    assertThat(actions).as(id + " " + statement.path("Sid").asText() + " on the audit table")
                            .isSubsetOf(AUDIT_TABLE_ACTIONS);
                    putsEntries |= actions.contains("dynamodb:PutItem");
                }
            }
            if (Template.environment(function).contains("AUDIT_TABLE_NAME")) {
                assertThat(putsEntries).as(id + " records changes, so may put audit entries").isTrue();
            }
        });
        Template.resourcesOfType("AWS::IAM::Role").forEach((id, role) ->
                assertThat(role.path("Properties").path("Policies").findValues("Action").toString())
                        .as(id + " changes no archived entry").doesNotContain("s3:DeleteObject", "s3:PutObjectRetention",
                                "s3:BypassGovernanceRetention", "s3:PutBucketObjectLockConfiguration", "s3:PutObjectLegalHold",
                                "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"));
    }

    /** Every audit entry reaches a bucket where nobody, the account's root included, can change it for years. */
    @Test
    void theAuditTrailIsArchivedUnderAComplianceObjectLock() {
        JsonNode table = Template.resources().path("AuditTable").path("Properties");
        String stream = table.path("KinesisStreamSpecification").path("StreamArn").path("Fn::GetAtt").path(0).asText();
        assertThat(Template.resources().path(stream).path("Type").asText()).isEqualTo("AWS::Kinesis::Stream");
        JsonNode delivery = Template.resourcesOfType("AWS::KinesisFirehose::DeliveryStream").values().stream()
                .map(resource -> resource.get("Properties"))
                .filter(properties -> Template.referencedResources(properties.path("KinesisStreamSourceConfiguration"))
                        .contains(stream))
                .findFirst().orElseThrow(() -> new AssertionError("nothing delivers " + stream + " anywhere"));
        String bucketId = delivery.path("ExtendedS3DestinationConfiguration").path("BucketARN").path("Fn::GetAtt").path(0)
                .asText();
        assertThat(bucketId).isEqualTo("AuditArchiveBucket");
        JsonNode bucket = Template.resources().path(bucketId).path("Properties");
        assertThat(bucket.path("ObjectLockEnabled").asBoolean()).isTrue();
        JsonNode retention = bucket.path("ObjectLockConfiguration").path("Rule").path("DefaultRetention");
        assertThat(bucket.path("ObjectLockConfiguration").path("ObjectLockEnabled").asText()).isEqualTo("Enabled");
        assertThat(retention.path("Mode").asText()).isEqualTo("COMPLIANCE");
        String years = retention.path("Years").path("Ref").asText();
        assertThat(Template.TEMPLATE.path("Parameters").path(years).path("MinValue").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(Template.resources().path("AuditTable").path("DeletionPolicy").asText()).isEqualTo("Retain");
    }

    @Test
    void supportDaysWritesOnlyItsBalancesInTheBucket() {
        Template.statements(Template.functions().get("SupportDaysFunction")).stream()
                .filter(statement -> values(statement.path("Action")).contains("s3:PutObject"))
                .forEach(statement -> assertThat(statement.path("Resource").toString()).contains("/support-balances/"));
    }

    @Test
    void commissionRoundsWritesOnlyItsDecisionsInTheBucket() {
        Template.statements(Template.functions().get("CommissionRoundsFunction")).stream()
                .filter(statement -> values(statement.path("Action")).contains("s3:PutObject"))
                .forEach(statement -> assertThat(statement.path("Resource").toString()).contains("/round-decisions/"));
    }

    @Test
    void theConsoleIsServedByCloudFrontFromAPrivateBucketUnderAStrictPolicyWithTheApiBesideIt() {
        JsonNode distribution = Template.resources().path("ConsoleDistribution").path("Properties").path("DistributionConfig");
        JsonNode consoleOrigin = java.util.stream.StreamSupport.stream(distribution.path("Origins").spliterator(), false)
                .filter(origin -> origin.path("Id").asText().equals("console")).findFirst().orElseThrow();
        assertThat(consoleOrigin.has("OriginAccessControlId")).as("origin access control").isTrue();
        assertThat(Template.resources().path("ConsoleBucketPolicy").toString()).contains("cloudfront.amazonaws.com")
                .contains("AWS:SourceArn");
        String policy = Template.resources().path("ConsoleSecurityHeaders").path("Properties")
                .path("ResponseHeadersPolicyConfig").path("SecurityHeadersConfig").toString();
        assertThat(policy).contains("script-src 'self'", "frame-ancestors 'none'", "StrictTransportSecurity");
        assertThat(policy).doesNotContain("unsafe-inline", "unsafe-eval");
        JsonNode api = distribution.path("CacheBehaviors").get(0);
        assertThat(api.path("PathPattern").asText()).isEqualTo("/api/*");
        assertThat(api.path("TargetOriginId").asText()).isEqualTo("api");
        assertThat(Template.resources().path("GrantsApi").path("Properties").path("StageName").asText()).isEqualTo("api");
    }
}
