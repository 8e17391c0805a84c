package grants.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import grants.adapters.aws.AwsClients;
import grants.adapters.aws.Environment;
import grants.adapters.dynamodb.GrantsTable;
import grants.documents.FieldReader;
import grants.documents.reporting.CsvLines;
import grants.adapters.dynamodb.Keys;
import grants.adapters.dynamodb.MonitoringSeed;
import grants.adapters.wiring.Wiring;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.calendar.WorkingDays;
import grants.core.monitoring.Act;
import grants.core.monitoring.Agreement;
import grants.core.monitoring.AgreementSources;
import grants.core.monitoring.GrantTerms;
import grants.core.monitoring.MonitoredAgreement;
import grants.core.monitoring.MonitoringSettings;
import grants.core.monitoring.Participant;
import grants.core.monitoring.Reminder;
import grants.core.monitoring.ScopeSettings;
import grants.core.programme.Partnership;
import grants.core.run.AllocationRun;
import grants.core.run.RunHeader;
import grants.functions.monitoring.MonitorAgreementsHandler;
import grants.http.Identity;
import grants.localaws.LocalAwsStack;
import grants.localaws.LocalLambdaContext;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The monitoring payment runs of a committed national run, on the embedded stack (issue 27): the
 * programme stored, dry run and committed through AllocateGrants as in {@link EndToEnd} (not timed
 * here: {@code e2e} times them), then one agreement per funded partnership, made as the intake makes
 * them from the committed run ({@code AgreementIntake.fromRun}: one instalment of the final grant,
 * due the day the run was committed, on the programme's default terms), accepted by their lead
 * organisation, and one in {@link #HELD_EVERY} held by finance with a reason, put in as the store
 * leaves them ({@link MonitoringSeed}, 16 writers; without the audit entries, which a payment run
 * never reads). Then, through MonitorAgreements' handler as deployed (its own wiring, its clock on
 * that day) as a finance officer: (a) {@code POST /payment-runs}, the run that writes the
 * {@code PAYMENT_RUN#} items, and (b) {@code GET /payment-runs/{day}/payments.csv}, the day's file
 * rendered from them; each beside its floor in the same stack: (a) the run's own items written again
 * by plain BatchWriteItem, 25 a request; (b) the raw paginated Query of those items, what any
 * rendering of them must read (and, for reference, one GetObject of the file's bytes, what a file
 * kept in S3 would cost instead). The file's total is checked against the instalments not held, to
 * the penny.
 */
final class EndToEndPayments {

    /** One agreement in this many is held by finance with a reason. */
    static final int HELD_EVERY = 20;

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String AMOUNT = "amount_gbp";
    private static final Actor FINANCE = Actor.system("finance@bench.local", Role.FINANCE_OFFICER);

    record Result(int partnerships, int agreements, int held, long seed, long run, int runItems, long runItemBytes,
                  long floorWrite, long file, long fileBytes, long floorQuery, long floorGet, long paidPence,
                  long runResponseBytes) {
    }

    private EndToEndPayments() {
    }

    static Result run(int partnerships, int attempt, PrintStream log) {
        try (LocalAwsStack stack = LocalAwsStack.inMemory()) {
            AwsClients aws = AwsClients.local(new AwsClients.Endpoints(stack::dynamoDbEndpoint, stack::s3Endpoint,
                    stack::sesEndpoint, stack::sqsEndpoint), stack.accessKey(), stack.secretKey());
            Map<String, String> stackSettings = EndToEnd.tableAndBucket(aws);
            String table = stackSettings.get(Environment.TABLE);
            String bucket = stackSettings.get(Environment.EXPORT_BUCKET);
            Environment environment = Environment.of(stackSettings);
            Wiring wiring = new Wiring(environment, aws, Clock.systemUTC());
            String programmeId = "bench-" + partnerships + "-" + attempt;
            String runId = EndToEnd.committedRun(wiring, programmeId, partnerships, attempt, log);

            // The agreements as the intake makes them from the committed run, on the programme's terms.
            RunHeader header = wiring.runs().header(programmeId, runId).orElseThrow();
            AllocationRun run = new AllocationRun(header, wiring.runs().rows(programmeId, runId));
            LocalDate day = LocalDate.ofInstant(header.committedAt(), LONDON);
            Map<String, String> partnershipNames = wiring.programmes().load(programmeId).orElseThrow().programme().partnerships()
                    .stream().collect(Collectors.toMap(Partnership::id, Partnership::name, (a, b) -> a));
            MonitoringSettings settings = ScopeSettings.forNewAgreementsOf(wiring.monitoring(), programmeId);
            WorkingDays calendar = new WorkingDays(wiring.monitoring().bankHolidays());
            Participant finance = new Participant(FINANCE.name(), Participant.Kind.FINANCE, Optional.empty());
            List<MonitoredAgreement> agreements = new ArrayList<>();
            long unheldPence = 0;
            int held = 0;
            for (Agreement grant : AgreementSources.fromRun(run, GrantTerms.defaultsFor(programmeId, day))) {
                String name = partnershipNames.getOrDefault(grant.organisation(), grant.organisation());
                MonitoredAgreement agreement = MonitoredAgreement.awaitingAcceptance(grant.titled(name)
                                .withOrganisationNamed(name), settings, calendar)
                        .accepted(new Act(day, "lead@" + grant.organisation() + ".example", "accepted for " + name));
                if (agreements.size() % HELD_EVERY == 0) {
                    agreement = agreement.hold(1, finance, new Act(day, finance.id(),
                            "Bank details changed: confirming them with the organisation before paying"));
                    held++;
                } else {
                    unheldPence += grant.instalments().get(0).pence();
                }
                agreements.add(agreement);
            }
            AtomicInteger putIn = new AtomicInteger();
            long seed = Stopwatch.millis(() -> DailyRunScale.chunks(agreements, 1_000).forEach(chunk -> {
                RoundScale.parallel(MonitoringSeed.batches(wiring.table(), chunk,
                        agreement -> Reminder.plannedFor(agreement, calendar)), Runnable::run);
                if (putIn.addAndGet(chunk.size()) % 10_000 == 0) {
                    log.printf("  put in %,d agreements%n", putIn.get());
                }
            }));
            log.printf("  %,d agreements put in (%,d held by finance) in %,d ms; the payment run on %s%n",
                    agreements.size(), held, seed, day);

            // (a) The payment run, as finance makes it: MonitorAgreements' route, its clock on that day.
            MonitorAgreementsHandler monitor = new MonitorAgreementsHandler(new Wiring(environment, aws, at(day)));
            APIGatewayV2HTTPResponse[] made = new APIGatewayV2HTTPResponse[1];
            long runTime = Stopwatch.millis(() -> made[0] = call(monitor, "POST /payment-runs", Map.of()));
            if (made[0].getStatusCode() != 201) {
                throw new IllegalStateException("the payment run answered " + made[0].getStatusCode() + ": "
                        + made[0].getBody());
            }
            long runResponseBytes = made[0].getBody().getBytes(StandardCharsets.UTF_8).length;

            // (b) The day's payment file, downloaded as finance does: one answer, no pages.
            APIGatewayV2HTTPResponse[] file = new APIGatewayV2HTTPResponse[1];
            long fileTime = Stopwatch.millis(() -> file[0] = call(monitor, "GET /payment-runs/{day}/payments.csv",
                    Map.of("day", day.toString())));
            if (file[0].getStatusCode() != 200) {
                throw new IllegalStateException("payments.csv answered " + file[0].getStatusCode() + ": "
                        + file[0].getBody());
            }
            byte[] csv = file[0].getBody().getBytes(StandardCharsets.UTF_8);
            long paidPence = checkedTotal(file[0].getBody(), agreements.size() - held, unheldPence);

            // The floors, in the same stack: the day's items read raw, written again raw, and the file's bytes got.
            String partition = Keys.paymentRunsOn(day);
            List<Map<String, AttributeValue>> items = new ArrayList<>();
            long floorQuery = Stopwatch.millis(() -> aws.dynamoDb().queryPaginator(r -> r.tableName(table)
                            .consistentRead(true).keyConditionExpression("pk = :pk")
                            .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition))))
                    .items().forEach(items::add));
            long itemBytes = items.stream().mapToLong(EndToEndPayments::size).sum();
            long floorWrite = Stopwatch.millis(() -> batchWrite(aws.dynamoDb(), table, items));
            aws.s3().putObject(r -> r.bucket(bucket).key("floor/payments.csv"), RequestBody.fromBytes(csv));
            long floorGet = Stopwatch.millis(() -> {
                if (aws.s3().getObjectAsBytes(r -> r.bucket(bucket).key("floor/payments.csv")).asByteArray().length
                        != csv.length) {
                    throw new IllegalStateException("the floor's object came back another size");
                }
            });
            return new Result(partnerships, agreements.size(), held, seed, runTime, items.size(), itemBytes, floorWrite,
                    fileTime, csv.length, floorQuery, floorGet, paidPence, runResponseBytes);
        }
    }

    /**
     * The file's lines and total: one line per instalment not held, and their {@code amount_gbp} adding up
     * to the instalments not held, to the penny (read as decimals, summed in whole pence).
     */
    static long checkedTotal(String csv, int expectedLines, long expectedPence) {
        FieldReader reader = new FieldReader();
        List<List<String>> lines = CsvLines.parse(csv, reader);
        if (!reader.problems().isEmpty()) {
            throw new IllegalStateException("payments.csv is not CSV: " + reader.problems());
        }
        int amount = lines.get(0).indexOf(AMOUNT);
        if (amount < 0) {
            throw new IllegalStateException("payments.csv has no " + AMOUNT + " column: " + lines.get(0));
        }
        long pence = 0;
        for (List<String> line : lines.subList(1, lines.size())) {
            pence += new BigDecimal(line.get(amount)).movePointRight(2).longValueExact();
        }
        int count = lines.size() - 1;
        if (count != expectedLines || pence != expectedPence) {
            throw new IllegalStateException("payments.csv pays " + count + " instalments, " + pence
                    + " pence; the instalments not held are " + expectedLines + ", " + expectedPence + " pence");
        }
        return pence;
    }

    private static APIGatewayV2HTTPResponse call(MonitorAgreementsHandler monitor, String route,
                                                 Map<String, String> path) {
        return monitor.handleRequest(APIGatewayV2HTTPEvent.builder().withRouteKey(route).withPathParameters(path)
                .withIsBase64Encoded(false).withRequestContext(Identity.verified(Identity.claimsOf(FINANCE)))
                .build(), new LocalLambdaContext("MonitorAgreementsFunction"));
    }

    private static Clock at(LocalDate day) {
        return Clock.fixed(day.atTime(LocalTime.of(10, 0)).atZone(LONDON).toInstant(), LONDON);
    }

    /** The floor: the same items, under another partition, 25 to a BatchWriteItem, nothing else. */
    private static void batchWrite(DynamoDbClient dynamoDb, String table, List<Map<String, AttributeValue>> items) {
        EndToEnd.floorWrites(dynamoDb, table, items.stream().map(item -> {
            Map<String, AttributeValue> copy = new HashMap<>(item);
            copy.put(GrantsTable.PK, AttributeValue.fromS("FLOOR-" + item.get(GrantsTable.PK).s()));
            return copy;
        }).toList());
    }

    /** An item's size as DynamoDB counts it, near enough: names and values in bytes. */
    private static long size(Map<String, AttributeValue> item) {
        return item.entrySet().stream().mapToLong(e -> e.getKey().getBytes(StandardCharsets.UTF_8).length
                + size(e.getValue())).sum();
    }

    private static long size(AttributeValue value) {
        if (value.s() != null) {
            return value.s().getBytes(StandardCharsets.UTF_8).length;
        }
        if (value.n() != null) {
            return value.n().length();
        }
        if (value.bool() != null || Boolean.TRUE.equals(value.nul())) {
            return 1;
        }
        if (value.hasSs()) {
            return value.ss().stream().mapToLong(s -> s.getBytes(StandardCharsets.UTF_8).length).sum();
        }
        if (value.hasM()) {
            return 3 + size(value.m());
        }
        if (value.hasL()) {
            return 3 + value.l().stream().mapToLong(EndToEndPayments::size).sum();
        }
        return 0;
    }
}
