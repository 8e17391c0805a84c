package grants.core.exports;

import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.ledger.BudgetStatement;
import grants.core.ledger.Entry;
import grants.core.ledger.LedgerService;
import grants.core.run.RunHeader;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BinaryOperator;

/**
 * What a run's export reads of its programme's ledger: the budget statement and every entry, read as
 * an auditor reads them (the ledger never knows the export exists). The table's stream hands a
 * committed run to the ledger's intake and to the export side by side, so the export gives the intake
 * a little while ({@code patience}) to record the run's commitment first; if it has not by then (the
 * ledger refused it, say), the export goes ahead with the ledger as it stands rather than hold
 * finance's files back.
 */
public final class ExportLedger {

    /** A programme's ledger as the export writes it. */
    public record Read(BudgetStatement statement, List<Entry> entries) {

        public Read {
            entries = List.copyOf(entries);
        }
    }

    /** Reads every programme's ledger, and nothing else. */
    private static final Actor READER = new Actor("system:export-finance", null, Set.of(Role.AUDITOR),
            Optional.empty(), Optional.empty());
    /**
     * How often the ledger is asked again for the run's commitment: the intake is usually done within a
     * hundred milliseconds, and each ask is one read of one entry.
     */
    private static final Duration POLL = Duration.ofMillis(25);

    private final LedgerService ledger;
    private final BinaryOperator<String> runCommitment;
    private final Duration patience;

    /**
     * @param runCommitment the id of a run's commitment from its programme and run ids, as the intake
     *                      makes it ({@code CommitmentIntake::runCommitment}; exports may not
     *                      name it: commitments reads rounds, which write their files through exports)
     */
    public ExportLedger(LedgerService ledger, BinaryOperator<String> runCommitment, Duration patience) {
        this.ledger = ledger;
        this.runCommitment = runCommitment;
        this.patience = patience;
    }

    /** The ledger of the run's programme, once it holds the run's commitment (or patience runs out). */
    public Read of(RunHeader header) {
        String programmeId = header.programmeId();
        String commitment = runCommitment.apply(programmeId, header.runId());
        long deadline = System.nanoTime() + patience.toNanos();
        while (header.totals().finalGrantsPence() > 0 && System.nanoTime() < deadline
                && ledger.entry(READER, programmeId, commitment).isEmpty()) {
            pause();
        }
        return new Read(ledger.statement(READER, programmeId), ledger.entries(READER, programmeId));
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the ledger", e);
        }
    }
}
