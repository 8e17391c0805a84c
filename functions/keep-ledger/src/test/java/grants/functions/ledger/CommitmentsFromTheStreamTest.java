package grants.functions.ledger;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import grants.adapters.dynamodb.DynamoLedgerStore;
import grants.adapters.dynamodb.Keys;
import grants.adapters.lambda.StreamEvents;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.audit.AuditEntry;
import grants.core.calendar.FinancialYear;
import grants.core.commissioning.Contract;
import grants.core.commitments.CommitmentIntake;
import grants.core.ledger.EntryKind;
import grants.core.monitoring.Agreement;
import grants.core.monitoring.AgreementIntake;
import grants.core.monitoring.GrantTerms;
import grants.core.monitoring.KeptPaymentRun;
import grants.core.monitoring.MonitoredAgreement;
import grants.core.monitoring.MonitoringStore;
import grants.core.monitoring.Payment;
import grants.core.commissioning.Round;
import grants.core.ledger.BudgetStatement;
import grants.core.ledger.Entry;
import grants.core.ledger.LedgerService;
import grants.core.run.AllocationService;
import grants.core.run.CommitRequest;
import grants.functions.commitments.RecordCommitmentsHandler;
import grants.localaws.LocalLambdaContext;
import grants.testing.TestProgrammes;
import grants.testing.TestRounds;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commitments made by themselves, on the emulators: a committed run, a published round and a payment
 * run's paid line written in DynamoDB, and the table's stream records (keys only, as Lambda hands them)
 * given to the handler, twice each: the ledger holds each commitment and payment once, with the lines
 * the documents state.
 */
class CommitmentsFromTheStreamTest {

    private static final String PROGRAMME = "l2d-2007-08";

    private final LedgerOnTheEmulators stack = new LedgerOnTheEmulators(getClass());
    private final RecordCommitmentsHandler handler = new RecordCommitmentsHandler(stack.wiring);
    private final Actor finance = new Actor("sub-finance", "finance@example.org", Set.of(Role.FINANCE_OFFICER),
            Optional.empty(), Optional.empty(), Set.of("*"));

    private void deliverTwice(DynamodbEvent event) {
        for (int time = 0; time < 2; time++) {
            assertThat(handler.handleRequest(event, new LocalLambdaContext("RecordCommitmentsFunction"))
                    .getBatchItemFailures()).isEmpty();
        }
    }

    private LedgerService ledger() {
        return new LedgerService(new DynamoLedgerStore(stack.wiring.table(), stack.wiring.auditTable()), stack.clock);
    }

    @Test
    void aCommittedRunsGrantsAreCommittedOnceAgainstTheProgrammesOwnLines() {
        stack.on("2007-06-01");
        AllocationService allocations = TestProgrammes.allocations(stack.wiring.programmes(), stack.wiring.runs(),
                stack.clock);
        allocations.putProgramme(PROGRAMME, TestProgrammes.programme(TestProgrammes.WEST_MIDLANDS, PROGRAMME));
        String runId = allocations.commit(PROGRAMME, CommitRequest.confirming(allocations.dryRun(PROGRAMME)
                .inputHash()), Optional.empty()).run().header().runId();

        deliverTwice(StreamEvents.inserted(Keys.committedRunKeys(PROGRAMME, runId)));

        BudgetStatement statement = ledger().statement(finance, PROGRAMME);
        assertThat(statement.rows()).extracting(BudgetStatement.Row::lineId)
                .containsExactly("core-grants", "regional-development-agency");
        assertThat(statement.rows().get(0).committedPence()).isEqualTo(stack.wiring.runs().header(PROGRAMME, runId)
                .orElseThrow().totals().finalGrantsPence());
        assertThat(ledger().entries(finance, PROGRAMME)).extracting(Entry::id)
                .containsExactly("run:" + PROGRAMME + "/" + runId);
    }

    @Test
    void aPublishedRoundsContractsAreCommittedYearByYearOnce() {
        String round = coventryPublishedAndDelivered();

        List<BudgetStatement.Row> rows = ledger().statement(finance, round).rows();
        assertThat(rows).extracting(BudgetStatement.Row::remainingPence).containsOnly(115_000_000L);
        assertThat(ledger().entries(finance, round)).hasSize(21);
    }

    @Test
    void anInstalmentAPaymentRunPaidIsPaidAgainstItsContractsCommitmentForItsYearOnce() {
        String round = coventryPublishedAndDelivered();
        new AgreementIntake(stack.wiring.monitoring(), stack.wiring.rounds(), stack.wiring.programmes(),
                stack.wiring.runs(), GrantTerms::defaultsFor, stack.clock).fromRound(round);
        Contract contract = stack.wiring.rounds().contracts(round).get(0);
        MonitoredAgreement agreement = stack.wiring.monitoring().agreement(contract.id()).orElseThrow();
        Agreement.Instalment first = agreement.agreement().instalments().get(0);
        LocalDate day = LocalDate.parse("2002-07-15");
        KeptPaymentRun.Begun run = new KeptPaymentRun.Begun("20020715T090000000Z-a1b2c3", day, "finance@example.org");
        stack.wiring.monitoring().replacePaying(new MonitoringStore.Read(agreement, List.of()), agreement, List.of(), entry(round, "INSTALMENT_PAID"),
                run, List.of(new KeptPaymentRun.Paid(new Payment(contract.id(), contract.leadOrganisation(), first, day,
                        false), round, Agreement.Source.CONTRACT, null)));

        deliverTwice(StreamEvents.inserted(Keys.paidLineKeys(day, run.runId(), contract.id(), first.number())));

        assertThat(ledger().entries(finance, round)).filteredOn(entry -> entry.kind() == EntryKind.PAID)
                .singleElement().satisfies(paid -> {
                    assertThat(paid.id()).isEqualTo("paid:" + contract.id() + "/" + first.number());
                    assertThat(paid.commitment()).contains(CommitmentIntake.contractCommitment(round, contract.id(),
                            FinancialYear.of(first.due())));
                    assertThat(paid.amountPence()).isEqualTo(first.pence());
                    assertThat(paid.madeBy()).isEqualTo("finance@example.org");
                });
        assertThat(ledger().statement(finance, round).rows().get(0).paidPence()).isEqualTo(first.pence());
    }

    /** Coventry's round published on 15 July 2002, and its head's stream record delivered (twice). */
    private String coventryPublishedAndDelivered() {
        stack.on("2002-07-15");
        Round coventry = TestRounds.coventry();
        stack.published(coventry, finance);
        deliverTwice(StreamEvents.inserted(Keys.roundHeadKeys(coventry.setup().roundId())));
        return coventry.setup().roundId();
    }

    private AuditEntry entry(String round, String action) {
        return AuditEntry.by(finance, stack.clock.instant(), round, action, "round " + round, null, action);
    }

    /**
     * SnapStart priming goes as far as the ledger's writes: the real intake sets a small run's programme lines
     * and commits the run against them, each read and write marshalled and signed, and nothing is sent or written.
     */
    @Test
    void primingForSnapStartCommitsARunAndWritesNothing() {
        handler.beforeCheckpoint(null);
        List<String> deeper = handler.primeDeeper();

        assertThat(deeper).as("each write stopped once, never retried").containsExactly(
                "a run's budget lines set: 2, its ledger entries made: 1", "5 × DynamoDb.GetItem, signed",
                "3 × DynamoDb.Query, signed", "3 × DynamoDb.TransactWriteItems, signed");
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
