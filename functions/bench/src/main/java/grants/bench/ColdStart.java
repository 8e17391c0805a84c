package grants.bench;

import grants.functions.commitruns.CommitRunsComposition;
import grants.core.notices.NoticeService;
import java.security.SecureRandom;
import grants.documents.JsonProgrammeDocuments;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.run.CommitJobs;
import grants.core.run.CommitRequest;
import grants.adapters.wiring.Wiring;
import grants.adapters.aws.Environment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.adapters.aws.AwsClients;
import grants.adapters.dynamodb.AuditTable;
import grants.adapters.dynamodb.GrantsTable;
import grants.documents.Json;
import grants.documents.ProgrammeJson;
import grants.core.run.AllocationService;
import grants.localaws.LocalAwsStack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Cold starts: for each function, a fresh JVM (the template's JVM flags) with only its jar in front,
 * builds the handler from the environment and serves its first events/ request against the
 * embedded stack; the same for a handler that does nothing. Medians of several runs.
 */
final class ColdStart {

    /**
     * @param name  what the tables call it (the module's name, or the handler's where a module has several)
     * @param event a sample under events/, or the input itself (a schedule's) when it starts with '{'
     */
    record Function(String name, String module, String handler, String event) {

        Function(String module, String handler, String event) {
            this(module, module, handler, event);
        }
    }

    /** Every function in template.yaml (the schedules' and the stream's beside their module's API function). */
    static final List<Function> FUNCTIONS = List.of(
            new Function("allocate-grants", "grants.functions.allocate.AllocateGrantsHandler", "allocate-grants/post-allocation-run-dry-run.json"),
            new Function("export-finance", "grants.functions.export.ExportFinanceHandler", "export-finance/run-committed.json"),
            new Function("commit-runs", "grants.functions.commitruns.CommitRunsHandler", "commit-runs/job-queued.json"),
            new Function("support-days", "grants.functions.support.SupportDaysHandler", "support-days/get-support-balances.json"),
            new Function("commission-rounds", "grants.functions.rounds.CommissionRoundsHandler", "commission-rounds/get-round.json"),
            new Function("queue-notices", "grants.functions.queuenotices.QueueNoticesHandler", "queue-notices/run-committed.json"),
            new Function("send-notices", "grants.functions.sendnotices.SendNoticesHandler", "send-notices/notice-message.json"),
            new Function("email-feedback", "grants.functions.emailfeedback.EmailFeedbackHandler", "email-feedback/ses-bounce.json"),
            new Function("sign-in-claims", "grants.functions.signin.SignInClaimsHandler", "sign-in-claims/token-generation.json"),
            new Function("monitor-agreements", "grants.functions.monitoring.MonitorAgreementsHandler", "monitor-agreements/list-agreements.json"),
            new Function("monitor-agreements (intake)", "monitor-agreements", "grants.functions.intake.EnterAgreementsHandler", "export-finance/run-committed.json"),
            new Function("monitor-agreements (daily run)", "monitor-agreements", "grants.functions.reminders.DailyReminderRunHandler", "monitor-agreements/daily-reminder-run.json"),
            new Function("report-performance", "grants.functions.reporting.ReportPerformanceHandler", "report-performance/get-register.json"),
            new Function("govern-boards", "grants.functions.governance.GovernBoardsHandler", "govern-boards/get-public-decisions.json"),
            new Function("govern-boards (daily run)", "govern-boards", "grants.functions.escalations.DailyEscalationRunHandler", "{\"run\": \"daily-escalations\"}"),
            new Function("keep-ledger", "grants.functions.ledger.KeepLedgerHandler", "keep-ledger/put-budget-line.json"),
            new Function("keep-ledger (record commitments)", "keep-ledger", "grants.functions.commitments.RecordCommitmentsHandler", "export-finance/run-committed.json"),
            new Function("evaluate-programme", "grants.functions.evaluation.EvaluateProgrammeHandler", "evaluate-programme/set-up-baseline-survey.json"),
            new Function("hold-events", "grants.functions.events.HoldEventsHandler", "hold-events/put-event.json"),
            new Function("hold-events (daily run)", "hold-events", "grants.functions.eventreminders.EventRemindersHandler", "{\"run\": \"event-reminders\"}"),
            new Function("assess-partnerships", "grants.functions.assessment.AssessPartnershipsHandler", "assess-partnerships/get-assessment-table.json"));

    private ColdStart() {
    }

    /**
     * @param cds also measure each function with an AppCDS archive of its own classes, made by one
     *            training JVM of the same jar (what CDS would buy, if the archive were deployed)
     */
    /** The template's JAVA_TOOL_OPTIONS (Globals): tiered compilation stopped at C1. */
    static final List<String> AS_DEPLOYED = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1");

    /**
     * @param jvmFlags the JVM's flags: {@link #AS_DEPLOYED}, or none to measure what they buy
     */
    static Map<String, long[]> run(Path root, int runs, boolean cds, List<String> jvmFlags, PrintStream log) throws Exception {
        return run(root, runs, cds, jvmFlags, List.of(), log);
    }

    /** @param only the functions to measure, by name or module (all when empty) */
    static Map<String, long[]> run(Path root, int runs, boolean cds, List<String> jvmFlags, List<String> only,
                                   PrintStream log) throws Exception {
        Map<String, long[]> results = new LinkedHashMap<>();
        try (LocalAwsStack stack = LocalAwsStack.inMemory()) {
            AwsClients aws = AwsClients.local(new AwsClients.Endpoints(stack::dynamoDbEndpoint, stack::s3Endpoint,
                    stack::sesEndpoint, stack::sqsEndpoint), stack.accessKey(), stack.secretKey());
            String table = "cold-start";
            GrantsTable.createIfMissing(aws.dynamoDb(), table);
            AuditTable.createIfMissing(aws.dynamoDb(), table + "-audit");
            aws.s3().createBucket(r -> r.bucket("cold-start"));
            String queue = aws.sqs().createQueue(r -> r.queueName("cold-start")).queueUrl();
            String runId = prepare(root, aws, table);
            QueuedJobs jobs = new QueuedJobs(root, aws, table);
            Path events = Files.createTempDirectory("cold-start-events");
            Map<String, String> env = new HashMap<>(Map.of(
                    "AWS_REGION", "eu-west-2", "AWS_ACCESS_KEY_ID", stack.accessKey(),
                    "AWS_SECRET_ACCESS_KEY", stack.secretKey(), "AWS_EC2_METADATA_DISABLED", "true",
                    "AWS_ENDPOINT_URL_DYNAMODB", stack.dynamoDbEndpoint().toString(),
                    "AWS_ENDPOINT_URL_S3", stack.s3Endpoint().toString(),
                    "AWS_ENDPOINT_URL_SESV2", stack.sesEndpoint().toString(),
                    "AWS_ENDPOINT_URL_SQS", stack.sqsEndpoint().toString(),
                    "GRANTS_TABLE_NAME", table, "EXPORT_BUCKET_NAME", "cold-start"));
            env.put("AUDIT_TABLE_NAME", table + "-audit");
            env.putAll(Map.of("SENDER_EMAIL", "bench@example.org", "NOTICES_QUEUE_URL", queue, "NOTICE_RATE_PER_SECOND", "100"));
            Path hello = events.resolve("hello.json");
            Files.writeString(hello, "{}");
            results.put("hello-world (baseline)", measure("grants.bench.HelloHandler", null, () -> hello, env, runs, false,
                    jvmFlags, log));
            for (Function function : only.isEmpty() ? FUNCTIONS
                    : FUNCTIONS.stream().filter(f -> only.contains(f.name()) || only.contains(f.module())).toList()) {
                if (!Files.exists(root.resolve("functions").resolve(function.module()))) {
                    log.println("  " + function.name() + ": not in this build");
                    continue;
                }
                Path event = events.resolve(function.name().replaceAll("[^a-z-]", "") + ".json");
                String sample = function.event().startsWith("{") ? function.event()
                        : Files.readString(root.resolve("events").resolve(function.event()));
                Files.writeString(event, sample.replace("20261122T090000000Z-0a1b2c", runId), StandardCharsets.UTF_8);
                // Each JVM of CommitRuns gets a job of its own to do: a finished one is not done again.
                Supplier<Path> firstEvents = function.module().equals("commit-runs") ? () -> jobs.next(sample, event) : () -> event;
                Path jar = root.resolve("functions").resolve(function.module()).resolve("target").resolve(function.module() + ".jar");
                try {
                    results.put(function.name(), measure(function.handler(), jar, firstEvents, env, runs, false, jvmFlags, log));
                    // Every function is primed before SnapStart's snapshot, as deployed.
                    results.put(function.name() + " (primed)", measure(function.handler(), jar, firstEvents, env, runs, true,
                            jvmFlags, log));
                } catch (IllegalStateException didNotStart) { // one function's failure is shown, not the end of the run
                    log.println("  " + function.name() + " not measured: " + didNotStart.getMessage());
                    continue;
                }
                if (cds) {
                    Path archive = events.resolve(function.name().replaceAll("[^a-z-]", "") + ".jsa");
                    measure(function.handler(), jar, firstEvents, env, 1, false,
                            with(jvmFlags, "-XX:ArchiveClassesAtExit=" + archive), log); // the training run
                    results.put(function.name() + " (AppCDS)", measure(function.handler(), jar, firstEvents, env, runs,
                            false, with(jvmFlags, "-XX:SharedArchiveFile=" + archive), log));
                }
            }
        }
        return results;
    }

    private static List<String> with(List<String> flags, String flag) {
        List<String> all = new ArrayList<>(flags);
        all.add(flag);
        return all;
    }

    /** The West Midlands stored and committed, with its notices, so every first request does real work. */
    private static String prepare(Path root, AwsClients aws, String table) throws IOException {
        Wiring wiring = new Wiring(Environment.of(Map.of(Environment.TABLE, table, Environment.AUDIT_TABLE, table + "-audit")), aws, Clock.systemUTC());
        AllocationService service = new AllocationService(wiring.programmes(), wiring.runs(), new JsonProgrammeDocuments(),
                Clock.systemUTC(), new SecureRandom());
        JsonNode document = Json.parse(Files.readString(root.resolve("events/data/west-midlands-2007-08.json")));
        service.putProgramme("l2d-2007-08", ProgrammeJson.read((ObjectNode) document));
        String runId = service.commit("l2d-2007-08", CommitRequest.confirming(service.dryRun("l2d-2007-08").inputHash()), Optional.empty()).run().header().runId();
        new NoticeService(wiring.programmes(), wiring.runs(), wiring.notices(), wiring.notices(),
                Clock.systemUTC(), wiring.auditLog()).createRunNotices("l2d-2007-08", runId);
        return runId;
    }

    /**
     * Commit jobs of the West Midlands, under an id of its own, queued as a large programme's are
     * (the limit set to 10): each supersedes the run the one before it wrote.
     */
    private static final class QueuedJobs {
        private static final String PROGRAMME = "l2d-background";
        private final Wiring wiring;
        private final AllocationService allocations;

        QueuedJobs(Path root, AwsClients aws, String table) throws IOException {
            wiring = new Wiring(Environment.of(Map.of(Environment.TABLE, table, Environment.AUDIT_TABLE, table + "-audit", Environment.COMMIT_IN_BACKGROUND_ABOVE, "10")),
                    aws, Clock.systemUTC());
            ObjectNode document = (ObjectNode) Json.parse(Files.readString(root.resolve("events/data/west-midlands-2007-08.json")));
            document.put("programmeId", PROGRAMME);
            allocations = new AllocationService(wiring.programmes(), wiring.runs(), new JsonProgrammeDocuments(),
                    Clock.systemUTC(), new SecureRandom());
            allocations.putProgramme(PROGRAMME, ProgrammeJson.read(document));
        }

        /** A new job, and the sample event rewritten to name it. */
        Path next(String sample, Path event) {
            Optional<CommitRequest.Supersession> supersedes = allocations.listRuns(PROGRAMME).stream().findFirst()
                    .map(latest -> new CommitRequest.Supersession(latest.runId(), "the cold-start bench commits it again"));
            CommitJobs.Outcome queued = new CommitRunsComposition(wiring).commitJobs().commit(PROGRAMME, new CommitRequest(
                    allocations.dryRun(PROGRAMME).inputHash(), supersedes), Optional.empty(),
                    Actor.system("bench@grants.local", Role.PROGRAMME_MANAGER));
            String jobId = ((CommitJobs.Outcome.Queued) queued).job().jobId();
            try {
                return Files.writeString(event, sample.replace("20261122T090000000Z-0a1b2c", jobId)
                        .replace("l2d-2007-08", PROGRAMME), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** Median {init, prime, first invoke, total} in ms over {@code runs} fresh JVMs. */
    private static long[] measure(String handler, Path jar, Supplier<Path> events, Map<String, String> env, int runs,
                                  boolean prime, List<String> jvmOptions, PrintStream log) throws Exception {
        String bench = Path.of(ColdStart.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        String classpath = jar == null ? bench : jar + java.io.File.pathSeparator + bench;
        List<List<Long>> phases = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < runs; i++) {
            List<String> command = new ArrayList<>(List.of("java"));
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", classpath, "grants.bench.ColdStartProbe", handler, events.get().toString()));
            if (prime) {
                command.add("prime");
            }
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(env);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            String line = output.lines().filter(l -> l.startsWith("PROBE ")).findFirst()
                    .orElseThrow(() -> new IllegalStateException(handler + " did not start:\n" + output));
            String[] fields = line.substring(6).split(" ");
            for (int f = 0; f < 4; f++) {
                phases.get(f).add(Long.parseLong(fields[f].split("=")[1]));
            }
        }
        long[] medians = new long[4];
        for (int f = 0; f < 4; f++) {
            medians[f] = Stopwatch.median(phases.get(f));
        }
        log.printf("  %-45s init %5d ms, prime %5d ms, first request %5d ms, total %5d ms%n",
                handler + (prime ? " (primed)" : ""), medians[0], medians[1], medians[2], medians[3]);
        return medians;
    }
}
