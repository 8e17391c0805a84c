package grants.core.monitoring;

import org.junit.jupiter.api.Test;

import java.util.List;

import static grants.core.monitoring.SmallAgreement.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rules M1-M15, one behaviour a person would notice each, on a small agreement worked out by hand. */
class MonitoringRulesTest {

    private final Holds holds = new Holds(CALENDAR);

    @Test
    void m1WorkingDaysSkipWeekendsAndBankHolidaysAndNeverCountTheDayItself() {
        // Friday 3 May 2024; Monday 6 May is a bank holiday.
        assertThat(CALENDAR.after(day("2024-05-03"), 1)).isEqualTo(day("2024-05-07"));
        assertThat(CALENDAR.after(day("2024-05-07"), -1)).isEqualTo(day("2024-05-03"));
        assertThat(CALENDAR.after(day("2024-05-04"), 0)).as("a Saturday's own day is the next working day")
                .isEqualTo(day("2024-05-07"));
        assertThat(CALENDAR.countAfterUpTo(day("2024-05-03"), day("2024-05-10"))).isEqualTo(4);
    }

    @Test
    void m2AnAgreementOwesOneReturnPerQuarterItTouchesAndTheLastIsFinalDueLater() {
        Agreement midQuarter = new Agreement("b", Agreement.Source.GRANT, "wm", "org", "officer", day("2024-05-15"),
                day("2025-02-10"), List.of(new Agreement.Instalment(1, day("2024-05-15"), 500)), List.of(), List.of());

        List<ReturnPlan> plans = ReturnSchedule.of(midQuarter, SETTINGS, CALENDAR);

        assertThat(plans).extracting(ReturnPlan::id).containsExactly("b/2024-25 Q1", "b/2024-25 Q2", "b/2024-25 Q3",
                "b/2024-25 Q4");
        assertThat(plans.get(0).kind()).isEqualTo(ReturnPlan.Kind.QUARTERLY);
        assertThat(plans.get(0).opensOn()).isEqualTo(day("2024-07-01"));
        assertThat(plans.get(0).originalDue()).isEqualTo(day("2024-07-26"));
        ReturnPlan last = plans.get(3);
        assertThat(last.kind()).isEqualTo(ReturnPlan.Kind.FINAL);
        assertThat(last.opensOn()).as("the day after the agreement ends").isEqualTo(day("2025-02-11"));
        assertThat(last.originalDue()).as("40 working days after 10 February 2025").isEqualTo(day("2025-04-07"));
    }

    @Test
    void m3ASentBackReturnIsSubmittedAgainAsANewVersionAndTheFirstDayStays() {
        MonitoredAgreement a = started()
                .submit(Q1, LEAD, version("2024-07-10", LEAD, 40))
                .review(Q1, SUB_GROUP, sentBack("2024-07-12", SUB_GROUP))
                .submit(Q1, OTHER_LEAD, version("2024-07-15", OTHER_LEAD, 35))
                .review(Q1, OFFICER, accepted("2024-07-16", OFFICER));

        ReturnRecord q1 = a.returnRecord(Q1);
        assertThat(q1.stateOn(day("2024-07-16"))).isEqualTo(ReturnState.ACCEPTED);
        assertThat(q1.versions()).extracting(v -> v.outputs().get("People")).containsExactly(40L, 35L);
        assertThat(q1.submittedOn()).contains(day("2024-07-10"));
        assertThat(q1.acceptedOn()).contains(day("2024-07-16"));
    }

    @Test
    void m3OnlyTheOfficerAManagerOrTheSubGroupReviewAndOnlyAManagerSkips() {
        MonitoredAgreement submitted = started().submit(Q1, LEAD, version("2024-07-10", LEAD, 40));

        assertRefused(() -> submitted.review(Q1, OTHER_OFFICER, accepted("2024-07-11", OTHER_OFFICER)),
                Refusal.NOT_ALLOWED, Q1);
        assertRefused(() -> submitted.review(Q1, FINANCE, accepted("2024-07-11", FINANCE)), Refusal.NOT_ALLOWED, Q1);
        assertRefused(() -> started().skip(Q1, OFFICER, act("2024-07-11", OFFICER, "No activity.")),
                Refusal.NOT_ALLOWED, Q1);
        assertThat(started().skip(Q1, MANAGER, act("2024-07-11", MANAGER, "No activity.")).returnRecord(Q1)
                .stateOn(day("2024-07-11"))).isEqualTo(ReturnState.SKIPPED);
    }

    @Test
    void m4AReturnIsOverdueTheDayAfterItsDueDateAndASentBackOneShowsReturned() {
        MonitoredAgreement a = started();
        assertThat(a.returnRecord(Q1).stateOn(day("2024-06-30"))).isEqualTo(ReturnState.PLANNED);
        assertThat(a.returnRecord(Q1).stateOn(day("2024-07-26"))).isEqualTo(ReturnState.OPEN);
        assertThat(a.returnRecord(Q1).stateOn(day("2024-07-27"))).isEqualTo(ReturnState.OVERDUE);
        assertThat(a.returnRecord(Q1).workingDaysLate(day("2024-08-02"), CALENDAR)).isEqualTo(5);

        MonitoredAgreement sentBack = a.submit(Q1, LEAD, version("2024-07-30", LEAD, 40))
                .review(Q1, OFFICER, sentBack("2024-08-01", OFFICER));
        assertThat(sentBack.returnRecord(Q1).stateOn(day("2024-08-20"))).isEqualTo(ReturnState.RETURNED);
        assertThat(sentBack.returnRecord(Q1).workingDaysLate(day("2024-08-20"), CALENDAR))
                .as("counted up to the first submission").isEqualTo(2);
    }

    @Test
    void m5AVariationMovesTheDueDateAndKeepsTheOriginal() {
        MonitoredAgreement varied = started().varyReturn(Q1, OFFICER,
                new Variation(day("2024-07-20"), OFFICER.id(), null, day("2024-08-09"), "Sick leave."));

        ReturnRecord q1 = varied.returnRecord(Q1);
        assertThat(q1.plan().originalDue()).isEqualTo(day("2024-07-26"));
        assertThat(q1.due()).isEqualTo(day("2024-08-09"));
        assertThat(q1.variations().get(0).from()).isEqualTo(day("2024-07-26"));
        assertThat(q1.stateOn(day("2024-08-01"))).isEqualTo(ReturnState.OPEN);
        assertRefused(() -> started().varyReturn(Q1, LEAD, new Variation(day("2024-07-20"), LEAD.id(), null,
                day("2024-08-09"), "Please.")), Refusal.NOT_ALLOWED, Q1);
    }

    @Test
    void m6AMilestoneIsLateAfterItsDueDateUntilTheOfficerRecordsItOnce() {
        MonitoredAgreement a = started();
        assertThat(a.milestone("a/m1").stateOn(day("2024-10-01"))).isEqualTo(MilestoneState.LATE);
        assertRefused(() -> a.achieve("a/m1", MANAGER, act("2024-10-02", MANAGER, "Minutes.")), Refusal.NOT_ALLOWED,
                "a/m1");

        MonitoredAgreement achieved = a.achieve("a/m1", OFFICER, act("2024-10-02", OFFICER, "Minutes."));
        assertThat(achieved.milestone("a/m1").stateOn(day("2024-10-02"))).isEqualTo(MilestoneState.ACHIEVED);
        assertRefused(() -> achieved.waive("a/m1", MANAGER, act("2024-10-03", MANAGER, "Not needed.")),
                Refusal.ALREADY_DONE, "a/m1");
    }

    @Test
    void m7RemindersFallOnWorkingDaysAroundTheCurrentDueDate() {
        assertThat(Reminder.plannedFor(started(), CALENDAR)).filteredOn(r -> r.returnId().equals(Q1))
                .extracting(r -> r.id() + " " + r.plannedOn())
                .containsExactly("a/2024-25 Q1/r-before/2024-07-26 2024-07-19",
                        "a/2024-25 Q1/r-due/2024-07-26 2024-07-26",
                        "a/2024-25 Q1/r-escalate/2024-07-26 2024-08-09");
    }

    @Test
    void m8ReplacedRemindersWhoseDayHadNotComeAreNotMadeAndVaryingBackKeepsTheirIds() {
        Variation later = new Variation(day("2024-07-22"), MANAGER.id(), null, day("2024-08-09"), "Extension.");
        Variation back = new Variation(day("2024-07-23"), MANAGER.id(), null, day("2024-07-26"), "Back again.");
        MonitoredAgreement a = started().varyReturn(Q1, MANAGER, later).varyReturn(Q1, MANAGER, back);

        assertThat(Reminder.plannedFor(a, CALENDAR)).filteredOn(r -> r.returnId().equals(Q1))
                .extracting(Reminder::id)
                .as("26 July's keep their one id each; 9 August's day never came before it was replaced")
                .containsExactlyInAnyOrder("a/2024-25 Q1/r-before/2024-07-26", "a/2024-25 Q1/r-due/2024-07-26",
                        "a/2024-25 Q1/r-escalate/2024-07-26");
    }

    @Test
    void m8TheRunSuppressesRemindersOfWorkHandedInAndSendsThoseOfASentBackReturn() {
        MonitoredAgreement a = started();
        Reminder due = Reminder.plannedFor(a, CALENDAR).stream()
                .filter(r -> r.id().equals("a/2024-25 Q1/r-due/2024-07-26")).findFirst().orElseThrow();
        MonitoredAgreement submitted = a.submit(Q1, LEAD, version("2024-07-10", LEAD, 40));
        MonitoredAgreement sentBack = submitted.review(Q1, OFFICER, sentBack("2024-07-12", OFFICER));

        assertThat(ReminderRun.handle(due, submitted, day("2024-07-29"), List.of("lead@org.example")).reason())
                .contains(LedgerEntry.Suppression.SUBMITTED);
        LedgerEntry sent = ReminderRun.handle(due, sentBack, day("2024-07-29"), List.of("lead@org.example"));
        assertThat(sent.outcome()).isEqualTo(LedgerEntry.Outcome.SENT);
        assertThat(sent.caughtUp()).as("planned for Friday, sent on Monday after a missed run").isTrue();
        assertThat(ReminderRun.handle(due, a, day("2024-07-26"), List.of()).reason())
                .contains(LedgerEntry.Suppression.NO_CONTACT);
        MonitoredAgreement terminated = a.terminate(MANAGER, act("2024-07-20", MANAGER, "Ended."));
        assertThat(ReminderRun.handle(due, terminated, day("2024-07-26"), List.of("lead@org.example")).reason())
                .contains(LedgerEntry.Suppression.CLOSED);
    }

    @Test
    void m9AnInstalmentIsPaidOnceByTheFirstRunThatFindsItPayable() {
        PaymentRun first = PaymentRun.on(day("2024-04-02"), List.of(started()), holds);
        PaymentRun second = PaymentRun.on(day("2024-04-03"), first.agreements(), holds);

        assertThat(first.paid()).extracting(p -> p.instalment().number()).containsExactly(1);
        assertThat(second.paid()).isEmpty();
        assertThat(second.held()).isEmpty();
    }

    @Test
    void m10AnOverdueReturnHoldsOnceTheGraceIsOverAndAcceptanceReleasesIt() {
        MonitoredAgreement paidFirst = PaymentRun.on(day("2024-04-02"), List.of(started()), holds).agreements().get(0);
        MonitoredAgreement lateQ1 = paidFirst.varyReturn(Q1, MANAGER,
                new Variation(day("2024-06-01"), MANAGER.id(), null, day("2024-06-21"), "Earlier."));
        // Due Friday 21 June; 5 working days later is Friday 28 June, so a run on 1 July holds.
        Hold held = PaymentRun.on(day("2024-07-01"), List.of(lateQ1), holds).held().get(0);
        assertThat(held.reasons()).containsExactly(HoldReason.RETURN_OVERDUE);
        assertThat(held.blocking()).containsExactly(Q1);
        assertThat(PaymentRun.on(day("2024-06-28"), List.of(lateQ1), holds).held()).isEmpty();

        MonitoredAgreement accepted = lateQ1.submit(Q1, LEAD, version("2024-07-01", LEAD, 40))
                .review(Q1, OFFICER, accepted("2024-07-02", OFFICER));
        assertThat(PaymentRun.on(day("2024-07-02"), List.of(accepted), holds).paid()).hasSize(1);
    }

    @Test
    void m10TheLastInstalmentWaitsForTheFinalReturnAndAnotherAgreementsLateReturnHolds() {
        MonitoredAgreement a = started();
        InstalmentRecord last = a.instalment(4);
        assertThat(holds.on(day("2025-01-02"), a, last, List.of(a)).orElseThrow().reasons())
                .contains(HoldReason.FINAL_RETURN);

        MonitoredAgreement sibling = MonitoredAgreement.start(agreement("b", "org"), SETTINGS, CALENDAR);
        assertThat(holds.on(day("2024-10-01"), a, a.instalment(2), List.of(a, sibling)).orElseThrow().blocking())
                .contains("b/2024-25 Q1");
    }

    @Test
    void m11AnOverrideNeedsASecondPersonAndIsUsedUpByTheNextRun() {
        PaymentRun held = PaymentRun.on(day("2024-10-01"), List.of(started()), holds);
        MonitoredAgreement a = held.agreements().get(0);
        assertThat(held.held()).extracting(h -> h.instalment().number()).contains(3);

        assertRefused(() -> a.override(3, FINANCE, FINANCE, act("2024-10-02", FINANCE, "On track.")),
                Refusal.APPROVED_BY_REQUESTER, "a/3");
        assertRefused(() -> a.override(3, OFFICER, OTHER_OFFICER, act("2024-10-02", OFFICER, "On track.")),
                Refusal.APPROVER_NOT_ALLOWED, "a/3");
        assertRefused(() -> a.override(4, OFFICER, MANAGER, act("2024-10-02", OFFICER, "On track.")),
                Refusal.NOT_HELD, "a/4");

        MonitoredAgreement overridden = a.override(3, OFFICER, MANAGER, act("2024-10-02", OFFICER, "On track."));
        PaymentRun next = PaymentRun.on(day("2024-10-03"), List.of(overridden), holds);
        assertThat(next.paid()).filteredOn(p -> p.instalment().number() == 3).singleElement()
                .satisfies(p -> assertThat(p.overridden()).isTrue());
        assertThat(next.agreements().get(0).instalment(3).override()).isEmpty();
    }

    @Test
    void m12TerminationCancelsLaterInstalmentsDropsUntouchedReturnsAndKeepsOwedWork() {
        MonitoredAgreement a = started().terminate(MANAGER, act("2024-08-15", MANAGER, "Merged."));

        assertThat(a.stateOn(a.instalment(3), day("2024-12-01"))).isEqualTo(InstalmentState.CANCELLED);
        assertThat(a.madeReturns()).extracting(ReturnRecord::id).containsExactly(Q1);
        assertThat(a.submit(Q1, LEAD, version("2024-08-20", LEAD, 40)).returnRecord(Q1).submittedOn()).isPresent();
        assertRefused(() -> a.submit(Q2, LEAD, version("2024-10-02", LEAD, 40)), Refusal.TERMINATED, Q2);
        assertRefused(() -> a.achieve("a/m1", OFFICER, act("2024-08-20", OFFICER, "Minutes.")), Refusal.TERMINATED,
                "a/m1");
        assertRefused(() -> a.terminate(MANAGER, act("2024-08-20", MANAGER, "Again.")), Refusal.TERMINATED, "a");
        assertThat(a.hold(2, FINANCE, act("2024-08-20", FINANCE, "Bank query.")).instalment(2).manualHold())
                .isPresent();
    }

    @Test
    void m14RefusalsAreCheckedInTheSpecsOrder() {
        MonitoredAgreement accepted = started().submit(Q1, LEAD, version("2024-07-10", LEAD, 40))
                .review(Q1, OFFICER, accepted("2024-07-11", OFFICER));

        assertRefused(() -> accepted.review(Q1, LEAD, accepted("2024-07-12", LEAD)), Refusal.FINAL, Q1);
        assertRefused(() -> started().submit(Q1, OFFICER, version("2024-06-30", OFFICER, 40)), Refusal.NOT_OPEN, Q1);
        assertRefused(() -> started().submit(Q1, STRANGER, version("2024-07-01", STRANGER, 40)),
                Refusal.NOT_LEAD_CONTACT, Q1);
        MonitoredAgreement submitted = started().submit(Q1, LEAD, version("2024-07-10", LEAD, 40));
        assertRefused(() -> submitted.submit(Q1, LEAD, version("2024-07-11", LEAD, 41)), Refusal.ALREADY_SUBMITTED, Q1);
        assertRefused(() -> submitted.skip(Q1, MANAGER, act("2024-07-11", MANAGER, "No.")), Refusal.NOT_SKIPPABLE, Q1);
        assertRefused(() -> submitted.review(Q1, LEAD, accepted("2024-07-11", LEAD)), Refusal.OWN_SUBMISSION, Q1);
        assertRefused(() -> started().review(Q1, OFFICER, accepted("2024-07-11", OFFICER)), Refusal.NOT_SUBMITTED, Q1);
        MonitoredAgreement heldByHand = started().hold(2, FINANCE, act("2024-06-01", FINANCE, "Bank query."));
        assertRefused(() -> heldByHand.hold(2, MANAGER, act("2024-06-02", MANAGER, "Again.")), Refusal.ALREADY_HELD,
                "a/2");
        assertRefused(() -> started().release(2, FINANCE, act("2024-06-02", FINANCE, "Done.")), Refusal.NOT_HELD, "a/2");
    }

    @Test
    void m15OutputsOfAcceptedReturnsCountAgainstAnExactTargetToDate() {
        MonitoredAgreement a = started().submit(Q1, LEAD, version("2024-07-10", LEAD, 30))
                .review(Q1, OFFICER, accepted("2024-07-11", OFFICER))
                .submit(Q2, LEAD, version("2024-10-10", LEAD, 50));

        List<OutputProgress> rows = OutputProgress.of(a);

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.targetText()).isEqualTo("37.5");
            assertThat(row.runningTotal()).isEqualTo(30);
            assertThat(row.percentOfTarget()).hasValueSatisfying(p -> assertThat(p.toPlainString()).isEqualTo("80.0"));
        });
    }

    private static void assertRefused(Runnable action, Refusal refusal, String subject) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(RefusedException.class, refused -> {
            assertThat(refused.refusal()).isEqualTo(refusal);
            assertThat(refused.subject()).isEqualTo(subject);
        });
    }
}
