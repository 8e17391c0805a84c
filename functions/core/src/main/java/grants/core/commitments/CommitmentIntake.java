package grants.core.commitments;

import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.calendar.FinancialYear;
import grants.core.commissioning.Contract;
import grants.core.commissioning.Instalment;
import grants.core.ledger.Commitment;
import grants.core.ledger.LedgerRefusedException;
import grants.core.ledger.LedgerService;
import grants.core.ledger.LineRequest;
import grants.core.ledger.Spend;
import grants.core.rounds.RoundHeader;
import grants.core.rounds.RoundStore;
import grants.core.rounds.Stage;
import grants.core.run.AllocationRunStore;
import grants.core.run.ProgrammeOutline;
import grants.core.run.ProgrammeStore;
import grants.core.run.RunHeader;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Commitments made by the system when they happen, from what runs commit and rounds publish: nobody
 * types them. A committed run commits its final grants in the financial year its programme states
 * ({@link #statedYear}), else the one it was committed in (after
 * giving back what is left of a run it supersedes; a run superseded before its own record arrived is not
 * committed); a published round commits each contract's
 * instalments by financial year. A scope whose manager has set no line for that year first gets the
 * lines its document states. Every step is idempotent (each entry's id is its source's), so a stream
 * record delivered again changes nothing. Runs and rounds never know the ledger exists.
 */
public final class CommitmentIntake {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Pattern STATED_YEAR = Pattern.compile("(?<![0-9])[0-9]{4}-[0-9]{2}(?![0-9])");
    /** Who sets the lines a document states: the system, recorded as such in the audit trail. */
    private static final Actor INTAKE = Actor.system("ledger-intake", Role.PROGRAMME_MANAGER);

    private final LedgerService ledger;
    private final ProgrammeStore programmes;
    private final AllocationRunStore runs;
    private final RoundStore rounds;
    private final Clock clock;

    public CommitmentIntake(LedgerService ledger, ProgrammeStore programmes, AllocationRunStore runs, RoundStore rounds,
                            Clock clock) {
        this.ledger = ledger;
        this.programmes = programmes;
        this.runs = runs;
        this.rounds = rounds;
        this.clock = clock;
    }

    /** A committed run's grants, charged to the programme's grant lines for the year it was committed. */
    public void fromRun(String programmeId, String runId) {
        RunHeader header = runs.header(programmeId, runId).orElseThrow();
        LocalDate committedOn = LocalDate.ofInstant(header.committedAt(), LONDON);
        long grants = header.totals().finalGrantsPence();
        // The outline of the programme as the run was committed with it: a few hundred bytes, where the
        // whole document of a national programme is 40 MB, and finance's export waits for this commitment.
        Optional<ProgrammeOutline> programme = programmes.snapshotOutline(programmeId, header.inputHash())
                .or(() -> programmes.load(programmeId).map(stored -> ProgrammeOutline.of(stored.programme())));
        FinancialYear year = statedYear(programmeId).or(() -> programme.flatMap(document -> statedYear(document.name())))
                .orElse(FinancialYear.of(committedOn));
        programme.ifPresent(document -> openLines(programmeId, year,
                BudgetLinesFromDocuments.ofProgramme(document, year, grants)));
        header.supersedes().ifPresent(superseded -> ledger.releaseWhatIsLeft(programmeId,
                "release:" + runCommitment(programmeId, superseded.runId()), runCommitment(programmeId, superseded.runId()),
                "Run " + superseded.runId() + ", superseded by run " + runId + ": " + superseded.reason(),
                "ledger-intake", committedOn));
        if (grants > 0 && !supersededAlready(header)) {
            ledger.commit(new Commitment(runCommitment(programmeId, runId), programmeId, year, Spend.GRANTS,
                    Optional.empty(), grants, "Run " + runId + " of " + programme.map(ProgrammeOutline::name).orElse(programmeId),
                    "ledger-intake", committedOn));
        }
    }

    /** A published round's contracts, each year's instalments charged to the round's fund line of that year. */
    public void fromRound(String roundId) {
        Optional<RoundHeader> header = rounds.header(roundId);
        if (header.isEmpty() || header.get().stage() != Stage.PUBLISHED) {
            return;
        }
        List<LineRequest> lines = BudgetLinesFromDocuments.ofRound(roundId, header.get().setup().name(),
                header.get().setup().fund());
        lines.stream().map(line -> FinancialYear.parse(line.year()).orElseThrow()).distinct()
                .forEach(year -> openLines(roundId, year, lines.stream().filter(line -> line.year().equals(year.toString()))
                        .toList()));
        LocalDate today = LocalDate.ofInstant(clock.instant(), LONDON);
        for (Contract contract : rounds.contracts(roundId)) {
            Map<FinancialYear, Long> byYear = contract.instalments().stream().collect(Collectors.groupingBy(
                    instalment -> FinancialYear.of(instalment.due()), TreeMap::new,
                    Collectors.summingLong(Instalment::pence)));
            byYear.forEach((year, pence) -> ledger.commit(new Commitment(contractCommitment(roundId, contract.id(), year),
                    roundId, year, Spend.CONTRACTS, Optional.empty(), pence, "Contract " + contract.id() + " with "
                    + contract.leadOrganisation() + ", " + year, "ledger-intake", today)));
        }
    }

    /**
     * Whether a later run of the programme is committed already: its record (stream records of two partitions
     * come in any order) may have reached the ledger first, finding nothing of this one to give back, so this
     * one is not committed at all. Whichever order they come in, the later run's commitment stands alone.
     */
    private boolean supersededAlready(RunHeader header) {
        return runs.latest(header.programmeId()).filter(latest -> !latest.runId().equals(header.runId())
                && latest.committedAt().isAfter(header.committedAt())).isPresent();
    }

    /**
     * The financial year a programme's id or name states ("l2d-2007-08", "Learning to Deliver 2007-08"):
     * its grants belong to that year's budget, whenever the run is committed. A programme that states
     * none is budgeted in the year its run is committed.
     */
    static Optional<FinancialYear> statedYear(String text) {
        Matcher stated = STATED_YEAR.matcher(text == null ? "" : text);
        while (stated.find()) {
            Optional<FinancialYear> year = FinancialYear.parse(stated.group());
            if (year.isPresent()) {
                return year;
            }
        }
        return Optional.empty();
    }

    /** The id of a run's commitment: what its payments and a superseding run's release are against. */
    public static String runCommitment(String programmeId, String runId) {
        return "run:" + programmeId + "/" + runId;
    }

    /** The id of a contract's commitment in one financial year: what that year's instalments are paid against. */
    public static String contractCommitment(String roundId, String contractId, FinancialYear year) {
        return "contract:" + roundId + "/" + contractId + "/" + year;
    }

    /** The document's lines for a year, unless the scope has lines for it already (set by a manager, or before). */
    private void openLines(String scope, FinancialYear year, List<LineRequest> lines) {
        boolean hasLines = ledger.statement(INTAKE, scope).rows().stream().anyMatch(row -> row.year().equals(year));
        if (hasLines) {
            return;
        }
        for (LineRequest line : lines) {
            try {
                ledger.setLine(INTAKE, line);
            } catch (LedgerRefusedException setMeanwhile) {
                // Another delivery of the same record opened it first: it is there, as it would have been made.
            }
        }
    }
}
