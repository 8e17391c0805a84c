package grants.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import grants.adapters.aws.AwsClients;
import grants.adapters.aws.Environment;
import grants.adapters.wiring.Wiring;
import grants.functions.signin.SignInClaimsHandler;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreTokenGenerationEvent;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.run.CommitJobs;
import grants.http.Identity;
import grants.adapters.dynamodb.AuditTable;
import grants.adapters.dynamodb.GrantsTable;
import grants.functions.allocate.AllocateGrantsHandler;
import grants.functions.commitruns.CommitRunsHandler;
import grants.functions.export.ExportFinanceHandler;
import grants.functions.queuenotices.QueueNoticesHandler;
import grants.functions.sendnotices.SendNoticesHandler;
import grants.functions.support.SupportDaysHandler;
import grants.functions.intake.EnterAgreementsHandler;
import grants.functions.monitoring.MonitorAgreementsHandler;
import grants.functions.reminders.DailyReminderRunHandler;
import grants.functions.reporting.ReportPerformanceHandler;
import grants.functions.escalations.DailyEscalationRunHandler;
import grants.functions.governance.GovernBoardsHandler;
import grants.functions.commitments.RecordCommitmentsHandler;
import grants.functions.ledger.KeepLedgerHandler;
import grants.functions.events.HoldEventsHandler;
import grants.functions.assessment.AssessPartnershipsHandler;
import grants.functions.evaluation.EvaluateProgrammeHandler;
import grants.functions.rounds.CommissionRoundsHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import grants.documents.Json;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import grants.localaws.LocalAwsStack;
import grants.localaws.LocalLambdaContext;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The system's functions running in this JVM against the embedded AWS stack, called with the
 * same events the deployed functions receive (API Gateway requests, table stream records), so the
 * local runner exercises the very code that runs in Lambda.
 */
final class LocalFunctions implements AutoCloseable {

    static final String TABLE_NAME = "grants-local";
    static final String AUDIT_TABLE_NAME = "grants-local-audit";
    static final String EXPORT_BUCKET = "grants-local-exports";
    static final String SENDER = "grants-local@example.org";
    static final String NOTICES_QUEUE = "grants-local-notices";
    /** Who the runner's commands act as: the laptop's operator, managing the programme and fetching finance's files. */
    static final Actor OPERATOR = Actor.system("operator@grants.local", Role.PROGRAMME_MANAGER, Role.FINANCE_OFFICER);

    private final LocalAwsStack stack;
    private final AwsClients aws;
    private final Wiring wiring;
    private final AllocateGrantsHandler allocateGrants;
    private CommitRunsHandler commitRuns;
    private SupportDaysHandler supportDays;
    private CommissionRoundsHandler commissionRounds;
    private MonitorAgreementsHandler monitorAgreements;
    private ReportPerformanceHandler reportPerformance;
    private GovernBoardsHandler governBoards;
    private DailyEscalationRunHandler dailyEscalationRun;
    private KeepLedgerHandler keepLedger;
    private HoldEventsHandler holdEvents;
    private AssessPartnershipsHandler assessPartnerships;
    private EvaluateProgrammeHandler evaluateProgramme;
    private RecordCommitmentsHandler recordCommitments;
    private DailyReminderRunHandler dailyReminderRun;
    private EnterAgreementsHandler enterAgreements;
    private SendNoticesHandler sendNotices;
    private double sendNoticesRate;
    private final LocalTableStream tableStream;
    private ExportFinanceHandler exportFinance;
    private QueueNoticesHandler queueNotices;
    private SignInClaimsHandler signInClaims;
    private String noticesQueueUrl;

    private LocalFunctions(LocalAwsStack stack, AwsClients aws, Path stateDirectory, Clock clock,
                           int commitInBackgroundAbove) {
        this.stack = stack;
        this.aws = aws;
        this.wiring = new Wiring(Environment.of(Map.of(Environment.TABLE, TABLE_NAME, Environment.AUDIT_TABLE, AUDIT_TABLE_NAME,
                Environment.EXPORT_BUCKET, EXPORT_BUCKET,
                Environment.SENDER_EMAIL, SENDER, Environment.COMMIT_IN_BACKGROUND_ABOVE,
                Integer.toString(commitInBackgroundAbove))), aws, clock);
        this.allocateGrants = new AllocateGrantsHandler(wiring);
        this.tableStream = new LocalTableStream(aws.dynamoDb(), aws.dynamoDbStreams(), TABLE_NAME,
                stateDirectory.resolve("stream-checkpoints.properties"));
    }

    static LocalFunctions start(Path stateDirectory) {
        return start(stateDirectory, CommitJobs.DEFAULT_BACKGROUND_ABOVE);
    }

    /** Committing programmes of more than {@code commitInBackgroundAbove} partnerships as background jobs. */
    static LocalFunctions start(Path stateDirectory, int commitInBackgroundAbove) {
        return start(stateDirectory, Clock.systemUTC(), commitInBackgroundAbove);
    }

    /** As above, on a clock the caller may move (serve seeds a demo round on its own past days). */
    static LocalFunctions start(Path stateDirectory, Clock clock, int commitInBackgroundAbove) {
        return start(LocalAwsStack.persistent(stateDirectory), stateDirectory, clock, commitInBackgroundAbove);
    }

    /**
     * A stack in memory only, gone when closed, on a clock the caller moves: for replaying a
     * recorded round, whose stages happened on their own dates.
     */
    static LocalFunctions inMemory(Path scratchDirectory, Clock clock) {
        return inMemory(scratchDirectory, clock, CommitJobs.DEFAULT_BACKGROUND_ABOVE);
    }

    /** As above, committing programmes of more than {@code commitInBackgroundAbove} partnerships as background jobs. */
    static LocalFunctions inMemory(Path scratchDirectory, Clock clock, int commitInBackgroundAbove) {
        return start(LocalAwsStack.inMemory(), scratchDirectory, clock, commitInBackgroundAbove);
    }

    private static LocalFunctions start(LocalAwsStack stack, Path stateDirectory, Clock clock,
                                        int commitInBackgroundAbove) {
        try {
            AwsClients aws = AwsClients.local(new AwsClients.Endpoints(stack::dynamoDbEndpoint, stack::s3Endpoint,
                    stack::sesEndpoint, stack::sqsEndpoint), stack.accessKey(), stack.secretKey());
            GrantsTable.createIfMissing(aws.dynamoDb(), TABLE_NAME);
            AuditTable.createIfMissing(aws.dynamoDb(), AUDIT_TABLE_NAME);
            return new LocalFunctions(stack, aws, stateDirectory.toAbsolutePath(), clock, commitInBackgroundAbove);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    APIGatewayV2HTTPResponse allocateGrants(String routeKey, Map<String, String> pathParameters, String body,
                                            Map<String, String> headers) {
        return allocateGrants(routeKey, pathParameters, Map.of(), body, headers);
    }

    APIGatewayV2HTTPResponse allocateGrants(String routeKey, Map<String, String> pathParameters, Map<String, String> query,
                                            String body, Map<String, String> headers) {
        return allocateGrants.handleRequest(apiEvent(routeKey, pathParameters, query.isEmpty() ? null : query, body, headers),
                new LocalLambdaContext("AllocateGrantsFunction"));
    }

    /**
     * The budget statement of a programme or round as finance downloads it (budget.csv), once the table's
     * stream has made the commitments of what was committed or published: as KeepLedger answers it.
     */
    String budgetCsv(String scopeId) {
        deliverTableStream();
        APIGatewayV2HTTPResponse answer = keepLedger().handleRequest(apiEvent("GET /budgets/{scopeId}/budget.csv",
                Map.of("scopeId", scopeId), null, null, Map.of()), new LocalLambdaContext("KeepLedgerFunction"));
        if (answer.getStatusCode() != 200) {
            throw new IllegalStateException("the budget statement of " + scopeId + " was refused: " + answer.getBody());
        }
        return answer.getBody();
    }

    APIGatewayV2HTTPResponse supportDays(String routeKey, Map<String, String> pathParameters, String body,
                                         Map<String, String> headers, Map<String, String> query) {
        return supportDays().handleRequest(apiEvent(routeKey, pathParameters, query, body, headers),
                new LocalLambdaContext("SupportDaysFunction"));
    }

    /** Built on first use: it needs the export bucket, which a dry run never does. */
    private synchronized SupportDaysHandler supportDays() {
        if (supportDays == null) {
            ensureExportBucket();
            supportDays = new SupportDaysHandler(wiring);
        }
        return supportDays;
    }

    /** Built on first use: it needs the export bucket for a round's decisions. */
    private synchronized CommissionRoundsHandler commissionRounds() {
        if (commissionRounds == null) {
            ensureExportBucket();
            commissionRounds = new CommissionRoundsHandler(wiring);
        }
        return commissionRounds;
    }

    /** Every route of the HTTP API, across the functions that serve it. */
    static List<String> apiRoutes() {
        List<String> routes = new java.util.ArrayList<>(AllocateGrantsHandler.ROUTES);
        routes.addAll(SupportDaysHandler.ROUTES);
        routes.addAll(CommissionRoundsHandler.ROUTES);
        routes.addAll(MonitorAgreementsHandler.ROUTES);
        routes.addAll(ReportPerformanceHandler.ROUTES);
        routes.addAll(GovernBoardsHandler.ROUTES);
        routes.addAll(KeepLedgerHandler.ROUTES);
        routes.addAll(HoldEventsHandler.ROUTES);
        routes.addAll(AssessPartnershipsHandler.ROUTES);
        routes.addAll(EvaluateProgrammeHandler.ROUTES);
        return routes;
    }

    /** A request as API Gateway hands it on, to the function that serves its route. */
    APIGatewayV2HTTPResponse api(APIGatewayV2HTTPEvent event) {
        if (SupportDaysHandler.ROUTES.contains(event.getRouteKey())) {
            return supportDays().handleRequest(event, new LocalLambdaContext("SupportDaysFunction"));
        }
        if (CommissionRoundsHandler.ROUTES.contains(event.getRouteKey())) {
            return commissionRounds().handleRequest(event, new LocalLambdaContext("CommissionRoundsFunction"));
        }
        if (MonitorAgreementsHandler.ROUTES.contains(event.getRouteKey())) {
            return monitorAgreements().handleRequest(event, new LocalLambdaContext("MonitorAgreementsFunction"));
        }
        if (ReportPerformanceHandler.ROUTES.contains(event.getRouteKey())) {
            return reportPerformance().handleRequest(event, new LocalLambdaContext("ReportPerformanceFunction"));
        }
        if (GovernBoardsHandler.ROUTES.contains(event.getRouteKey())) {
            return governBoards().handleRequest(event, new LocalLambdaContext("GovernBoardsFunction"));
        }
        if (KeepLedgerHandler.ROUTES.contains(event.getRouteKey())) {
            return keepLedger().handleRequest(event, new LocalLambdaContext("KeepLedgerFunction"));
        }
        if (HoldEventsHandler.ROUTES.contains(event.getRouteKey())) {
            return holdEvents().handleRequest(event, new LocalLambdaContext("HoldEventsFunction"));
        }
        if (AssessPartnershipsHandler.ROUTES.contains(event.getRouteKey())) {
            return assessPartnerships().handleRequest(event, new LocalLambdaContext("AssessPartnershipsFunction"));
        }
        if (EvaluateProgrammeHandler.ROUTES.contains(event.getRouteKey())) {
            return evaluateProgramme().handleRequest(event, new LocalLambdaContext("EvaluateProgrammeFunction"));
        }
        return allocateGrants.handleRequest(event, new LocalLambdaContext("AllocateGrantsFunction"));
    }

    private synchronized MonitorAgreementsHandler monitorAgreements() {
        if (monitorAgreements == null) {
            monitorAgreements = new MonitorAgreementsHandler(wiring);
        }
        return monitorAgreements;
    }

    /** Built on first use: it needs the export bucket, where a board pack is kept from its meeting's day. */
    private synchronized ReportPerformanceHandler reportPerformance() {
        if (reportPerformance == null) {
            ensureExportBucket();
            reportPerformance = new ReportPerformanceHandler(wiring);
        }
        return reportPerformance;
    }

    private synchronized GovernBoardsHandler governBoards() {
        if (governBoards == null) {
            governBoards = new GovernBoardsHandler(wiring);
        }
        return governBoards;
    }

    private synchronized KeepLedgerHandler keepLedger() {
        if (keepLedger == null) {
            keepLedger = new KeepLedgerHandler(wiring);
        }
        return keepLedger;
    }

    private synchronized HoldEventsHandler holdEvents() {
        if (holdEvents == null) {
            holdEvents = new HoldEventsHandler(wiring);
        }
        return holdEvents;
    }

    private synchronized AssessPartnershipsHandler assessPartnerships() {
        if (assessPartnerships == null) {
            assessPartnerships = new AssessPartnershipsHandler(wiring);
        }
        return assessPartnerships;
    }

    /**
     * The evaluation's function: survey emails go to the SES emulator without a rate to keep (there is no SES
     * quota here, and a replay's clock may stand still, when a rate per second would never free a send), their
     * links pointing at the console's usual local address.
     */
    private synchronized EvaluateProgrammeHandler evaluateProgramme() {
        if (evaluateProgramme == null) {
            evaluateProgramme = new EvaluateProgrammeHandler(new Wiring(wiring.environment()
                    .with(Environment.NOTICE_RATE_PER_SECOND, "1000000"), aws, wiring.clock()));
        }
        return evaluateProgramme;
    }

    /** The API's routes open to anyone, signed in or not: what rounds and board meetings have published. */
    static List<String> publicApiRoutes() {
        List<String> routes = new java.util.ArrayList<>(CommissionRoundsHandler.PUBLIC_ROUTES);
        routes.addAll(ReportPerformanceHandler.PUBLIC_ROUTES);
        routes.addAll(GovernBoardsHandler.PUBLIC_ROUTES);
        routes.addAll(EvaluateProgrammeHandler.PUBLIC_ROUTES);
        return routes;
    }

    /**
     * Plays EventBridge Scheduler's part at 07:00: the daily reminder run, on the runner's clock.
     * Run twice on one day, the second handles nothing.
     */
    synchronized String monitorDailyRun() {
        if (dailyReminderRun == null) {
            dailyReminderRun = new DailyReminderRunHandler(wiring);
        }
        return dailyReminderRun.handleRequest(Map.of("run", "daily-reminders"),
                new LocalLambdaContext("MonitorAgreementsDailyRunFunction"));
    }

    /**
     * Plays EventBridge Scheduler's part at 07:00 for governance: the daily escalation run, on the runner's
     * clock; each escalation's email is queued with it and sent by the next delivery. Run twice on one day,
     * the second escalates nothing.
     */
    synchronized String governDailyRun() {
        if (dailyEscalationRun == null) {
            dailyEscalationRun = new DailyEscalationRunHandler(wiring);
        }
        return dailyEscalationRun.handleRequest(Map.of("run", "daily-escalations"),
                new LocalLambdaContext("GovernBoardsDailyRunFunction"));
    }

    /** Monitoring's use cases on this stack (sending no reminder): agreements are entered through them, as publishing and committing will. */
    grants.core.monitoring.MonitoringService monitoring() {
        return new grants.core.monitoring.MonitoringService(wiring.monitoring(), grants.core.monitoring.Addressees.NONE,
                wiring.clock());
    }

    /** The request API Gateway would hand the function for this route, from the runner's operator. */
    private static APIGatewayV2HTTPEvent apiEvent(String routeKey, Map<String, String> pathParameters,
                                                  Map<String, String> query, String body, Map<String, String> headers) {
        return apiEvent(routeKey, pathParameters, query, body, headers, OPERATOR);
    }

    /** The request API Gateway would hand the function for this route, once it has verified this caller's token. */
    static APIGatewayV2HTTPEvent apiEvent(String routeKey, Map<String, String> pathParameters, Map<String, String> query,
                                          String body, Map<String, String> headers, Actor caller) {
        return APIGatewayV2HTTPEvent.builder()
                .withRequestContext(Identity.verified(Identity.claimsOf(caller)))
                .withRouteKey(routeKey)
                .withPathParameters(pathParameters)
                .withQueryStringParameters(query)
                .withHeaders(headers)
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }

    /**
     * Hands the table's new stream records to the stream-triggered functions, as Lambda would,
     * until no new record appears (a commit job's run, and QueueNotices' own inserts, are records too).
     */
    void deliverTableStream() {
        for (int round = 0; round < 10; round++) {
            LocalTableStream.Batch batch = tableStream.newRecords();
            if (batch.records().isEmpty()) {
                return;
            }
            StreamsEventResponse committed = commitRuns().handleRequest(batch.event(),
                    new LocalLambdaContext("CommitRunsFunction"));
            StreamsEventResponse recorded = recordCommitments().handleRequest(batch.event(),
                    new LocalLambdaContext("RecordCommitmentsFunction"));
            StreamsEventResponse exported = exportFinance().handleRequest(batch.event(),
                    new LocalLambdaContext("ExportFinanceFunction"));
            StreamsEventResponse queued = queueNotices().handleRequest(batch.event(),
                    new LocalLambdaContext("QueueNoticesFunction"));
            StreamsEventResponse entered = enterAgreements().handleRequest(batch.event(),
                    new LocalLambdaContext("MonitorAgreementsIntakeFunction"));
            for (StreamsEventResponse response : List.of(committed, exported, queued, entered, recorded)) {
                if (!response.getBatchItemFailures().isEmpty()) {
                    throw new IllegalStateException("a stream-triggered function failed on record "
                            + response.getBatchItemFailures().get(0).getItemIdentifier() + "; run the command again to retry");
                }
            }
            tableStream.checkpoint(batch);
        }
    }

    /** Committed runs and published rounds make their commitments in the ledger, as RecordCommitments does on AWS. */
    private synchronized RecordCommitmentsHandler recordCommitments() {
        if (recordCommitments == null) {
            recordCommitments = new RecordCommitmentsHandler(wiring);
        }
        return recordCommitments;
    }

    /** Published rounds and committed runs enter monitoring, as the intake function does on AWS. */
    private synchronized EnterAgreementsHandler enterAgreements() {
        if (enterAgreements == null) {
            enterAgreements = new EnterAgreementsHandler(wiring);
        }
        return enterAgreements;
    }

    /** Plays Lambda's part for the notices queue: SendNotices gets it ten at a time until it is empty. */
    int deliverNoticesQueue(double ratePerSecond) {
        SendNoticesHandler sender = sendNotices(ratePerSecond);
        SqsClient sqs = aws.sqs();
        int handled = 0;
        for (int round = 0; round < 10_000; round++) {
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(noticesQueueUrl()).maxNumberOfMessages(10)
                    .visibilityTimeout(60)).messages();
            if (messages.isEmpty()) {
                break;
            }
            SQSEvent event = new SQSEvent();
            event.setRecords(messages.stream().map(message -> {
                SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
                record.setMessageId(message.messageId());
                record.setBody(message.body());
                record.setEventSource("aws:sqs");
                return record;
            }).toList());
            Set<String> retry = sender.handleRequest(event, new LocalLambdaContext("SendNoticesFunction"))
                    .getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                    .collect(Collectors.toSet());
            for (Message message : messages) {
                if (!retry.contains(message.messageId())) {
                    sqs.deleteMessage(r -> r.queueUrl(noticesQueueUrl()).receiptHandle(message.receiptHandle()));
                    handled++;
                }
            }
            if (!retry.isEmpty()) {
                throw new IllegalStateException(retry.size() + " notices could not be sent now; run the command again");
            }
        }
        return handled;
    }

    /**
     * One sender per rate, kept between deliveries as a Lambda container is, so that its spacing
     * of sends carries over from one batch to the next.
     */
    private synchronized SendNoticesHandler sendNotices(double ratePerSecond) {
        if (sendNotices == null || sendNoticesRate != ratePerSecond) {
            sendNotices = new SendNoticesHandler(new Wiring(wiring.environment()
                    .with(Environment.NOTICE_RATE_PER_SECOND, Double.toString(ratePerSecond)), aws, wiring.clock()));
            sendNoticesRate = ratePerSecond;
        }
        return sendNotices;
    }

    /** What the SES emulator has received in this run of the runner. */
    JsonNode sentEmails() {
        try {
            return Json.parse(new String(stack.sesEndpoint().resolve("/store").toURL().openStream().readAllBytes(),
                    StandardCharsets.UTF_8)).get("emails");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the functions share: the table, the audit table, the clock (the monitoring replay builds its store on them). */
    Wiring wiring() {
        return wiring;
    }

    /** The programme a committed run belongs to (a scan: fine for a laptop's table). */
    Optional<String> programmeOfRun(String runId) {
        return wiring.runs().programmeOfRun(runId);
    }

    private synchronized CommitRunsHandler commitRuns() {
        if (commitRuns == null) {
            commitRuns = new CommitRunsHandler(wiring);
        }
        return commitRuns;
    }

    private ExportFinanceHandler exportFinance() {
        if (exportFinance == null) {
            ensureExportBucket();
            exportFinance = new ExportFinanceHandler(wiring);
        }
        return exportFinance;
    }

    private QueueNoticesHandler queueNotices() {
        if (queueNotices == null) {
            queueNotices = new QueueNoticesHandler(new Wiring(wiring.environment()
                    .with(Environment.NOTICES_QUEUE_URL, noticesQueueUrl()), aws, wiring.clock()));
        }
        return queueNotices;
    }

    private String noticesQueueUrl() {
        if (noticesQueueUrl == null) {
            noticesQueueUrl = aws.sqs().createQueue(request -> request.queueName(NOTICES_QUEUE)).queueUrl();
        }
        return noticesQueueUrl;
    }

    void ensureExportBucket() {
        try {
            aws.s3().createBucket(request -> request.bucket(EXPORT_BUCKET));
        } catch (BucketAlreadyOwnedByYouException alreadyThere) {
            // made by an earlier run
        }
    }

    /**
     * What the user pool's pre token generation trigger adds to this person's ID token: the very
     * SignInClaims handler, on a Cognito event naming them, as the pool would call it.
     */
    synchronized Map<String, String> signInClaims(String subject) {
        if (signInClaims == null) {
            signInClaims = new SignInClaimsHandler(wiring);
        }
        CognitoUserPoolPreTokenGenerationEvent event = CognitoUserPoolPreTokenGenerationEvent.builder()
                .withTriggerSource("TokenGeneration_HostedAuth")
                .withRequest(CognitoUserPoolPreTokenGenerationEvent.Request.builder()
                        .withUserAttributes(Map.of("sub", subject)).build())
                .build();
        return signInClaims.handleRequest(event, new LocalLambdaContext("SignInClaimsFunction")).getResponse()
                .getClaimsOverrideDetails().getClaimsToAddOrOverride();
    }

    @Override
    public void close() {
        stack.close();
    }
}
