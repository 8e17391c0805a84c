package grants.testing;

import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.commitments.CommitmentIntake;
import grants.core.ledger.BudgetStatement;
import grants.core.ledger.Entry;
import grants.core.ledger.EntryKind;
import grants.core.ledger.LedgerService;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coventry's round, lived through its use cases and published: its fund's £5,000,000 a year for three
 * years appears in the ledger with the seven contracts committed year by year, £1,150,000 a year left
 * unawarded (the spec's worked example), which the manager carries to a second call within the fund.
 */
class CoventrysMoneyInTheLedgerTest {

    private static final String ROUND = LivedRound.ROUND;
    private static final String SECOND_CALL = ROUND + "-second-call";

    private final LivedRound round = new LivedRound();
    private final InMemoryLedgerStore store = new InMemoryLedgerStore(round.store.trail());
    private final LedgerService ledger = new LedgerService(store, round.clock);
    private final CommitmentIntake intake = new CommitmentIntake(ledger, new InMemoryProgrammeStore(),
            new InMemoryRunStore(), round.store, round.clock);
    private final Actor manager = new Actor("sub-manager", "manager@coventry.example", Set.of(Role.PROGRAMME_MANAGER),
            Optional.empty(), Optional.empty(), Set.of(ROUND, SECOND_CALL));

    private void published() {
        round.untilScoring();
        round.scored();
        round.awards.decide(TestRounds.manager(), ROUND);
        intake.fromRound(ROUND);
        round.awards.publish(TestRounds.manager(), ROUND);
        intake.fromRound(ROUND);
        intake.fromRound(ROUND);
    }

    @Test
    void theFundsThreeYearsShowTheContractsCommittedAndTheUnawardedMoneyLeft() {
        published();

        List<BudgetStatement.Row> rows = ledger.statement(manager, ROUND).rows();
        assertThat(rows).extracting(row -> row.year().toString()).containsExactly("2002-03", "2003-04", "2004-05");
        assertThat(rows).extracting(BudgetStatement.Row::budgetPence).containsOnly(500_000_000L);
        assertThat(rows).extracting(BudgetStatement.Row::committedPence).containsOnly(385_000_000L);
        assertThat(rows).extracting(BudgetStatement.Row::remainingPence).containsOnly(115_000_000L);
        assertThat(store.entries(ROUND)).as("seven contracts, each in each of three years, once")
                .hasSize(21).extracting(Entry::kind).containsOnly(EntryKind.COMMITTED);
    }

    @Test
    void theUnawardedMoneyIsCarriedToASecondCallWithinTheSameFund() {
        published();

        ledger.carryForward(manager, ROUND, SECOND_CALL);

        assertThat(ledger.statement(manager, SECOND_CALL).rows()).extracting(BudgetStatement.Row::carriedInPence,
                BudgetStatement.Row::remainingPence).containsOnly(org.assertj.core.groups.Tuple.tuple(115_000_000L,
                115_000_000L));
        assertThat(ledger.statement(manager, ROUND).yearTotals()).extracting(BudgetStatement.Row::remainingPence)
                .containsOnly(0L);
    }
}
