package grants.core.monitoring;

import grants.core.access.Actor;
import grants.core.audit.AuditEntry;
import grants.core.calendar.WorkingDays;
import grants.core.commissioning.Contract;
import grants.core.commissioning.Proposal;
import grants.core.commissioning.RoundSetup;
import grants.core.errors.ConflictException;
import grants.core.programme.Partnership;
import grants.core.rounds.Acceptance;
import grants.core.rounds.RoundHeader;
import grants.core.rounds.RoundStore;
import grants.core.rounds.Stage;
import grants.core.run.AllocationRun;
import grants.core.run.AllocationRunStore;
import grants.core.run.ProgrammeStore;
import grants.core.run.RunHeader;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Agreements appear by themselves: monitoring reads what rounds publish and runs commit (they never
 * know it exists) and enters it, as the daily run's actor. A published round gives one agreement per
 * contract, and each contract its round records as accepted is accepted here too; a committed run
 * gives one per funded partnership. Every step is idempotent and does not care in what order it is
 * told, so a stream record delivered twice, or an acceptance seen before the publication, changes
 * nothing more.
 */
public final class AgreementIntake {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final MonitoringStore store;
    private final RoundStore rounds;
    private final ProgrammeStore programmes;
    private final AllocationRunStore runs;
    private final GrantTerms.Source terms;
    private final Clock clock;

    public AgreementIntake(MonitoringStore store, RoundStore rounds, ProgrammeStore programmes, AllocationRunStore runs,
                           GrantTerms.Source terms, Clock clock) {
        this.store = store;
        this.rounds = rounds;
        this.programmes = programmes;
        this.runs = runs;
        this.terms = terms;
        this.clock = clock;
    }

    /**
     * A round's head changed or a contract of it was accepted: once its decisions are published, each
     * published contract enters monitoring (titled as its proposal), and each acceptance is recorded.
     * Before publication, nothing. The ids of the agreements entered or accepted by this call.
     */
    public List<String> fromRound(String roundId) {
        Optional<RoundHeader> header = rounds.header(roundId);
        if (header.isEmpty() || header.get().stage() != Stage.PUBLISHED) {
            return List.of();
        }
        Map<String, String> titles = rounds.proposals(roundId).stream()
                .collect(Collectors.toMap(Proposal::id, Proposal::title, (a, b) -> a));
        Map<String, String> organisations = header.get().setup().organisations().stream()
                .collect(Collectors.toMap(RoundSetup.Organisation::id, RoundSetup.Organisation::name, (a, b) -> a));
        List<String> changed = new ArrayList<>();
        for (Contract contract : rounds.contracts(roundId)) {
            Agreement agreement = AgreementSources.fromContract(roundId, header.get().setup().fund(), contract,
                    GrantTerms.NO_OFFICER).titled(titles.getOrDefault(contract.proposalId(), contract.id()))
                    .withOrganisationNamed(organisations.getOrDefault(contract.leadOrganisation(), contract.leadOrganisation()));
            if (enter(agreement)) {
                changed.add(agreement.id());
            }
        }
        for (Acceptance acceptance : rounds.acceptances(roundId)) {
            if (recordAcceptance(acceptance, roundId)) {
                changed.add(acceptance.contractId());
            }
        }
        return changed;
    }

    /** A committed run: one agreement per funded partnership, titled as the partnership, on the programme's terms. */
    public List<String> fromRun(String programmeId, String runId) {
        RunHeader header = runs.header(programmeId, runId).orElseThrow();
        AllocationRun run = new AllocationRun(header, runs.rows(programmeId, runId));
        Map<String, String> names = programmes.load(programmeId)
                .map(stored -> stored.programme().partnerships().stream()
                        .collect(Collectors.toMap(Partnership::id, Partnership::name, (a, b) -> a)))
                .orElse(Map.of());
        GrantTerms grantTerms = terms.termsFor(programmeId, LocalDate.ofInstant(header.committedAt(), LONDON));
        List<String> entered = new ArrayList<>();
        for (Agreement grant : AgreementSources.fromRun(run, grantTerms)) {
            if (enter(grant.titled(names.getOrDefault(grant.organisation(), grant.id()))
                    .withOrganisationNamed(names.getOrDefault(grant.organisation(), grant.organisation())))) {
                entered.add(grant.id());
            }
        }
        return entered;
    }

    /** Enters an agreement awaiting its lead organisation's acceptance, unless it is already monitored. */
    private boolean enter(Agreement agreement) {
        if (store.agreement(agreement.id()).isPresent()) {
            return false;
        }
        WorkingDays calendar = new WorkingDays(store.bankHolidays());
        MonitoredAgreement fresh = MonitoredAgreement.awaitingAcceptance(agreement,
                ScopeSettings.forNewAgreementsOf(store, agreement.trail()), calendar);
        return store.create(fresh, Reminder.plannedFor(fresh, calendar), audit(agreement,
                "AGREEMENT_ENTERED", null, AuditedAs.entered(fresh)));
    }

    /** The round's record of who accepted a contract, and when, copied once onto its agreement. */
    private boolean recordAcceptance(Acceptance acceptance, String roundId) {
        Optional<MonitoredAgreement> current = store.agreement(acceptance.contractId());
        if (current.isEmpty() || current.get().isAccepted()) {
            return false;
        }
        Act accepted = new Act(LocalDate.ofInstant(acceptance.at(), LONDON), acceptance.by(),
                "accepted for " + acceptance.organisation() + " on round " + roundId);
        if (!Acceptances.write(store, current.get(), accepted,
                audit(current.get().agreement(), "AGREEMENT_ACCEPTED", "not accepted", Acceptances.words(accepted)))) {
            // Changed meanwhile: the stream delivers this again, and then it is written.
            throw new ConflictException("CHANGED_MEANWHILE", "Agreement " + acceptance.contractId()
                    + " changed while its acceptance was recorded; it is recorded on the next try.");
        }
        return true;
    }

    private AuditEntry audit(Agreement agreement, String action, String before, String after) {
        return AuditEntry.by(MonitoringService.DAILY_RUN, clock.instant(), agreement.trail(), action,
                "agreement " + agreement.id(), before, after);
    }
}
