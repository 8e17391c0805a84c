package grants.core.monitoring;

import grants.core.calendar.WorkingDays;
import grants.core.errors.NotFoundException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * An agreement in force and everything that has happened under it: its returns (M2-M5), milestones
 * (M6), instalments (M9-M11) and its termination (M12). Immutable: each action gives the next
 * state, or is refused by rule M14 with nothing changed. {@code version} counts the changes, so a
 * store can refuse a write made from a state that is no longer current. {@code settings} are those of
 * its programme or round on the day it entered monitoring: they are part of its terms, so a later
 * change of the programme's settings does not move its due dates or reminders.
 */
public record MonitoredAgreement(Agreement agreement, List<ReturnRecord> returns, List<MilestoneRecord> milestones,
                                 List<InstalmentRecord> instalments, Optional<Act> termination, long version,
                                 Optional<Act> acceptance, MonitoringSettings settings) {

    public MonitoredAgreement {
        returns = List.copyOf(returns);
        milestones = List.copyOf(milestones);
        instalments = List.copyOf(instalments);
    }

    /**
     * An agreement in force as it enters monitoring, as a monitoring document gives it: accepted by
     * its lead organisation on {@code start}, every return planned, nothing done yet.
     */
    public static MonitoredAgreement start(Agreement agreement, MonitoringSettings settings, WorkingDays calendar) {
        return fresh(agreement, settings, calendar,
                Optional.of(new Act(agreement.start(), agreement.organisation(), "in force from the start")));
    }

    /**
     * An agreement as a published round or a committed run makes it: nothing is paid until its lead
     * organisation has accepted it (M9; the hold says so).
     */
    public static MonitoredAgreement awaitingAcceptance(Agreement agreement, MonitoringSettings settings,
                                                        WorkingDays calendar) {
        return fresh(agreement, settings, calendar, Optional.empty());
    }

    private static MonitoredAgreement fresh(Agreement agreement, MonitoringSettings settings, WorkingDays calendar,
                                            Optional<Act> acceptance) {
        return new MonitoredAgreement(agreement,
                ReturnSchedule.of(agreement, settings, calendar).stream().map(ReturnRecord::planned).toList(),
                agreement.milestones().stream().map(MilestoneRecord::planned).toList(),
                agreement.instalments().stream().map(InstalmentRecord::unpaid).toList(), Optional.empty(), 0,
                acceptance, settings);
    }

    public boolean isAccepted() {
        return acceptance.isPresent();
    }

    /** Its lead organisation accepts it: who and when. Accepted once; the caller refuses a second time. */
    public MonitoredAgreement accepted(Act by) {
        return new MonitoredAgreement(agreement, returns, milestones, instalments, termination, version + 1,
                Optional.of(by), settings);
    }

    /** A manager names its officer (the caller checks who asks); everything else stays as it was. */
    public MonitoredAgreement withOfficer(String personId) {
        return new MonitoredAgreement(agreement.withOfficer(personId), returns, milestones, instalments, termination,
                version + 1, acceptance, settings);
    }

    public String id() {
        return agreement.id();
    }

    public boolean isTerminated() {
        return termination.isPresent();
    }

    /**
     * M12: after termination, a return due after it that nothing happened to is not made (its
     * reminders neither); one handed in is kept as owed work.
     */
    public boolean isMade(ReturnRecord record) {
        return termination.map(ended -> !record.due().isAfter(ended.on()) || record.isHandedIn()).orElse(true);
    }

    /** The returns owed: all of them, or after termination those {@link #isMade made}. */
    public List<ReturnRecord> madeReturns() {
        return returns.stream().filter(this::isMade).toList();
    }

    /** M12: an instalment due after the termination is never paid. */
    public boolean isCancelled(InstalmentRecord record) {
        return termination.map(ended -> record.instalment().due().isAfter(ended.on())).orElse(false);
    }

    public InstalmentState stateOn(InstalmentRecord record, LocalDate day) {
        if (record.paidOn().isPresent()) {
            return InstalmentState.PAID;
        }
        if (isCancelled(record)) {
            return InstalmentState.CANCELLED;
        }
        if (record.instalment().due().isAfter(day)) {
            return InstalmentState.NOT_DUE;
        }
        return record.heldByLastRun() ? InstalmentState.HELD : InstalmentState.DUE;
    }

    public ReturnRecord returnRecord(String returnId) {
        return returns.stream().filter(r -> r.id().equals(returnId)).findFirst()
                .orElseThrow(() -> new NotFoundException("No return " + returnId + " in agreement " + id()));
    }

    public MilestoneRecord milestone(String milestoneId) {
        return milestones.stream().filter(m -> m.id().equals(milestoneId)).findFirst()
                .orElseThrow(() -> new NotFoundException("No milestone " + milestoneId + " in agreement " + id()));
    }

    public InstalmentRecord instalment(int number) {
        return instalments.stream().filter(i -> i.number() == number).findFirst()
                .orElseThrow(() -> new NotFoundException("No instalment " + instalmentSubject(number)));
    }

    // ---- returns (M3, M5, M14) ----

    public MonitoredAgreement submit(String returnId, Participant who, Submission version) {
        return withReturn(toHandIn(returnId, who, version.on()).submitted(version));
    }

    /** A draft kept for its lead contact: refused as a submission would be, and it changes no state. */
    public MonitoredAgreement saveDraft(String returnId, Participant who, Submission draft) {
        return withReturn(toHandIn(returnId, who, draft.on()).drafted(draft));
    }

    /** The return, if {@code who} may hand it in on {@code day} (M14's refusals otherwise). */
    private ReturnRecord toHandIn(String returnId, Participant who, LocalDate day) {
        ReturnRecord record = owedReturn(returnId);
        refuseIf(record.isFinal(), Refusal.FINAL, returnId);
        refuseIf(day.isBefore(record.plan().opensOn()), Refusal.NOT_OPEN, returnId);
        refuseIf(record.stateOn(day) == ReturnState.SUBMITTED, Refusal.ALREADY_SUBMITTED, returnId);
        refuseIf(!who.isLeadContactOf(agreement.organisation()), Refusal.NOT_LEAD_CONTACT, returnId);
        return record;
    }


    /** Accepts ({@code accepted}) or sends back (with what to fix) the latest version. */
    public MonitoredAgreement review(String returnId, Participant who, Review review) {
        ReturnRecord record = owedReturn(returnId);
        refuseIf(record.isFinal(), Refusal.FINAL, returnId);
        refuseIf(record.stateOn(review.on()) != ReturnState.SUBMITTED, Refusal.NOT_SUBMITTED, returnId);
        refuseIf(record.lastSubmitter().filter(who.id()::equals).isPresent(), Refusal.OWN_SUBMISSION, returnId);
        refuseIf(!(who.isOfficerOf(agreement) || who.is(Participant.Kind.MANAGER)
                || who.is(Participant.Kind.SUB_GROUP)), Refusal.NOT_ALLOWED, returnId);
        return withReturn(record.reviewed(review));
    }

    public MonitoredAgreement skip(String returnId, Participant who, Act reason) {
        ReturnRecord record = owedReturn(returnId);
        refuseIf(record.isFinal(), Refusal.FINAL, returnId);
        refuseIf(reason.on().isBefore(record.plan().opensOn()), Refusal.NOT_OPEN, returnId);
        refuseIf(record.stateOn(reason.on()) == ReturnState.SUBMITTED, Refusal.NOT_SKIPPABLE, returnId);
        refuseIf(!who.is(Participant.Kind.MANAGER), Refusal.NOT_ALLOWED, returnId);
        return withReturn(record.skipped(reason));
    }

    public MonitoredAgreement varyReturn(String returnId, Participant who, Variation variation) {
        ReturnRecord record = returnRecord(returnId);
        refuseIf(isTerminated(), Refusal.TERMINATED, returnId);
        refuseIf(record.isFinal(), Refusal.FINAL, returnId);
        refuseIf(!mayVary(who), Refusal.NOT_ALLOWED, returnId);
        return withReturn(record.varied(withOriginal(variation, record.due())));
    }

    // ---- milestones (M6) ----

    public MonitoredAgreement achieve(String milestoneId, Participant who, Act evidence) {
        MilestoneRecord record = milestone(milestoneId);
        refuseIf(isTerminated(), Refusal.TERMINATED, milestoneId);
        refuseIf(!who.isOfficerOf(agreement), Refusal.NOT_ALLOWED, milestoneId);
        refuseIf(record.isDone(), Refusal.ALREADY_DONE, milestoneId);
        return withMilestone(record.achievedBy(evidence));
    }

    public MonitoredAgreement waive(String milestoneId, Participant who, Act reason) {
        MilestoneRecord record = milestone(milestoneId);
        refuseIf(isTerminated(), Refusal.TERMINATED, milestoneId);
        refuseIf(!who.is(Participant.Kind.MANAGER), Refusal.NOT_ALLOWED, milestoneId);
        refuseIf(record.isDone(), Refusal.ALREADY_DONE, milestoneId);
        return withMilestone(record.waivedBy(reason));
    }

    public MonitoredAgreement varyMilestone(String milestoneId, Participant who, Variation variation) {
        MilestoneRecord record = milestone(milestoneId);
        refuseIf(isTerminated(), Refusal.TERMINATED, milestoneId);
        refuseIf(!mayVary(who), Refusal.NOT_ALLOWED, milestoneId);
        refuseIf(record.isDone(), Refusal.ALREADY_DONE, milestoneId);
        return withMilestone(record.varied(withOriginal(variation, record.due())));
    }

    // ---- instalments (M10, M11) ----

    public MonitoredAgreement hold(int number, Participant who, Act reason) {
        InstalmentRecord record = payableInstalment(number);
        String subject = instalmentSubject(number);
        refuseIf(!who.managesOrPays(), Refusal.NOT_ALLOWED, subject);
        refuseIf(record.manualHold().isPresent(), Refusal.ALREADY_HELD, subject);
        refuseIf(record.paidOn().isPresent(), Refusal.PAID, subject);
        return withInstalment(record.heldByHand(Optional.of(reason)));
    }

    public MonitoredAgreement release(int number, Participant who, Act reason) {
        InstalmentRecord record = payableInstalment(number);
        String subject = instalmentSubject(number);
        refuseIf(!who.managesOrPays(), Refusal.NOT_ALLOWED, subject);
        refuseIf(record.manualHold().isEmpty(), Refusal.NOT_HELD, subject);
        return withInstalment(record.heldByHand(Optional.empty()));
    }

    /** M11 in one step, as a document records it: asked for by {@code who}, approved by {@code approver}. */
    public MonitoredAgreement override(int number, Participant who, Participant approver, Act reason) {
        return askForOverride(number, who, reason).approveOverride(number, approver, reason.on());
    }

    /** M11, first step: someone asks to pay an instalment the last run held; a second person approves. */
    public MonitoredAgreement askForOverride(int number, Participant who, Act reason) {
        InstalmentRecord record = payableInstalment(number);
        String subject = instalmentSubject(number);
        refuseIf(!(who.managesOrPays() || who.isOfficerOf(agreement)), Refusal.NOT_ALLOWED, subject);
        refuseIf(!record.heldByLastRun(), Refusal.NOT_HELD, subject);
        refuseIf(record.paidOn().isPresent(), Refusal.PAID, subject);
        return withInstalment(record.overrideAskedFor(reason));
    }

    /** M11, second step: a manager or finance officer other than who asked approves it for the next run. */
    public MonitoredAgreement approveOverride(int number, Participant approver, LocalDate on) {
        InstalmentRecord record = payableInstalment(number);
        String subject = instalmentSubject(number);
        refuseIf(record.overrideRequest().isEmpty() || !record.heldByLastRun(), Refusal.NOT_HELD, subject);
        refuseIf(record.paidOn().isPresent(), Refusal.PAID, subject);
        Act request = record.overrideRequest().get();
        refuseIf(approver.id().equals(request.by()), Refusal.APPROVED_BY_REQUESTER, subject);
        refuseIf(!approver.managesOrPays(), Refusal.APPROVER_NOT_ALLOWED, subject);
        return withInstalment(record.overridden(new Override(request, approver.id())));
    }

    // ---- the agreement (M12) ----

    public MonitoredAgreement terminate(Participant who, Act reason) {
        refuseIf(isTerminated(), Refusal.TERMINATED, id());
        refuseIf(!who.is(Participant.Kind.MANAGER), Refusal.NOT_ALLOWED, id());
        return new MonitoredAgreement(agreement, returns, milestones, instalments, Optional.of(reason), version + 1,
                acceptance, settings);
    }

    /** A payment run's verdict on one instalment (M9). */
    MonitoredAgreement afterPaymentRun(int number, UnaryOperator<InstalmentRecord> change) {
        return withInstalment(change.apply(instalment(number)));
    }

    // ---- helpers ----

    /** A return still owed; after termination, one not made is refused (M12). */
    private ReturnRecord owedReturn(String returnId) {
        ReturnRecord record = returnRecord(returnId);
        refuseIf(!isMade(record), Refusal.TERMINATED, returnId);
        return record;
    }

    private InstalmentRecord payableInstalment(int number) {
        InstalmentRecord record = instalment(number);
        refuseIf(isCancelled(record), Refusal.TERMINATED, instalmentSubject(number));
        return record;
    }

    private boolean mayVary(Participant who) {
        return who.is(Participant.Kind.MANAGER) || who.isOfficerOf(agreement);
    }

    private static Variation withOriginal(Variation variation, LocalDate currentDue) {
        return new Variation(variation.on(), variation.by(), currentDue, variation.to(), variation.reason());
    }

    public String instalmentSubject(int number) {
        return id() + "/" + number;
    }

    private static void refuseIf(boolean refused, Refusal refusal, String subject) {
        if (refused) {
            throw new RefusedException(refusal, subject);
        }
    }

    private MonitoredAgreement withReturn(ReturnRecord changed) {
        List<ReturnRecord> next = new ArrayList<>(returns);
        next.replaceAll(r -> r.id().equals(changed.id()) ? changed : r);
        return new MonitoredAgreement(agreement, next, milestones, instalments, termination, version + 1, acceptance, settings);
    }

    private MonitoredAgreement withMilestone(MilestoneRecord changed) {
        List<MilestoneRecord> next = new ArrayList<>(milestones);
        next.replaceAll(m -> m.id().equals(changed.id()) ? changed : m);
        return new MonitoredAgreement(agreement, returns, next, instalments, termination, version + 1, acceptance, settings);
    }

    private MonitoredAgreement withInstalment(InstalmentRecord changed) {
        List<InstalmentRecord> next = new ArrayList<>(instalments);
        next.replaceAll(i -> i.number() == changed.number() ? changed : i);
        return new MonitoredAgreement(agreement, returns, milestones, next, termination, version + 1, acceptance, settings);
    }
}
