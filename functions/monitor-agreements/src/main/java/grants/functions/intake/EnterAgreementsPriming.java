package grants.functions.intake;

import grants.adapters.aws.Unsent;
import grants.adapters.lambda.Priming;
import grants.adapters.lambda.PrimedPort;
import grants.core.audit.AuditEntry;
import grants.core.monitoring.AgreementIntake;
import grants.core.monitoring.MonitoredAgreement;
import grants.core.monitoring.GrantTerms;
import grants.core.monitoring.MonitoringStore;
import grants.core.programme.Programme;
import grants.core.rounds.RoundStore;
import grants.core.run.AllocationRun;
import grants.core.run.AllocationRunStore;
import grants.core.run.ProgrammeStore;
import grants.core.run.StoredProgramme;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The intake's deeper SnapStart priming: the real {@link AgreementIntake} enters a committed run's grants, as
 * for a run's record on the stream, with nothing read, written or sent ({@link PrimedPort}). Each read is
 * marshalled and signed by the real store, stopped before it is sent and answered in memory: the run and its
 * programme are the small ones made in memory ({@link Priming}); monitoring finds none of their agreements, no
 * bank holidays and no settings. Each agreement's write is signed and stopped likewise (at its first request, the
 * pointer to its first reminder's day), and so is one agreement's transaction (the record, its organisation's
 * lists and its audit entry).
 */
final class EnterAgreementsPriming {

    private final MonitoringStore monitoring;
    private final RoundStore rounds;
    private final ProgrammeStore programmes;
    private final AllocationRunStore runs;
    private final Clock clock;

    EnterAgreementsPriming(MonitoringStore monitoring, RoundStore rounds, ProgrammeStore programmes,
                           AllocationRunStore runs, Clock clock) {
        this.monitoring = monitoring;
        this.rounds = rounds;
        this.programmes = programmes;
        this.runs = runs;
        this.clock = clock;
    }

    /** @return what was primed, in words (for the log and the tests) */
    List<String> prime() {
        Programme programme = Priming.programme();
        AllocationRun run = Priming.run(programme);
        List<String> stopped = new ArrayList<>();
        List<Object[]> created = new ArrayList<>();
        AgreementIntake intake = new AgreementIntake(
                PrimedPort.of(MonitoringStore.class, monitoring)
                        .reads("agreement", args -> Optional.empty())
                        .reads("bankHolidays", args -> List.of())
                        .reads("settingsOf", args -> Optional.empty())
                        .writes("create", args -> {
                            created.add(args);
                            return true;
                        }).build(stopped),
                PrimedPort.of(RoundStore.class, rounds).build(stopped),
                PrimedPort.of(ProgrammeStore.class, programmes)
                        .reads("load", args -> Optional.of(new StoredProgramme(programme, 1, run.header().inputHash(),
                                Optional.empty()))).build(stopped),
                PrimedPort.of(AllocationRunStore.class, runs)
                        .reads("header", args -> Optional.of(run.header()))
                        .reads("rows", 2, args -> run.rows()).build(stopped),
                GrantTerms::defaultsFor, clock);
        List<String> done = new ArrayList<>();
        done.add("entered " + intake.fromRun(Priming.ID, Priming.RUN_ID).size() + " agreements of a run");
        done.addAll(PrimedPort.counted(stopped));
        // Each write above stops at its first request, the pointer to its first reminder's day; the transaction
        // after it is signed here, as for the first agreement with no reminder to point at.
        Object[] first = created.get(0);
        done.addAll(Unsent.run(() -> monitoring.create((MonitoredAgreement) first[0], List.of(), (AuditEntry) first[2])));
        return done;
    }
}
