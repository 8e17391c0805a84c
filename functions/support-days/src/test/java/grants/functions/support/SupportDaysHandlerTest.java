package grants.functions.support;

import grants.testing.TestProgrammes;
import grants.core.run.CommitRequest;
import grants.adapters.wiring.Wiring;
import grants.adapters.aws.Environment;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.adapters.aws.AwsClients;
import grants.adapters.dynamodb.AuditTable;
import grants.adapters.dynamodb.GrantsTable;
import grants.policycheck.AwsCallRecorder;
import grants.policycheck.PolicyEvaluator;
import grants.policycheck.TemplatePolicies;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;
import grants.adapters.dynamodb.DynamoLedgerStore;
import grants.core.ledger.Entry;
import grants.core.ledger.EntryKind;
import grants.core.ledger.LedgerService;
import grants.core.ledger.LineRequest;
import grants.core.ledger.Spend;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.documents.Json;
import grants.http.Identity;
import java.util.Set;
import grants.documents.ProgrammeJson;
import grants.core.run.AllocationService;
import grants.localaws.AwsStack;
import grants.localaws.LocalLambdaContext;
import grants.localaws.TestAwsStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SupportDays on the local stack with a committed West Midlands run: the sample events of
 * events/support-days through the handler, and 64 bookers racing for the same pool and adviser.
 */
class SupportDaysHandlerTest {

    private static final String PROGRAMME = "l2d-2007-08";

    private SupportDaysHandler handler;

    @BeforeEach
    void freshTableAndBucket() {
        AwsStack stack = TestAwsStack.shared();
        AwsClients aws = AwsClients.local(new AwsClients.Endpoints(stack::dynamoDbEndpoint, stack::s3Endpoint,
                stack::sesEndpoint, stack::sqsEndpoint), stack.accessKey(), stack.secretKey());
        String table = TestAwsStack.uniqueTableName(getClass());
        String bucket = "exports-" + Long.toHexString(System.nanoTime());
        GrantsTable.createIfMissing(aws.dynamoDb(), table);
        AuditTable.createIfMissing(aws.dynamoDb(), table + "-audit");
        aws.s3().createBucket(request -> request.bucket(bucket));
        Wiring wiring = new Wiring(Environment.of(Map.of(Environment.TABLE, table, Environment.AUDIT_TABLE, table + "-audit", Environment.EXPORT_BUCKET, bucket)), aws,
                Clock.systemUTC());
        handler = new SupportDaysHandler(wiring);
        allocations = TestProgrammes.allocations(wiring.programmes(), wiring.runs(), wiring.clock());
        this.wiring = wiring;
    }

    private Wiring wiring;

    private AllocationService allocations;

    private void commit(String fixture) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/data/" + fixture)) {
            ObjectNode document = (ObjectNode) Json.MAPPER.readTree(in);
            document.put("programmeId", PROGRAMME);
            allocations.putProgramme(PROGRAMME, ProgrammeJson.read(document));
        }
        allocations.commit(PROGRAMME, CommitRequest.confirming(allocations.dryRun(PROGRAMME).inputHash()), Optional.empty());
    }

    private APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, new LocalLambdaContext("SupportDaysFunction"));
    }

    private static APIGatewayV2HTTPEvent event(String name) {
        return EventLoader.loadApiGatewayHttpEvent(name);
    }

    private static APIGatewayV2HTTPEvent withBody(APIGatewayV2HTTPEvent event, Map<String, String> changes) {
        ObjectNode body = (ObjectNode) Json.parse(event.getBody());
        changes.forEach(body::put);
        event.setBody(Json.write(body));
        return event;
    }

    private static APIGatewayV2HTTPEvent withPath(APIGatewayV2HTTPEvent event, String name, String value) {
        Map<String, String> path = new HashMap<>(event.getPathParameters());
        path.put(name, value);
        event.setPathParameters(path);
        return event;
    }

    private static JsonNode body(APIGatewayV2HTTPResponse response) {
        return Json.parse(response.getBody());
    }

    private void adviser(String id, String contractedDays) {
        APIGatewayV2HTTPEvent put = withPath(withBody(event("put-adviser.json"), Map.of("contractedDays", contractedDays)),
                "adviserId", id);
        assertThat(call(put).getStatusCode()).isEqualTo(200);
    }

    private JsonNode balances() {
        APIGatewayV2HTTPEvent get = event("get-support-balances.json");
        get.setQueryStringParameters(null);
        return body(call(get));
    }

    private static JsonNode line(JsonNode balances, String list, String id) {
        for (JsonNode line : balances.get(list)) {
            if (line.get("id").asText().equals(id)) {
                return line;
            }
        }
        throw new AssertionError("no " + id + " in " + list);
    }

    private APIGatewayV2HTTPResponse book(String adviserId, String days, String key) {
        APIGatewayV2HTTPEvent booking = withBody(event("post-support-booking.json"),
                Map.of("adviserId", adviserId, "days", days));
        booking.setHeaders(key == null ? Map.of() : Map.of("idempotency-key", key));
        return call(booking);
    }

    @ParameterizedTest
    @Event(value = "put-support-pool.json", type = APIGatewayV2HTTPEvent.class)
    void sixtyFourBookersNeverPassThePoolOrTheAdviser(APIGatewayV2HTTPEvent putPool) throws Exception {
        commit("west-midlands-2007-08.json");
        adviser("adviser-health", "5.0");   // 10 half-days
        adviser("adviser-crime", "20.0");
        assertThat(call(putPool).getStatusCode()).isEqualTo(201); // Warwickshire's 6 partnerships: 6.0 days

        List<Integer> first = race(64, "adviser-health");
        List<Integer> second = race(64, "adviser-crime");

        assertThat(first).filteredOn(status -> status == 201).hasSize(10);   // the adviser's contract binds
        assertThat(second).filteredOn(status -> status == 201).hasSize(2);   // then the pool's 12 half-days
        assertThat(first).filteredOn(status -> status != 201).allMatch(status -> status == 409).hasSize(54);
        assertThat(second).filteredOn(status -> status != 201).allMatch(status -> status == 409).hasSize(62);
        JsonNode balances = balances();
        assertThat(line(balances, "pools", "warwickshire-pool").get("bookedDays").asText()).isEqualTo("6.0");
        assertThat(line(balances, "pools", "warwickshire-pool").get("remainingDays").asText()).isEqualTo("0.0");
        assertThat(line(balances, "advisers", "adviser-health").get("bookedDays").asText()).isEqualTo("5.0");
        assertThat(line(balances, "advisers", "adviser-crime").get("bookedDays").asText()).isEqualTo("1.0");
        long accepted = java.util.stream.Stream.concat(first.stream(), second.stream()).filter(s -> s == 201).count();
        System.out.printf("race: %d attempts, %d accepted, %d refused with 409; pool booked %s of 6.0,"
                        + " adviser-health %s of 5.0, adviser-crime %s of 20.0%n", first.size() + second.size(), accepted,
                first.size() + second.size() - accepted, line(balances, "pools", "warwickshire-pool").get("bookedDays").asText(),
                line(balances, "advisers", "adviser-health").get("bookedDays").asText(),
                line(balances, "advisers", "adviser-crime").get("bookedDays").asText());
    }

    /** {@code bookers} threads each booking half a day on the pool at the same moment; their HTTP statuses. */
    private List<Integer> race(int bookers, String adviserId) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(bookers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<APIGatewayV2HTTPResponse>> results = new ArrayList<>();
        for (int i = 0; i < bookers; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return book(adviserId, "0.5", null);
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<APIGatewayV2HTTPResponse> result : results) {
            APIGatewayV2HTTPResponse response = result.get();
            statuses.add(response.getStatusCode());
            if (response.getStatusCode() == 409) {
                assertThat(body(response).get("error").get("code").asText()).isEqualTo("SUPPORT_LIMIT_EXCEEDED");
                assertThat(body(response).get("error").get("message").asText()).contains("over by");
            }
        }
        pool.shutdown();
        return statuses;
    }

    @ParameterizedTest
    @Event(value = "post-support-booking.json", type = APIGatewayV2HTTPEvent.class)
    void aRetriedBookingBooksOnceAndCancellingGivesTheDaysBack(APIGatewayV2HTTPEvent booking) throws IOException {
        commit("west-midlands-2007-08.json");
        adviser("adviser-health", "20.0");
        call(event("put-support-pool.json"));

        APIGatewayV2HTTPResponse first = call(booking);
        APIGatewayV2HTTPResponse retried = call(booking);

        assertThat(first.getStatusCode()).isEqualTo(201);
        String bookingId = body(first).get("bookingId").asText();
        assertThat(body(retried).get("bookingId").asText()).isEqualTo(bookingId);
        assertThat(line(balances(), "pools", "warwickshire-pool").get("bookedDays").asText()).isEqualTo("1.5");

        APIGatewayV2HTTPResponse cancelled = call(withPath(event("cancel-support-booking.json"), "bookingId", bookingId));

        assertThat(body(cancelled).get("state").asText()).isEqualTo("CANCELLED");
        assertThat(line(balances(), "pools", "warwickshire-pool").get("bookedDays").asText()).isEqualTo("0.0");
        assertThat(line(balances(), "pools", "warwickshire-pool").get("remainingDays").asText()).isEqualTo("6.0");
        assertThat(call(withPath(event("cancel-support-booking.json"), "bookingId", bookingId)).getStatusCode())
                .as("cancelling twice").isEqualTo(409);
    }

    @ParameterizedTest
    @Event(value = "deliver-support-booking.json", type = APIGatewayV2HTTPEvent.class)
    void aDeliveredBookingCountsAsDeliveredWithItsNote(APIGatewayV2HTTPEvent deliver) throws IOException {
        commit("west-midlands-2007-08.json");
        adviser("adviser-health", "20.0");
        call(event("put-support-pool.json"));
        String bookingId = body(call(event("post-support-booking.json"))).get("bookingId").asText();

        JsonNode delivered = body(call(withPath(deliver, "bookingId", bookingId)));

        assertThat(delivered.get("state").asText()).isEqualTo("DELIVERED");
        assertThat(delivered.get("note").asText()).contains("six partnerships");
        JsonNode pool = line(balances(), "pools", "warwickshire-pool");
        assertThat(pool.get("deliveredDays").asText()).isEqualTo("1.5");
        assertThat(pool.get("bookedDays").asText()).isEqualTo("1.5");
    }

    @ParameterizedTest
    @Event(value = "put-support-pool.json", type = APIGatewayV2HTTPEvent.class)
    void aWithdrawnLocalityCannotPool(APIGatewayV2HTTPEvent putPool) throws IOException {
        commit("west-midlands-warwickshire-withdrawn.json");

        APIGatewayV2HTTPResponse refused = call(putPool);

        assertThat(refused.getStatusCode()).isEqualTo(400);
        assertThat(body(refused).get("error").get("details").get(0).get("field").asText()).isEqualTo("members[0]");
        assertThat(body(refused).toString()).contains("not funded");
        assertThat(balances().get("pools")).isEmpty();
    }

    @ParameterizedTest
    @Event(value = "post-support-booking.json", type = APIGatewayV2HTTPEvent.class)
    void badBookingsNameTheirFieldAndWriteNothing(APIGatewayV2HTTPEvent booking) throws IOException {
        commit("west-midlands-2007-08.json");
        adviser("adviser-health", "20.0");
        call(event("put-support-pool.json"));
        String before = balances().toString();

        assertThat(fieldOf(call(withBody(booking, Map.of("adviserId", "nobody"))))).isEqualTo("adviserId");
        assertThat(fieldOf(call(withBody(event("post-support-booking.json"), Map.of("days", "0.3"))))).isEqualTo("days");
        assertThat(fieldOf(call(withBody(event("post-support-booking.json"), Map.of("date", "2008-04-01")))))
                .isEqualTo("date");
        assertThat(fieldOf(call(withBody(event("post-support-booking.json"), Map.of("date", "15/10/2007")))))
                .isEqualTo("date");

        assertThat(balances().toString()).as("nothing written").isEqualTo(before);
    }

    private static String fieldOf(APIGatewayV2HTTPResponse response) {
        assertThat(response.getStatusCode()).isEqualTo(400);
        return body(response).get("error").get("details").get(0).get("field").asText();
    }

    @ParameterizedTest
    @Event(value = "get-support-balances.json", type = APIGatewayV2HTTPEvent.class)
    void balancesGoToTheExportBucketAsCsvForFinance(APIGatewayV2HTTPEvent getBalances) throws IOException {
        commit("west-midlands-2007-08.json");
        adviser("adviser-health", "20.0");
        call(event("put-support-pool.json"));
        call(event("post-support-booking.json"));

        JsonNode response = body(call(getBalances));

        assertThat(response.get("partnerships")).hasSize(38);
        assertThat(line(response, "partnerships", "rugby").get("pool").asText()).isEqualTo("warwickshire-pool");
        String csv = new String(URI.create(response.get("csv").get("link").asText()).toURL().openStream()
                .readAllBytes(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("kind,id,name,pool,entitled_days,booked_days,delivered_days,remaining_days")
                .contains("POOL,warwickshire-pool,warwickshire pool,,6.0,1.5,0.0,4.5,0.0")
                .contains("ADVISER,adviser-health,Health Renewal Adviser,,20.0,1.5,0.0,18.5,0.0");
    }

    @Test
    void anAdviserSavedAgainKeepsTheSpecialismsSentAndAnUnknownOneIsRefusedByName() throws IOException {
        commit("west-midlands-2007-08.json");
        adviser("adviser-health", "20.0");
        APIGatewayV2HTTPEvent changed = withPath(event("put-adviser.json"), "adviserId", "adviser-health");
        ObjectNode body = (ObjectNode) Json.parse(changed.getBody());
        body.putArray("specialisms").add("economic development").add("leadership of partnerships");
        changed.setBody(Json.write(body));
        assertThat(call(changed).getStatusCode()).isEqualTo(200);

        assertThat(line(balances(), "advisers", "adviser-health").get("specialisms").toString())
                .isEqualTo("[\"economic development\",\"leadership of partnerships\"]");

        APIGatewayV2HTTPEvent unknown = withPath(event("put-adviser.json"), "adviserId", "adviser-health");
        ObjectNode unknownBody = (ObjectNode) Json.parse(unknown.getBody());
        unknownBody.putArray("specialisms").add("health").add("astrology");
        unknown.setBody(Json.write(unknownBody));
        APIGatewayV2HTTPResponse refused = call(unknown);
        assertThat(fieldOf(refused)).isEqualTo("specialisms[1]");
        assertThat(refused.getBody()).contains("astrology");
        assertThat(line(balances(), "advisers", "adviser-health").get("specialisms").toString()).as("nothing changed")
                .isEqualTo("[\"economic development\",\"leadership of partnerships\"]");
    }

    @Test
    void anUnknownBalancesFormatIsRefusedNamingTheParameter() {
        APIGatewayV2HTTPEvent get = event("get-support-balances.json");
        get.setQueryStringParameters(Map.of("format", "xlsx"));

        APIGatewayV2HTTPResponse response = call(get);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).at("/error/details/0/field").asText()).isEqualTo("format");
    }

    /** The sample booking, for one partnership instead of the pool. */
    private static APIGatewayV2HTTPEvent bookingFor(String partnershipId) {
        APIGatewayV2HTTPEvent event = event("post-support-booking.json");
        ObjectNode body = (ObjectNode) Json.parse(event.getBody());
        body.remove("poolId");
        event.setBody(Json.write(body.put("partnershipId", partnershipId).put("days", "0.5")));
        return event;
    }

    private static APIGatewayV2HTTPEvent as(APIGatewayV2HTTPEvent event, Actor actor) {
        event.setRequestContext(Identity.verified(Identity.claimsOf(actor)));
        return event;
    }

    private static Actor member(String partnershipId) {
        return new Actor("sub-" + partnershipId, "clerk@" + partnershipId + ".example", Set.of(Role.PARTNERSHIP_MEMBER),
                Optional.of(partnershipId), Optional.empty());
    }

    @Test
    void aMemberBooksAndCancelsForTheirOwnPartnershipOnly() throws IOException {
        commit("west-midlands-2007-08.json");
        adviser("adviser-health", "20.0");
        APIGatewayV2HTTPResponse own = call(as(bookingFor("rugby"), member("rugby")));
        APIGatewayV2HTTPResponse another = call(as(bookingFor("rugby"), member("warwick")));

        String bookingId = body(own).get("bookingId").asText();
        assertThat(own.getStatusCode()).isEqualTo(201);
        assertThat(another.getStatusCode()).isEqualTo(403);
        assertThat(call(as(withPath(event("cancel-support-booking.json"), "bookingId", bookingId), member("warwick")))
                .getStatusCode()).isEqualTo(403);
        assertThat(call(as(withPath(event("cancel-support-booking.json"), "bookingId", bookingId), member("rugby")))
                .getStatusCode()).isEqualTo(200);
    }

    @Test
    void anAdviserDeliversTheirOwnBookingsOnly() throws IOException {
        commit("west-midlands-2007-08.json");
        adviser("adviser-health", "20.0");
        adviser("adviser-crime", "20.0");
        String bookingId = body(call(bookingFor("rugby"))).get("bookingId").asText();
        Actor crime = new Actor("sub-crime", "crime@advisers.example", Set.of(Role.ADVISER), Optional.empty(),
                Optional.of("adviser-crime"));
        Actor health = new Actor("sub-health", "health@advisers.example", Set.of(Role.ADVISER), Optional.empty(),
                Optional.of("adviser-health"));

        APIGatewayV2HTTPResponse notTheirs = call(as(withPath(event("deliver-support-booking.json"), "bookingId", bookingId),
                crime));
        APIGatewayV2HTTPResponse theirs = call(as(withPath(event("deliver-support-booking.json"), "bookingId", bookingId),
                health));

        assertThat(notTheirs.getStatusCode()).isEqualTo(403);
        assertThat(theirs.getStatusCode()).isEqualTo(200);
        assertThat(body(theirs).get("state").asText()).isEqualTo("DELIVERED");
    }

    /** A partnership member's booking of half a day, with this topic and Idempotency-Key. */
    private APIGatewayV2HTTPResponse bookWithKey(String partnershipId, String topic, String key) {
        APIGatewayV2HTTPEvent event = as(bookingFor(partnershipId), member(partnershipId));
        event.setBody(Json.write(((ObjectNode) Json.parse(event.getBody())).put("topic", topic)));
        event.setHeaders(Map.of("idempotency-key", key));
        return call(event);
    }

    @Test
    void anIdempotencyKeyIsTheCallersAndBoundToItsRequest() throws IOException {
        commit("west-midlands-2007-08.json");
        adviser("adviser-health", "20.0");
        APIGatewayV2HTTPResponse coventrys = bookWithKey("coventry", "Health inequalities", "retry-1");
        assertThat(coventrys.getStatusCode()).isEqualTo(201);
        String coventryBooking = body(coventrys).get("bookingId").asText();

        APIGatewayV2HTTPResponse retried = bookWithKey("coventry", "Health inequalities", "retry-1");
        assertThat(body(retried).get("bookingId").asText()).as("the same caller and request replay").isEqualTo(coventryBooking);

        APIGatewayV2HTTPResponse changed = bookWithKey("coventry", "Crime reduction", "retry-1");
        assertThat(changed.getStatusCode()).as("the same key with another body").isEqualTo(409);
        assertThat(body(changed).at("/error/message").asText()).contains("Idempotency-Key header \"retry-1\"");

        APIGatewayV2HTTPResponse birminghams = bookWithKey("birmingham", "Health inequalities", "retry-1");
        assertThat(birminghams.getStatusCode()).isEqualTo(201);
        assertThat(body(birminghams).get("bookingId").asText()).as("never Coventry's booking").isNotEqualTo(coventryBooking);
        assertThat(body(birminghams).get("partnershipId").asText()).isEqualTo("birmingham");
        assertThat(line(balances(), "partnerships", "coventry").get("bookedDays").asText()).isEqualTo("0.5");
        assertThat(line(balances(), "partnerships", "birmingham").get("bookedDays").asText()).isEqualTo("0.5");
        assertThat(wiring.auditLog().page(PROGRAMME, Optional.empty(), 200).entries())
                .filteredOn(entry -> entry.action().equals("SUPPORT_BOOKED") && entry.actorEmail().contains("birmingham"))
                .allSatisfy(entry -> assertThat(entry.target()).doesNotContain(coventryBooking)).isNotEmpty();
    }

    /** Learning to Deliver's ledger on the same table: a line for adviser days, as a manager would set it. */
    private LedgerService ledgerWithAdviserDaysLine(long pence) {
        LedgerService ledger = new LedgerService(new DynamoLedgerStore(wiring.table(), wiring.auditTable()), wiring.clock());
        Actor manager = new Actor("manager", "manager@westmidlands.example", Set.of(Role.PROGRAMME_MANAGER),
                Optional.empty(), Optional.empty(), Set.of(PROGRAMME));
        ledger.setLine(manager, new LineRequest(PROGRAMME, "2007-08", "adviser-days", "Adviser days", "Core", pence,
                Set.of(Spend.ADVISER_DAYS), Optional.empty(), false, 0));
        return ledger;
    }

    private List<Entry> ledgerEntries(LedgerService ledger) {
        return ledger.entries(Actor.system("auditor", Role.AUDITOR), PROGRAMME);
    }

    @Test
    void aBookingCommitsItsDaysAtTheDayRateInItsOwnTransactionRefusedOverBudgetAndGivenBackOnCancel() throws IOException {
        commit("west-midlands-2007-08.json");
        assertThat(call(withPath(withBody(event("put-adviser.json"), Map.of("dayRate", "450.00")), "adviserId",
                "adviser-health")).getStatusCode()).isEqualTo(200);
        call(event("put-support-pool.json"));
        LedgerService ledger = ledgerWithAdviserDaysLine(100_000L);

        APIGatewayV2HTTPResponse booked = call(event("post-support-booking.json"));
        assertThat(booked.getStatusCode()).isEqualTo(201);
        String bookingId = body(booked).get("bookingId").asText();
        assertThat(ledgerEntries(ledger)).singleElement().satisfies(entry -> {
            assertThat(entry.id()).isEqualTo("booking:" + bookingId);
            assertThat(entry.amountPence()).as("1.5 days at £450.00").isEqualTo(67_500L);
        });

        APIGatewayV2HTTPResponse over = book("adviser-health", "1.5", "second-booking");
        assertThat(over.getStatusCode()).isEqualTo(409);
        assertThat(body(over).at("/error/code").asText()).isEqualTo("OVER_BUDGET");
        assertThat(body(over).at("/error/message").asText()).contains("Core: Adviser days, 2007-08",
                "it has £325.00 left, a shortfall of £350.00");
        assertThat(line(balances(), "pools", "warwickshire-pool").get("bookedDays").asText()).as("nothing written")
                .isEqualTo("1.5");
        assertThat(ledgerEntries(ledger)).hasSize(1);

        call(withPath(event("cancel-support-booking.json"), "bookingId", bookingId));
        assertThat(ledgerEntries(ledger)).extracting(Entry::kind).containsExactly(EntryKind.COMMITTED, EntryKind.RELEASED);
        assertThat(book("adviser-health", "1.5", "second-booking").getStatusCode())
                .as("the money given back is there to book again").isEqualTo(201);
    }

    @Test
    void anAdvisersDayRateIsATwoDecimalAmountAndABadOneIsRefusedNamingTheField() throws IOException {
        commit("west-midlands-2007-08.json");
        APIGatewayV2HTTPEvent put = withPath(withBody(event("put-adviser.json"), Map.of("dayRate", "450.00")),
                "adviserId", "adviser-health");
        JsonNode saved = body(call(put));
        assertThat(saved.get("dayRate").asText()).isEqualTo("450.00");
        assertThat(saved.get("dayRateInWords").asText()).isEqualTo("£450.00");

        for (String bad : List.of("450.001", "-450.00", "0.00", "four hundred")) {
            APIGatewayV2HTTPResponse refused = call(withPath(withBody(event("put-adviser.json"), Map.of("dayRate", bad)),
                    "adviserId", "adviser-health"));
            assertThat(refused.getStatusCode()).as(bad).isEqualTo(400);
            assertThat(fieldOf(refused)).as(bad).isEqualTo("dayRate");
        }
        assertThat(line(balances(), "advisers", "adviser-health").get("dayRate").asText()).as("nothing changed")
                .isEqualTo("450.00");
    }

    /**
     * The policy check covers a booking's charge by its own statement: under a copy of the template whose
     * ledger statement is narrowed, the booking is refused as AWS would refuse it, naming the function, the
     * call and what it needs, and neither the booking nor its charge is written.
     */
    @Test
    void aBookingsChargeUnderANarrowedLedgerStatementIsRefusedAsAwsWould(@TempDir Path dir) throws IOException {
        commit("west-midlands-2007-08.json");
        adviser("adviser-health", "20.0");
        call(withPath(withBody(event("put-adviser.json"), Map.of("dayRate", "450.00")), "adviserId", "adviser-health"));
        call(event("put-support-pool.json"));
        LedgerService ledger = ledgerWithAdviserDaysLine(100_000L);
        String allowed = "- Sid: ChargeBookingsToTheLedgerOnly\n              Effect: Allow\n"
                + "              Action: dynamodb:PutItem\n              Resource: !GetAtt GrantsTable.Arn\n"
                + "              Condition:\n                ForAllValues:StringLike:\n"
                + "                  dynamodb:LeadingKeys: ['BUDGET#*']\n";
        AwsCallRecorder recorder = new AwsCallRecorder(PolicyEvaluator.of(TemplatePolicies.copyWith(dir, allowed,
                allowed.replace("['BUDGET#*']", "['BUDGET#other-*']"))));
        AwsStack stack = TestAwsStack.shared();
        SupportDaysHandler narrowed = new SupportDaysHandler(new Wiring(wiring.environment(), AwsClients.local(
                new AwsClients.Endpoints(stack::dynamoDbEndpoint, stack::s3Endpoint, stack::sesEndpoint,
                        stack::sqsEndpoint), stack.accessKey(), stack.secretKey(), recorder), wiring.clock()));

        APIGatewayV2HTTPResponse refused = narrowed.handleRequest(event("post-support-booking.json"),
                new LocalLambdaContext("SupportDaysFunction"));

        assertThat(refused.getStatusCode()).as("the handler catches the refusal").isEqualTo(500);
        assertThat(recorder.takeDenials()).first().asString().contains("AWS would deny SupportDaysFunction",
                "TransactWriteItems: Put", "pk=BUDGET#" + PROGRAMME + ", sk=LINE#2007-08#adviser-days",
                "it needs a statement allowing dynamodb:PutItem");
        assertThat(ledgerEntries(ledger)).as("no charge written").isEmpty();
        assertThat(line(balances(), "pools", "warwickshire-pool").get("bookedDays").asText()).as("no booking written")
                .isEqualTo("0.0");
    }
}
