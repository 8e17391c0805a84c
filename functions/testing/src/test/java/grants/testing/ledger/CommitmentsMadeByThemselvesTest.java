package grants.testing.ledger;

import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.commitments.CommitmentIntake;
import grants.core.ledger.BudgetStatement;
import grants.core.ledger.Commitment;
import grants.core.ledger.Entry;
import grants.core.ledger.EntryKind;
import grants.documents.ledger.LedgerCsv;
import grants.core.ledger.LedgerService;
import grants.core.ledger.Spend;
import grants.core.run.AllocationService;
import grants.core.run.CommitRequest;
import grants.testing.InMemoryAuditTrail;
import grants.testing.InMemoryLedgerStore;
import grants.testing.InMemoryProgrammeStore;
import grants.testing.InMemoryRoundStore;
import grants.testing.InMemoryRunStore;
import grants.testing.SettableClock;
import grants.testing.TestProgrammes;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The West Midlands run committed: the programme's own lines appear (its £540,000 core budget, the
 * RDA's £70,000 ring-fenced to economic development) and the run's grants are committed against the
 * core line, once, however often the stream says so.
 */
class CommitmentsMadeByThemselvesTest {

    private static final String PROGRAMME = "l2d-2007-08";

    private final SettableClock clock = new SettableClock(Instant.parse("2007-06-01T09:00:00Z"));
    private final InMemoryProgrammeStore programmes = new InMemoryProgrammeStore();
    private final InMemoryRunStore runs = new InMemoryRunStore();
    private final InMemoryLedgerStore store = new InMemoryLedgerStore(new InMemoryAuditTrail());
    private final LedgerService ledger = new LedgerService(store, clock);
    private final CommitmentIntake intake = new CommitmentIntake(ledger, programmes, runs, new InMemoryRoundStore(),
            clock);
    private final Actor finance = new Actor("sub-finance", "finance@wm.example", Set.of(Role.FINANCE_OFFICER),
            Optional.empty(), Optional.empty(), Set.of(PROGRAMME));

    private String committedRun() {
        AllocationService allocations = TestProgrammes.allocations(programmes, runs, clock);
        allocations.putProgramme(PROGRAMME, TestProgrammes.programme(TestProgrammes.WEST_MIDLANDS, PROGRAMME));
        return allocations.commit(PROGRAMME, CommitRequest.confirming(allocations.dryRun(PROGRAMME).inputHash()),
                Optional.empty()).run().header().runId();
    }

    @Test
    void theWestMidlandsRunCommitsItsGrantsAgainstTheCoreLineBesideTheRingFencedRdaMoney() {
        String runId = committedRun();
        long grants = runs.header(PROGRAMME, runId).orElseThrow().totals().finalGrantsPence();

        intake.fromRun(PROGRAMME, runId);
        intake.fromRun(PROGRAMME, runId);

        BudgetStatement statement = ledger.statement(finance, PROGRAMME);
        assertThat(statement.rows()).extracting(BudgetStatement.Row::lineId, BudgetStatement.Row::source,
                        BudgetStatement.Row::budgetPence, BudgetStatement.Row::ringFence)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("core-grants", "Core", 54_000_000L, null),
                        org.assertj.core.groups.Tuple.tuple("regional-development-agency", "Regional Development Agency",
                                7_000_000L, "economic development"));
        assertThat(statement.rows().get(0).committedPence()).isEqualTo(grants);
        assertThat(statement.rows().get(0).year()).hasToString("2007-08");
        assertThat(store.entries(PROGRAMME)).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(EntryKind.COMMITTED);
            assertThat(entry.source()).isEqualTo("Run " + runId + " of Learning to Deliver 2007-08");
        });
        assertThat(new String(LedgerCsv.budget(statement).bytes(), java.nio.charset.StandardCharsets.UTF_8)).contains(
                "l2d-2007-08,2007-08,regional-development-agency,Economic development support,Regional Development Agency,"
                        + "economic development,false,70000.00,0.00,0.00,0.00,0.00,70000.00");
    }

    @Test
    void theRdaMoneyPaysOnlyForEconomicDevelopmentSupport() {
        intake.fromRun(PROGRAMME, committedRun());

        Entry booking = ledger.commit(new Commitment("booking:B1", PROGRAMME, FinancialYears.Y2007, Spend.ADVISER_DAYS,
                Optional.of("economic development"), 60_000L, "Booking B1", "member", LocalDate.of(2007, 6, 4)));

        assertThat(booking.lineId()).isEqualTo("regional-development-agency");
        assertThatThrownBy(() -> ledger.commit(new Commitment("booking:B2", PROGRAMME, FinancialYears.Y2007,
                Spend.ADVISER_DAYS, Optional.of("housing"), 60_000L, "Booking B2", "member", LocalDate.of(2007, 6, 4))))
                .hasFieldOrPropertyWithValue("code", "NO_LINE");
    }

    @Test
    void aManagersOwnLinesForTheYearAreKeptAndTheDocumentsAreNotAdded() {
        ledger.setLine(new Actor("sub-m", "m@wm.example", Set.of(Role.PROGRAMME_MANAGER), Optional.empty(),
                Optional.empty(), Set.of(PROGRAMME)), new grants.core.ledger.LineRequest(PROGRAMME, "2007-08", "grants",
                "All grants", "Core", 60_000_000L, Set.of(Spend.GRANTS), Optional.empty(), false, 0));

        intake.fromRun(PROGRAMME, committedRun());

        assertThat(ledger.statement(finance, PROGRAMME).rows()).extracting(BudgetStatement.Row::lineId)
                .containsExactly("grants");
    }

    @Test
    void aProgrammesGrantsBelongToTheYearItStatesWheneverTheRunIsCommitted() {
        clock.set(Instant.parse("2026-12-06T09:00:00Z"));

        intake.fromRun(PROGRAMME, committedRun());

        assertThat(ledger.statement(finance, PROGRAMME).rows()).extracting(row -> row.year().toString())
                .containsOnly("2007-08");
        assertThat(store.entries(PROGRAMME)).singleElement().extracting(entry -> entry.year().toString())
                .isEqualTo("2007-08");
    }

    /** The financial year of the example. */
    private static final class FinancialYears {
        static final grants.core.calendar.FinancialYear Y2007 = grants.core.calendar.FinancialYear.parse("2007-08")
                .orElseThrow();
    }

    /** Stream records of two partitions come in any order: the superseding run's may come first. */
    @Test
    void aSupersedingRunDeliveredBeforeTheRunItSupersedesLeavesOnlyItsOwnCommitment() {
        String first = committedRun();
        String second = supersedingRunOf(first);

        intake.fromRun(PROGRAMME, second);
        intake.fromRun(PROGRAMME, first);
        intake.fromRun(PROGRAMME, first);

        assertThat(store.entries(PROGRAMME)).extracting(Entry::id, Entry::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(CommitmentIntake.runCommitment(PROGRAMME, second), EntryKind.COMMITTED));
        assertThat(ledger.statement(finance, PROGRAMME).rows().get(0).committedPence())
                .isEqualTo(runs.header(PROGRAMME, second).orElseThrow().totals().finalGrantsPence());
    }

    @Test
    void aSupersedingRunDeliveredAfterTheRunItSupersedesGivesBackWhatIsLeftOfIt() {
        String first = committedRun();
        intake.fromRun(PROGRAMME, first);
        String second = supersedingRunOf(first);

        intake.fromRun(PROGRAMME, second);
        intake.fromRun(PROGRAMME, first);

        assertThat(store.entries(PROGRAMME)).extracting(Entry::kind)
                .containsExactly(EntryKind.COMMITTED, EntryKind.RELEASED, EntryKind.COMMITTED);
        assertThat(ledger.statement(finance, PROGRAMME).rows().get(0).committedPence())
                .isEqualTo(runs.header(PROGRAMME, second).orElseThrow().totals().finalGrantsPence());
    }

    /** A second run of the same programme a day later, superseding the first, as a manager commits it. */
    private String supersedingRunOf(String first) {
        clock.set(Instant.parse("2007-06-02T09:00:00Z"));
        AllocationService allocations = TestProgrammes.allocations(programmes, runs, clock);
        return allocations.commit(PROGRAMME, new CommitRequest(allocations.dryRun(PROGRAMME).inputHash(),
                Optional.of(new CommitRequest.Supersession(first, "A corrected deprivation score"))), Optional.empty())
                .run().header().runId();
    }
}
