package grants.core.monitoring;

import grants.core.access.Actor;
import grants.core.access.ForbiddenException;
import grants.core.access.Role;
import grants.core.audit.AuditEntry;
import grants.core.calendar.WorkingDays;
import grants.core.commissioning.Contract;
import grants.core.commissioning.Fund;
import grants.core.errors.ConflictException;
import grants.core.errors.InvalidInputException;
import grants.core.errors.NotFoundException;
import grants.core.errors.Problem;
import grants.core.run.AllocationRun;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Monitoring's use cases: agreements entering from rounds and runs, returns submitted and reviewed,
 * due dates varied, milestones, holds, overrides, terminations, and the daily reminder run and
 * finance's payment runs. Each change is checked against rules M3-M14 by the agreement itself,
 * and written with its audit entry in one transaction; a refusal changes nothing (403 when it is
 * about who asked, 409 otherwise). Days are Europe/London.
 */
public final class MonitoringService {

    /** Who the daily run acts as in the audit trail. */
    public static final Actor DAILY_RUN = Actor.system("monitor-agreements");

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String AN_ADDRESS = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    private final MonitoringStore store;
    private final Addressees addressees;
    private final Clock clock;
    private final int runWriters;

    public MonitoringService(MonitoringStore store, Addressees addressees, Clock clock) {
        this(store, addressees, clock, 1);
    }

    /**
     * @param runWriters how many reminders the daily run handles at once: each is a few reads and one
     *                   transaction on its own ledger row, so a run of thousands waits mostly on the
     *                   store, and handled side by side it fits a day's work within Lambda's 15 minutes;
     *                   and how many organisations a payment run handles at once, for the same reason
     */
    public MonitoringService(MonitoringStore store, Addressees addressees, Clock clock, int runWriters) {
        this.store = store;
        this.addressees = addressees;
        this.clock = clock;
        this.runWriters = runWriters;
    }

    // ---- agreements entering monitoring ----

    /** Publishing a round's decisions: one agreement per contract; entering one again changes nothing. */
    public List<String> enterContracts(Actor actor, String roundId, Fund fund, List<Contract> contracts,
                                       String officer) {
        return enter(actor, contracts.stream()
                .map(contract -> AgreementSources.fromContract(roundId, fund, contract, officer)).toList());
    }

    /** Committing an allocation run: one agreement per funded partnership. */
    public List<String> enterRun(Actor actor, AllocationRun run, GrantTerms terms) {
        return enter(actor, AgreementSources.fromRun(run, terms));
    }

    /**
     * Agreements already made (as a monitoring document gives them), each monitored with its programme's
     * or round's settings; the ids of those new to monitoring.
     */
    public List<String> enter(Actor actor, List<Agreement> agreements) {
        List<String> entered = new ArrayList<>();
        WorkingDays calendar = calendar();
        for (Agreement agreement : agreements) {
            requireStaff(actor, agreement, Role.PROGRAMME_MANAGER);
            MonitoredAgreement fresh = MonitoredAgreement.start(agreement,
                    ScopeSettings.forNewAgreementsOf(store, agreement.trail()), calendar);
            AuditEntry entry = AuditEntry.by(actor, clock.instant(), agreement.trail(), "AGREEMENT_ENTERED",
                    "agreement " + agreement.id(), null, AuditedAs.entered(fresh));
            if (store.create(fresh, Reminder.plannedFor(fresh, calendar), entry)) {
                entered.add(agreement.id());
            }
        }
        return entered;
    }

    // ---- reading ----

    /** An agreement, to the people bound where it came from, and to the lead contacts of its organisation. */
    public MonitoredAgreement agreement(Actor actor, String agreementId) {
        MonitoredAgreement agreement = load(agreementId);
        requireMayLookAt(actor, agreement);
        return agreement;
    }

    /** A lead contact's own agreements. */
    public List<MonitoredAgreement> agreementsOf(Actor actor) {
        if (!actor.has(Role.LEAD_CONTACT) || actor.organisationId().isEmpty()) {
            throw new ForbiddenException("Only a lead contact has agreements of their own.");
        }
        return store.ofOrganisation(actor.organisationId().get());
    }

    // ---- returns ----

    public MonitoredAgreement submit(Actor actor, String returnId, Map<String, Long> outputs, String achieved,
                                     String next) {
        return submit(actor, returnId, outputs, achieved, next, Map.of());
    }

    /** With evidence, by milestone id, for milestones not yet achieved or waived. */
    public MonitoredAgreement submit(Actor actor, String returnId, Map<String, Long> outputs, String achieved,
                                     String next, Map<String, String> milestoneEvidence) {
        return onPart(actor, returnId, "RETURN_SUBMITTED", (a, who) -> a.submit(returnId, who,
                handedIn(a, who, outputs, achieved, next, milestoneEvidence)));
    }

    /** Kept for the lead contact to come back to: not submitted, so no reviewer sees it and nothing counts it. */
    public MonitoredAgreement saveDraft(Actor actor, String returnId, Map<String, Long> outputs, String achieved,
                                        String next, Map<String, String> milestoneEvidence) {
        return onPart(actor, returnId, "RETURN_DRAFT_SAVED", (a, who) -> a.saveDraft(returnId, who,
                handedIn(a, who, outputs, achieved, next, milestoneEvidence)));
    }

    private Submission handedIn(MonitoredAgreement a, Participant who, Map<String, Long> outputs, String achieved,
                                String next, Map<String, String> milestoneEvidence) {
        Set<String> stillToReach = a.milestones().stream()
                .filter(m -> m.stateOn(today()) == MilestoneState.PLANNED || m.stateOn(today()) == MilestoneState.LATE)
                .map(MilestoneRecord::id).collect(Collectors.toSet());
        List<Problem> unknown = milestoneEvidence.keySet().stream().filter(id -> !stillToReach.contains(id)).sorted()
                .map(id -> new Problem("milestoneEvidence." + id.substring(id.lastIndexOf('/') + 1),
                        "is not a milestone of agreement " + a.id() + " still to be achieved")).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("The return was refused: evidence for " + unknown.size()
                    + " milestone(s) it cannot carry; nothing was changed.", unknown);
        }
        return new Submission(today(), who.id(), measuredBy(a.agreement(), outputs), achieved, next,
                milestoneEvidence);
    }

    /** The outputs of a return, each a measure of the agreement: any other is refused, naming it. */
    private static Map<String, Long> measuredBy(Agreement agreement, Map<String, Long> outputs) {
        Set<String> measures = agreement.outputs().stream().map(Agreement.Output::measure).collect(Collectors.toSet());
        List<Problem> unknown = outputs.keySet().stream().filter(measure -> !measures.contains(measure)).sorted()
                .map(measure -> new Problem("outputs." + measure, "is not a measure of agreement " + agreement.id()
                        + ": its measures are " + new TreeSet<>(measures))).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("The return was refused: " + unknown.size()
                    + " measure(s) the agreement does not have; nothing was changed.", unknown);
        }
        return outputs;
    }

    public MonitoredAgreement accept(Actor actor, String returnId) {
        return onPart(actor, returnId, "RETURN_ACCEPTED",
                (a, who) -> a.review(returnId, who, new Review(today(), who.id(), true, null)));
    }

    public MonitoredAgreement sendBack(Actor actor, String returnId, String whatToFix) {
        return onPart(actor, returnId, "RETURN_SENT_BACK",
                (a, who) -> a.review(returnId, who, new Review(today(), who.id(), false, whatToFix)));
    }

    public MonitoredAgreement skip(Actor actor, String returnId, String reason) {
        return onPart(actor, returnId, "RETURN_SKIPPED",
                (a, who) -> a.skip(returnId, who, new Act(today(), who.id(), reason)));
    }

    /** M5: the original due date stays on record beside the new one. */
    public MonitoredAgreement varyReturn(Actor actor, String returnId, LocalDate to, String reason) {
        return onPart(actor, returnId, "RETURN_VARIED",
                (a, who) -> a.varyReturn(returnId, who, new Variation(today(), who.id(), null, to, reason)));
    }

    // ---- milestones ----

    public MonitoredAgreement achieve(Actor actor, String milestoneId, String evidence) {
        return onPart(actor, milestoneId, "MILESTONE_ACHIEVED",
                (a, who) -> a.achieve(milestoneId, who, new Act(today(), who.id(), evidence)));
    }

    public MonitoredAgreement waive(Actor actor, String milestoneId, String reason) {
        return onPart(actor, milestoneId, "MILESTONE_WAIVED",
                (a, who) -> a.waive(milestoneId, who, new Act(today(), who.id(), reason)));
    }

    public MonitoredAgreement varyMilestone(Actor actor, String milestoneId, LocalDate to, String reason) {
        return onPart(actor, milestoneId, "MILESTONE_VARIED",
                (a, who) -> a.varyMilestone(milestoneId, who, new Variation(today(), who.id(), null, to, reason)));
    }

    /** A change to a return or a milestone, both named {@code <agreement>/...}. */
    private MonitoredAgreement onPart(Actor actor, String partId, String action,
                                      BiFunction<MonitoredAgreement, Participant, MonitoredAgreement> change) {
        return change(actor, agreementOf(partId), action, AuditedAs.partName(partId, action), change,
                a -> AuditedAs.part(a, partId, today()));
    }

    // ---- instalments ----

    public MonitoredAgreement hold(Actor actor, String agreementId, int instalment, String reason) {
        return onInstalment(actor, agreementId, instalment, "INSTALMENT_HELD",
                (a, who) -> a.hold(instalment, who, new Act(today(), who.id(), reason)));
    }

    public MonitoredAgreement release(Actor actor, String agreementId, int instalment, String reason) {
        return onInstalment(actor, agreementId, instalment, "INSTALMENT_RELEASED",
                (a, who) -> a.release(instalment, who, new Act(today(), who.id(), reason)));
    }

    /** M11, asked for by one person... */
    public MonitoredAgreement askForOverride(Actor actor, String agreementId, int instalment, String reason) {
        return onInstalment(actor, agreementId, instalment, "OVERRIDE_ASKED_FOR",
                (a, who) -> a.askForOverride(instalment, who, new Act(today(), who.id(), reason)));
    }

    /** ...and approved by a second: paid at the next payment run whatever holds it. */
    public MonitoredAgreement approveOverride(Actor actor, String agreementId, int instalment) {
        return onInstalment(actor, agreementId, instalment, "OVERRIDE_APPROVED",
                (a, who) -> a.approveOverride(instalment, who, today()));
    }

    /**
     * An override a document records with both its people at once (M11): throws the refusal the first
     * step that would be refused meets, writing nothing, so that the two steps are made only when both
     * will be (M14: a refused event changes nothing).
     */
    public void checkOverride(Actor asker, Actor approver, String agreementId, int instalment, String reason) {
        MonitoredAgreement current = load(agreementId);
        requireBound(asker, current);
        requireBound(approver, current);
        Participant asking = participant(asker, current.agreement());
        try {
            current.askForOverride(instalment, asking, new Act(today(), asking.id(), reason))
                    .approveOverride(instalment, participant(approver, current.agreement()), today());
        } catch (RefusedException refused) {
            throw refused.refusal().isAboutWho() ? new ForbiddenActionException(refused) : refused;
        }
    }

    private MonitoredAgreement onInstalment(Actor actor, String agreementId, int instalment, String action,
                                            BiFunction<MonitoredAgreement, Participant, MonitoredAgreement> change) {
        return change(actor, agreementId, action, "instalment " + agreementId + "/" + instalment, change,
                a -> AuditedAs.instalment(a, a.instalment(instalment), today()));
    }

    // ---- the agreement ----

    public MonitoredAgreement terminate(Actor actor, String agreementId, String reason) {
        return change(actor, agreementId, "AGREEMENT_TERMINATED", "agreement " + agreementId,
                (a, who) -> a.terminate(who, new Act(today(), who.id(), reason)), AuditedAs::agreement);
    }

    /**
     * A manager bound where the agreement was made names its officer, who then reviews its returns and
     * gets its OFFICER reminders at {@code email} (kept in the same transaction). Naming the same
     * officer at the same address again changes nothing.
     */
    public MonitoredAgreement nameOfficer(Actor actor, String agreementId, String personId, String email) {
        MonitoredAgreement current = load(agreementId);
        requireBound(actor, current);
        if (!actor.has(Role.PROGRAMME_MANAGER)) {
            throw new ForbiddenException("Only a manager names the officer of agreement " + agreementId + ".");
        }
        List<Problem> problems = new ArrayList<>();
        if (personId == null || personId.isBlank()) {
            problems.add(new Problem("personId", "must name the officer by their person id"));
        }
        if (email == null || !email.matches(AN_ADDRESS)) {
            problems.add(new Problem("email", "must be an email address, such as chen@coventry.example"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The officer was not named; nothing was changed.", problems);
        }
        if (personId.equals(current.agreement().officer()) && store.addressOf(personId).filter(email::equals)
                .isPresent()) {
            return current;
        }
        MonitoredAgreement next = current.withOfficer(personId);
        AuditEntry entry = AuditEntry.by(actor, clock.instant(), current.agreement().trail(), "OFFICER_NAMED",
                "agreement " + agreementId, AuditedAs.officer(current.agreement().officer()),
                AuditedAs.officer(personId) + ", written to at " + email);
        if (!store.replaceNamingOfficer(next, current.version(), Reminder.plannedFor(next, calendar()), entry,
                personId, email)) {
            throw changedMeanwhile(current);
        }
        return next;
    }

    // ---- the daily reminder run (M8) ----

    /**
     * Handles, once each, the reminders whose day has come and that the ledger does not have: on a
     * working day only; a day missed is caught up by the next run. Run again, it handles nothing twice.
     */
    public List<LedgerEntry> runReminders() {
        LocalDate day = today();
        if (!calendar().isWorkingDay(day)) {
            return List.of();
        }
        DueReminders due = store.remindersDueBy(day);
        Addressees addressesOfThisRun = new AddresseesOfOneRun(addressees);
        List<LedgerEntry> handled = SideBySide.map(due.reminders(), runWriters,
                        reminder -> handle(reminder, day, addressesOfThisRun))
                .stream().flatMap(Optional::stream).sorted(Comparator.comparing(LedgerEntry::reminder,
                        Reminder.BY_DAY_THEN_ID)).toList();
        store.allHandled(due); // only reached when every reminder read is in the ledger
        return handled;
    }

    /** One reminder into the ledger, with its audit entry; empty if another run got there first. */
    private Optional<LedgerEntry> handle(Reminder reminder, LocalDate day, Addressees addressesOfThisRun) {
        MonitoredAgreement agreement = load(reminder.agreementId());
        List<String> addresses = reminder.audience() == MonitoringSettings.Audience.LEAD
                ? addressesOfThisRun.leadContactsOf(agreement.agreement())
                : addressesOfThisRun.person(agreement.agreement().officer());
        LedgerEntry entry = ReminderRun.handle(reminder, agreement, day, addresses);
        AuditEntry audit = AuditEntry.by(DAILY_RUN, clock.instant(), agreement.agreement().trail(),
                "REMINDER_" + entry.outcome(), "reminder " + reminder.id(), null, AuditedAs.ledgerEntry(entry));
        return store.recordReminder(entry, audit) ? Optional.of(entry) : Optional.empty();
    }

    // ---- finance's payment run (M9-M11) ----

    /**
     * Pays what is payable today and holds the rest with every reason. Each organisation is one unit
     * (its holds look across its agreements, M10), independent of the others, so up to
     * {@code runWriters} are handled side by side; the answer and the totals are merged in the order
     * of {@link MonitoringStore#organisations()}, as one after another gives them. The bank holidays are
     * read once for the run.
     */
    public PaymentRun runPayments(Actor actor) {
        requireFinanceOrManager(actor, "Only finance or a manager makes a payment run.");
        LocalDate day = today();
        KeptPaymentRun.Begun begun = KeptPaymentRun.Begun.now(day, clock.instant(), actor.name());
        WorkingDays calendar = calendar();
        Holds holds = new Holds(calendar);
        // Each organisation done even if another fails; then the first failure is thrown, before the header.
        List<PaymentRun> runs = SideBySide.map(store.organisations(), runWriters,
                organisation -> payOrganisation(actor, organisation, day, begun, holds, calendar));
        List<Payment> paid = new ArrayList<>();
        List<Hold> held = new ArrayList<>();
        List<MonitoredAgreement> after = new ArrayList<>();
        for (PaymentRun run : runs) {
            paid.addAll(run.paid());
            held.addAll(run.held());
            after.addAll(run.agreements());
        }
        // Last, so that a run which stopped part way has no header and reads as incomplete.
        store.keepRunMade(begun, new KeptPaymentRun.Made(clock.instant(), paid.size(),
                paid.stream().mapToLong(p -> p.instalment().pence()).sum(), held.size(),
                held.stream().mapToLong(h -> h.instalment().pence()).sum()));
        return new PaymentRun(day, paid, held, after);
    }

    /**
     * One organisation's part of a payment run, written: each agreement it pays from the record as
     * read (not read again), with the run's lines in the same transaction, then its held lines.
     */
    private PaymentRun payOrganisation(Actor actor, String organisation, LocalDate day, KeptPaymentRun.Begun begun,
                                       Holds holds, WorkingDays calendar) {
        List<MonitoringStore.Read> read = store.ofOrganisationAsRead(organisation);
        List<MonitoredAgreement> all = read.stream().map(MonitoringStore.Read::agreement).toList();
        List<MonitoringStore.Read> readBefore = read.stream()
                .filter(r -> actor.worksOn(r.agreement().agreement().trail())).toList();
        List<MonitoredAgreement> before = readBefore.stream().map(MonitoringStore.Read::agreement).toList();
        Map<String, MonitoringStore.Read> readById = readBefore.stream()
                .collect(Collectors.toMap(r -> r.agreement().id(), r -> r));
        PaymentRun run = PaymentRun.on(day, before, all, holds);
        for (MonitoredAgreement next : run.agreements()) {
            MonitoringStore.Read as = readById.get(next.id());
            MonitoredAgreement current = as.agreement();
            if (next.version() != current.version()) {
                List<KeptPaymentRun.Paid> lines = run.paid().stream().filter(p -> p.agreementId().equals(next.id()))
                        .map(p -> KeptPaymentRun.Paid.of(p, next.agreement())).toList();
                writePaying(as, next, AuditEntry.by(actor, clock.instant(), next.agreement().trail(),
                        "PAYMENT_RUN", "instalments of " + next.id(), AuditedAs.instalments(current, day),
                        AuditedAs.instalments(next, day)), begun, lines, calendar);
            }
        }
        store.keepHeld(begun, run.held().stream().map(h -> new KeptPaymentRun.Held(h,
                trailOf(run.agreements(), h.agreementId()))).toList());
        return run;
    }

    /** The payment runs made on {@code day}, each with the lines of the agreements the caller works on. */
    public List<KeptPaymentRun> paymentRunsOn(Actor actor, LocalDate day) {
        requireFinanceOrManager(actor, "Only finance or a manager sees the payment runs.");
        return store.paymentRuns(day).stream().map(run -> run.seenBy(actor)).toList();
    }

    private static void requireFinanceOrManager(Actor actor, String refusal) {
        if (!actor.has(Role.FINANCE_OFFICER) && !actor.has(Role.PROGRAMME_MANAGER)) {
            throw new ForbiddenException(refusal);
        }
    }

    private static String trailOf(List<MonitoredAgreement> agreements, String agreementId) {
        return agreements.stream().filter(a -> a.id().equals(agreementId)).findFirst().orElseThrow().agreement().trail();
    }

    // ---- helpers ----

    private MonitoredAgreement change(Actor actor, String agreementId, String action, String target,
                                      BiFunction<MonitoredAgreement, Participant, MonitoredAgreement> change,
                                      Function<MonitoredAgreement, String> words) {
        MonitoredAgreement current = load(agreementId);
        requireBound(actor, current);
        MonitoredAgreement next;
        try {
            next = change.apply(current, participant(actor, current.agreement()));
        } catch (RefusedException refused) {
            throw refused.refusal().isAboutWho() ? new ForbiddenActionException(refused) : refused;
        }
        write(current, next, AuditEntry.by(actor, clock.instant(), current.agreement().trail(), action, target,
                words.apply(current), words.apply(next)));
        return next;
    }

    private void write(MonitoredAgreement current, MonitoredAgreement next, AuditEntry entry) {
        if (!store.replace(next, current.version(), Reminder.plannedFor(next, calendar()), entry)) {
            throw changedMeanwhile(current);
        }
    }

    /**
     * A payment run's write: the agreement, its audit entry and the run's lines for what it paid, all or
     * none, from the record as read (its version is the one the store's condition checks).
     */
    private void writePaying(MonitoringStore.Read current, MonitoredAgreement next, AuditEntry entry,
                             KeptPaymentRun.Begun run, List<KeptPaymentRun.Paid> paid, WorkingDays calendar) {
        if (!store.replacePaying(current, next, Reminder.plannedFor(next, calendar), entry, run, paid)) {
            throw changedMeanwhile(current.agreement());
        }
    }

    private static ConflictException changedMeanwhile(MonitoredAgreement current) {
        return new ConflictException("CHANGED_MEANWHILE", "Agreement " + current.id()
                + " was changed by someone else meanwhile; nothing was changed. Look again and retry.");
    }

    private MonitoredAgreement load(String agreementId) {
        return store.agreement(agreementId)
                .orElseThrow(() -> new NotFoundException("No agreement " + agreementId + " is monitored."));
    }

    /** A return's or a milestone's agreement: the part of its id before the first "/". */
    private static String agreementOf(String id) {
        int slash = id.indexOf('/');
        if (slash <= 0) {
            throw new NotFoundException("No return or milestone " + id + " is monitored.");
        }
        return id.substring(0, slash);
    }

    /**
     * Who the caller is to monitoring: a manager, finance, a sub-group member, a lead contact of
     * their organisation, or the agreement's officer (in the officer group, bound as the person it
     * names); anyone else, an auditor among them, may change nothing.
     */
    static Participant participant(Actor actor, Agreement agreement) {
        String id = actor.personId().orElse(actor.subject());
        Participant.Kind kind;
        if (actor.has(Role.PROGRAMME_MANAGER)) {
            kind = Participant.Kind.MANAGER;
        } else if (actor.has(Role.FINANCE_OFFICER)) {
            kind = Participant.Kind.FINANCE;
        } else if (actor.has(Role.SUB_GROUP)) {
            kind = Participant.Kind.SUB_GROUP;
        } else if (actor.has(Role.LEAD_CONTACT)) {
            kind = Participant.Kind.LEAD_CONTACT;
        } else if (actor.has(Role.OFFICER) && id.equals(agreement.officer())) {
            kind = Participant.Kind.OFFICER;
        } else {
            kind = Participant.Kind.OTHER;
        }
        return new Participant(id, kind, kind == Participant.Kind.LEAD_CONTACT ? actor.organisationId()
                : Optional.empty());
    }

    /**
     * Who may ask for a change: a lead contact only on their own organisation's agreements (refused
     * as M14's NOT_LEAD_CONTACT, before anything about the agreement is told), anyone else only
     * where they are bound; the agreement itself then refuses, with M14's reason, what their role
     * does not allow.
     */
    static void requireBound(Actor actor, MonitoredAgreement agreement) {
        if (actor.has(Role.LEAD_CONTACT)) {
            if (!isLeadContact(actor, agreement.agreement())) {
                throw new ForbiddenActionException(new RefusedException(Refusal.NOT_LEAD_CONTACT, agreement.id()));
            }
        } else if (!actor.worksOn(agreement.agreement().trail())) {
            throw new ForbiddenException("You are not bound where agreement " + agreement.id() + " was made.");
        }
    }

    /**
     * Who may read an agreement: as {@link #requireBound}, and then only someone monitoring knows
     * (a manager, finance, a sub-group member, its officer) or an auditor: a proposer or a panel
     * member of the same round never sees another organisation's agreement.
     */
    static void requireMayLookAt(Actor actor, MonitoredAgreement agreement) {
        requireBound(actor, agreement);
        if (participant(actor, agreement.agreement()).kind() == Participant.Kind.OTHER && !actor.has(Role.AUDITOR)) {
            throw new ForbiddenException("Your role does not let you see agreement " + agreement.id() + ".");
        }
    }

    private static boolean isLeadContact(Actor actor, Agreement agreement) {
        return actor.has(Role.LEAD_CONTACT) && actor.organisationId().filter(agreement.organisation()::equals)
                .isPresent();
    }

    private static void requireStaff(Actor actor, Agreement agreement, Role role) {
        if (!actor.has(role) || !actor.worksOn(agreement.trail())) {
            throw new ForbiddenException("Only a manager bound in " + agreement.trail()
                    + " enters its agreements into monitoring.");
        }
    }

    private WorkingDays calendar() {
        return new WorkingDays(store.bankHolidays());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LONDON);
    }
}
