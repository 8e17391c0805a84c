package grants.functions.ledger;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import grants.adapters.dynamodb.DynamoLedgerStore;
import grants.adapters.dynamodb.Keys;
import grants.adapters.lambda.StreamEvents;
import grants.core.access.Actor;
import grants.core.access.Role;
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

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commitments made by themselves, on the emulators: a committed run and a published round written in
 * DynamoDB, and the table's stream records (keys only, as Lambda hands them) given to the handler,
 * twice each: the ledger holds each commitment once, with the lines the documents state.
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
        stack.on("2002-07-15");
        Round coventry = TestRounds.coventry();
        String round = coventry.setup().roundId();
        stack.published(coventry, finance);

        deliverTwice(StreamEvents.inserted(Keys.roundHeadKeys(round)));

        List<BudgetStatement.Row> rows = ledger().statement(finance, round).rows();
        assertThat(rows).extracting(BudgetStatement.Row::remainingPence).containsOnly(115_000_000L);
        assertThat(ledger().entries(finance, round)).hasSize(21);
    }

}
