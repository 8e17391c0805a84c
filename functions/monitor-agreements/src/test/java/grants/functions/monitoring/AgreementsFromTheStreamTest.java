package grants.functions.monitoring;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.fasterxml.jackson.databind.JsonNode;
import grants.core.access.Actor;
import grants.core.allocation.Status;
import grants.core.audit.AuditEntry;
import grants.core.commissioning.Contract;
import grants.core.commissioning.Decisions;
import grants.core.commissioning.Round;
import grants.core.commissioning.Specification;
import grants.core.rounds.ContractAcceptances;
import grants.core.rounds.RoundHeader;
import grants.core.rounds.RoundLetters;
import grants.core.rounds.RoundService;
import grants.core.rounds.RoundStore;
import grants.core.rounds.Stage;
import grants.core.run.CommitRequest;
import grants.functions.intake.EnterAgreementsHandler;
import grants.core.run.AllocationService;
import grants.localaws.LocalLambdaContext;
import grants.testing.TestProgrammes;
import grants.testing.TestRounds;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static grants.functions.monitoring.MonitoringOnTheEmulators.FINANCE;
import static grants.functions.monitoring.MonitoringOnTheEmulators.MANAGER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Agreements appear by themselves, on the emulators: the Coventry round's decisions published in
 * DynamoDB, and the table's stream records (keys only, as Lambda hands them) given to the intake's
 * handler. Delivered twice they change nothing; an instalment is held until the lead organisation
 * has accepted its contract on the round, and paid by the next run after.
 */
class AgreementsFromTheStreamTest {

    private static final String PATHWAYS = Contract.idFor("unemployment-pathways");

    private final MonitoringOnTheEmulators stack = MonitoringOnTheEmulators.empty(getClass());
    private final EnterAgreementsHandler intake = new EnterAgreementsHandler(stack.wiring);
    private final Round coventry = TestRounds.coventry();
    private final String round = coventry.setup().roundId();

    private static DynamodbEvent written(String eventName, String pk, String sk) {
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventName(eventName);
        record.setDynamodb(new StreamRecord().withKeys(Map.of("pk", new AttributeValue().withS(pk),
                "sk", new AttributeValue().withS(sk))).withSequenceNumber("1"));
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(record));
        return event;
    }

    private void deliver(DynamodbEvent event) {
        assertThat(intake.handleRequest(event, new LocalLambdaContext("MonitorAgreementsIntakeFunction"))
                .getBatchItemFailures()).isEmpty();
    }

    private AuditEntry entry(String action) {
        return AuditEntry.by(MANAGER, stack.clock.instant(), round, action, "round " + round, null, action);
    }

    /** The round as publishing its decisions leaves it: proposals, contracts, then the head PUBLISHED. */
    private void decidedThenPublished(boolean publish) {
        RoundStore rounds = stack.wiring.rounds();
        RoundHeader proposing = new RoundHeader(coventry.setup(), Stage.PROPOSING, List.of(), null,
                LocalDate.parse("2002-06-30"));
        rounds.create(proposing, entry("ROUND_SET_UP"));
        coventry.proposals().forEach(proposal -> rounds.putProposal(round, proposal, entry("PROPOSAL_SENT")));
        RoundHeader decided = new RoundHeader(coventry.setup(), Stage.DECIDED, List.of(), null,
                LocalDate.parse("2002-06-30"));
        rounds.advance(decided, Stage.PROPOSING);
        rounds.putContracts(round, Decisions.decide(coventry).contracts());
        if (publish) {
            rounds.advance(decided.published(coventry.specifications().stream().map(Specification::id).toList()),
                    Stage.DECIDED, entry("DECISIONS_PUBLISHED"));
        }
    }

    private MonitoringOnTheEmulators.Response agreement(Actor caller, String agreementId) {
        return stack.call("get-agreement.json", caller, Map.of("agreementId", agreementId), null);
    }

    @Test
    void publishingTheDecisionsMakesOneAgreementPerContractOnceAndNothingIsPaidBeforeItIsAccepted() {
        stack.on("2002-07-15");
        decidedThenPublished(false);
        deliver(written("MODIFY", "ROUND#" + round, "ROUND"));
        assertThat(agreement(MANAGER, PATHWAYS).status()).as("decided, not yet published").isEqualTo(404);

        decidedThenPublished(true);
        deliver(written("MODIFY", "ROUND#" + round, "ROUND"));
        deliver(written("MODIFY", "ROUND#" + round, "ROUND"));

        JsonNode pathways = agreement(MANAGER, PATHWAYS).body();
        assertThat(pathways.path("title").asText()).isEqualTo("Unemployment Pathways");
        assertThat(pathways.path("organisation").asText()).isEqualTo("pathways");
        assertThat(pathways.path("organisationName").asText()).as("called as the round names it")
                .isEqualTo("Pathways to Work Trust");
        assertThat(pathways.path("instalments")).hasSize(12);
        assertThat(pathways.path("milestones").findValuesAsText("description"))
                .containsExactly("Steering group with client-group members in place",
                        "First year's activity delivered and reviewed");
        assertThat(pathways.path("outputs").get(0).path("measure").asText()).isEqualTo("Residents taking part");
        assertThat(pathways.path("accepted").isNull()).isTrue();
        assertThat(stack.wiring.auditLog().page(round, Optional.empty(), 200).entries())
                .filteredOn(e -> e.action().equals("AGREEMENT_ENTERED"))
                .hasSize(Decisions.decide(coventry).contracts().size());

        stack.on("2002-08-01");
        JsonNode held = stack.call("post-payment-run.json", FINANCE).body();
        assertThat(held.path("payments")).isEmpty();
        assertThat(held.path("held")).filteredOn(h -> h.path("agreementId").asText().equals(PATHWAYS))
                .hasSize(2).allSatisfy(h -> assertThat(h.path("reasons").toString()).isEqualTo("[\"NOT_ACCEPTED\"]"));

        RoundService rounds = new RoundService(stack.wiring.rounds(), new RoundLetters(stack.wiring.notices(),
                stack.wiring.notices(), stack.clock), stack.clock);
        new ContractAcceptances(stack.wiring.rounds(), rounds, stack.clock)
                .accept(TestRounds.proposerFor("pathways"), round, PATHWAYS);
        deliver(written("INSERT", "ROUND#" + round, "ACCEPTANCE#" + PATHWAYS));
        deliver(written("INSERT", "ROUND#" + round, "ACCEPTANCE#" + PATHWAYS));

        JsonNode accepted = agreement(MANAGER, PATHWAYS).body().path("accepted");
        assertThat(accepted.path("by").asText()).isEqualTo("bids@pathways.example");
        assertThat(accepted.path("on").asText()).isEqualTo("2002-08-01");
        JsonNode paid = stack.call("post-payment-run.json", FINANCE).body();
        assertThat(paid.path("payments")).filteredOn(p -> p.path("agreementId").asText().equals(PATHWAYS))
                .extracting(p -> p.path("instalment").asInt()).containsExactly(1, 2);
        assertThat(stack.wiring.auditLog().page(round, Optional.empty(), 200).entries())
                .filteredOn(e -> e.action().equals("AGREEMENT_ACCEPTED")).singleElement();
    }

    @Test
    void committingARunMakesOneAgreementPerFundedPartnershipOnce() {
        stack.on("2007-04-02");
        AllocationService allocations = TestProgrammes.allocations(stack.wiring.programmes(), stack.wiring.runs(),
                stack.clock);
        allocations.putProgramme("wm", TestProgrammes.programme(TestProgrammes.WARWICKSHIRE_WITHDRAWN, "wm"));
        String runId = allocations.commit("wm", CommitRequest.confirming(allocations.dryRun("wm").inputHash()),
                Optional.empty()).run().header().runId();

        deliver(written("INSERT", "PROGRAMME#wm", "RUN#" + runId));
        deliver(written("INSERT", "PROGRAMME#wm", "RUN#" + runId));

        long funded = stack.wiring.runs().rows("wm", runId).stream()
                .filter(row -> row.status() == Status.FUNDED && row.finalGrantPence() > 0).count();
        JsonNode birmingham = agreement(MANAGER, "grant-wm-birmingham").body();
        assertThat(birmingham.path("source").asText()).isEqualTo("GRANT");
        assertThat(birmingham.path("title").asText()).isEqualTo("Birmingham");
        assertThat(birmingham.path("organisationName").asText()).as("the partnership, by its name").isEqualTo("Birmingham");
        assertThat(birmingham.path("instalments")).hasSize(1);
        assertThat(birmingham.path("instalments").get(0).path("due").asText()).isEqualTo("2007-04-02");
        assertThat(stack.wiring.auditLog().page("wm", Optional.empty(), 200).entries())
                .filteredOn(e -> e.action().equals("AGREEMENT_ENTERED")).hasSize((int) funded);
    }

    /**
     * SnapStart priming goes as far as the intake's writes: a small run's agreements are made and planned by
     * the real intake, each read and write is marshalled and signed, and nothing is sent or written.
     */
    @Test
    void primingForSnapStartEntersARunsAgreementsAndWritesNothing() {
        intake.beforeCheckpoint(null);
        List<String> deeper = intake.primeDeeper();

        assertThat(deeper).as("each read, each agreement's first write and one transaction stopped once, never retried")
                .containsExactly("entered 4 agreements of a run", "14 × DynamoDb.GetItem, signed",
                        "1 × DynamoDb.Query, signed", "4 × DynamoDb.PutItem, signed", "DynamoDb.TransactWriteItems, signed");
        assertThat(itemsNaming(grants.adapters.lambda.Priming.ID)).isEmpty();
        assertThat(itemsNaming(grants.adapters.lambda.Priming.RUN_ID)).isEmpty();
    }

    /** Every item of the function's two tables (the grants table and its audit table) that names {@code text}. */
    private List<String> itemsNaming(String text) {
        String table = stack.wiring.environment().required(grants.adapters.aws.Environment.TABLE);
        return java.util.stream.Stream.of(table, table + "-audit")
                .flatMap(name -> stack.wiring.aws().dynamoDb().scanPaginator(r -> r.tableName(name)).items().stream())
                .map(Object::toString).filter(item -> item.contains(text)).toList();
    }
}
