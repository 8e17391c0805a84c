package grants.functions.commitments;

import grants.adapters.lambda.Priming;
import grants.adapters.lambda.PrimedPort;
import grants.core.commitments.CommitmentIntake;
import grants.core.ledger.BudgetLine;
import grants.core.ledger.Entry;
import grants.core.ledger.LedgerService;
import grants.core.ledger.LedgerStore;
import grants.core.programme.Programme;
import grants.core.rounds.RoundStore;
import grants.core.run.AllocationRun;
import grants.core.run.AllocationRunStore;
import grants.core.run.ProgrammeOutline;
import grants.core.run.ProgrammeStore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * RecordCommitments' deeper SnapStart priming: the real {@link CommitmentIntake} commits a committed run's
 * grants, as for a run's record on the stream, with nothing read, written or sent ({@link PrimedPort}). Each read
 * and write is marshalled and signed by the real store and stopped before it is sent, then answered in memory:
 * the run and its programme's outline are the small ones made in memory ({@link Priming}); the ledger starts
 * empty, so the lines the programme states are set and then the run is committed against them, each write kept
 * in memory for the reads after it, as the table would keep it.
 */
final class RecordCommitmentsPriming {

    private final LedgerStore ledger;
    private final ProgrammeStore programmes;
    private final AllocationRunStore runs;
    private final RoundStore rounds;
    private final Clock clock;

    RecordCommitmentsPriming(LedgerStore ledger, ProgrammeStore programmes, AllocationRunStore runs, RoundStore rounds,
                             Clock clock) {
        this.ledger = ledger;
        this.programmes = programmes;
        this.runs = runs;
        this.rounds = rounds;
        this.clock = clock;
    }

    /** @return what was primed, in words (for the log and the tests) */
    List<String> prime() {
        Programme programme = Priming.programme();
        AllocationRun run = Priming.run(programme);
        List<String> stopped = new ArrayList<>();
        List<BudgetLine> lines = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        LedgerStore primedLedger = PrimedPort.of(LedgerStore.class, ledger)
                .reads("lines", args -> List.copyOf(lines))
                .reads("line", args -> lines.stream().filter(line -> line.year().equals(args[1])
                        && line.lineId().equals(args[2])).findFirst())
                .reads("entry", args -> entries.stream().filter(entry -> entry.id().equals(args[1])).findFirst())
                .reads("entries", args -> List.copyOf(entries))
                .reads("overspendRequest", args -> Optional.empty())
                .writes("apply", args -> {
                    LedgerStore.Change change = (LedgerStore.Change) args[0];
                    change.lines().forEach(line -> {
                        lines.removeIf(kept -> kept.year().equals(line.year()) && kept.lineId().equals(line.lineId()));
                        lines.add(line);
                    });
                    entries.addAll(change.entries());
                    return true;
                }).build(stopped);
        CommitmentIntake intake = new CommitmentIntake(new LedgerService(primedLedger, clock),
                PrimedPort.of(ProgrammeStore.class, programmes)
                        .reads("snapshotOutline", args -> Optional.of(ProgrammeOutline.of(programme))).build(stopped),
                PrimedPort.of(AllocationRunStore.class, runs)
                        .reads("header", args -> Optional.of(run.header()))
                        .reads("latest", args -> Optional.of(run.header())).build(stopped),
                PrimedPort.of(RoundStore.class, rounds).build(stopped), clock);
        intake.fromRun(Priming.ID, Priming.RUN_ID);
        List<String> done = new ArrayList<>();
        done.add("a run's budget lines set: " + lines.size() + ", its ledger entries made: " + entries.size());
        done.addAll(PrimedPort.counted(stopped));
        return done;
    }
}
