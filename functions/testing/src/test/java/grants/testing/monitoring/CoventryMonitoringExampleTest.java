package grants.testing.monitoring;

import grants.documents.monitoring.MonitoringBook;
import grants.core.money.Money;
import grants.core.monitoring.Hold;
import grants.core.monitoring.InstalmentRecord;
import grants.core.monitoring.InstalmentState;
import grants.core.monitoring.LedgerEntry;
import grants.core.monitoring.MonitoredAgreement;
import grants.core.monitoring.Payment;
import grants.core.monitoring.ReturnRecord;
import grants.core.monitoring.ReturnState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worked example of monitoring-rules.md, {@code coventry-monitoring.json}, lived through the
 * monitoring use cases on the in-memory store: every figure asserted here is one the spec states.
 */
class CoventryMonitoringExampleTest {

    private static MonitoringBook book;
    private static ServiceReplay replay;

    @BeforeAll
    static void replay() {
        book = Books.read(Books.COVENTRY);
        replay = ServiceReplay.of(book);
    }

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    private static ReturnRecord returnOf(String returnId) {
        return replay.agreements.get(returnId.substring(0, returnId.indexOf('/'))).returnRecord(returnId);
    }

    @Test
    void theYearsReturnsAreDueTwentyWorkingDaysAfterEachQuarterSkippingBankHolidays() {
        assertThat(replay.agreements.get("contract-skills-network").returns().subList(0, 4))
                .extracting(r -> r.plan().originalDue())
                .containsExactly(day("2002-07-26"), day("2002-10-28"), day("2003-01-29"), day("2003-04-30"));
    }

    @Test
    void theFirstPaymentRunOnTheSecondOfAprilPaysEachContractsFirstInstalment() {
        assertThat(replay.paymentRuns.get(day("2002-04-02")).paid())
                .extracting(p -> p.agreementId() + "/" + p.instalment().number())
                .containsExactlyInAnyOrderElementsOf(book.agreements().stream().map(a -> a.id() + "/1").toList());
    }

    @Test
    void lateReturnsCountWorkingDaysUpToTheFirstSubmission() {
        assertThat(returnOf("contract-crime-safer-streets/2002-03 Q2").workingDaysLate(book.asOf(), book.calendar()))
                .isEqualTo(2);
        ReturnRecord cohesionQ3 = returnOf("contract-cohesion-northside/2002-03 Q3");
        assertThat(cohesionQ3.submittedOn()).contains(day("2003-03-27"));
        assertThat(cohesionQ3.workingDaysLate(book.asOf(), book.calendar())).isEqualTo(41);
        assertThat(returnOf("contract-cohesion-northside/2002-03 Q4").workingDaysLate(book.asOf(), book.calendar()))
                .isEqualTo(21);
    }

    @Test
    void aSentBackReturnIsAcceptedAsItsSecondVersionAndBothAreKept() {
        ReturnRecord cohesionQ1 = returnOf("contract-cohesion-northside/2002-03 Q1");
        assertThat(cohesionQ1.stateOn(book.asOf())).isEqualTo(ReturnState.ACCEPTED);
        assertThat(cohesionQ1.versions()).hasSize(2);
        assertThat(cohesionQ1.acceptedVersion().orElseThrow().outputs()).containsEntry("Residents taking part", 36L);
        assertThat(cohesionQ1.versions().get(0).outputs()).containsEntry("Residents taking part", 41L);
    }

    @Test
    void aSkippedReturnsFourRemindersAreSuppressedAsSkipped() {
        String skipped = "contract-housing-homes-together/2002-03 Q3";
        assertThat(returnOf(skipped).stateOn(book.asOf())).isEqualTo(ReturnState.SKIPPED);
        assertThat(returnOf(skipped).skip().orElseThrow().on()).isEqualTo(day("2003-01-06"));
        assertThat(replay.ledger.values()).filteredOn(e -> e.reminder().returnId().equals(skipped))
                .hasSize(4)
                .allSatisfy(e -> {
                    assertThat(e.outcome()).isEqualTo(LedgerEntry.Outcome.SUPPRESSED);
                    assertThat(e.reason()).contains(LedgerEntry.Suppression.SKIPPED);
                });
    }

    @Test
    void aVariedReturnKeepsItsOriginalDateAndIsOnTimeAgainstTheNewOne() {
        ReturnRecord varied = returnOf("contract-skills-network/2002-03 Q3");
        assertThat(varied.plan().originalDue()).isEqualTo(day("2003-01-29"));
        assertThat(varied.due()).isEqualTo(day("2003-02-12"));
        assertThat(varied.submittedOn()).contains(day("2003-02-10"));
        assertThat(varied.workingDaysLate(book.asOf(), book.calendar())).isZero();
        assertThat(book.calendar().countAfterUpTo(varied.plan().originalDue(), varied.submittedOn().orElseThrow()))
                .isEqualTo(8);
        assertThat(allReminderIds()).noneMatch(id -> id.startsWith(varied.id()) && id.endsWith("/2003-01-29"));
        LedgerEntry before = replay.ledger.get(varied.id() + "/r-before/2003-02-12");
        assertThat(before.reminder().plannedOn()).isEqualTo(day("2003-02-05"));
        assertThat(before.handledOn()).isEqualTo(day("2003-02-06"));
        assertThat(before.outcome()).isEqualTo(LedgerEntry.Outcome.SENT);
    }

    @Test
    void theLedgerHoldsEveryReminderOnceWithTheSpecsCounts() {
        Map<LedgerEntry.Outcome, Long> outcomes = new EnumMap<>(LedgerEntry.Outcome.class);
        replay.ledger.values().forEach(e -> outcomes.merge(e.outcome(), 1L, Long::sum));
        Map<LedgerEntry.Suppression, Long> reasons = replay.ledger.values().stream()
                .filter(e -> e.reason().isPresent())
                .collect(Collectors.groupingBy(e -> e.reason().get(), TreeMap::new, Collectors.counting()));

        assertThat(allReminderIds()).hasSize(304);
        assertThat(outcomes).containsEntry(LedgerEntry.Outcome.SENT, 21L).containsEntry(LedgerEntry.Outcome.SUPPRESSED, 91L);
        assertThat(reasons).containsExactlyEntriesOf(new TreeMap<>(Map.of(LedgerEntry.Suppression.SUBMITTED, 86L,
                LedgerEntry.Suppression.SKIPPED, 4L, LedgerEntry.Suppression.NO_CONTACT, 1L)));
        assertThat(allReminderIds().size() - replay.ledger.size()).as("pending").isEqualTo(192);
    }

    @Test
    void remindersMissedByAnOutageAreCaughtUpTheNextWorkingDay() {
        List<LedgerEntry> caughtUp = replay.ledger.values().stream().filter(LedgerEntry::caughtUp).toList();
        assertThat(caughtUp).hasSize(21);
        assertThat(caughtUp).extracting(LedgerEntry::handledOn).containsOnly(day("2002-07-22"), day("2002-10-29"),
                day("2003-02-06"));
        assertThat(caughtUp).filteredOn(e -> e.outcome() == LedgerEntry.Outcome.SENT).hasSize(8);
    }

    @Test
    void bouncedAddressesGetNoMoreReminders() {
        assertThat(replay.ledger.values())
                .filteredOn(e -> e.reminder().agreementId().equals("contract-young-people-spon-end")
                        && e.outcome() == LedgerEntry.Outcome.SENT && e.handledOn().isAfter(day("2002-09-10"))
                        && e.reminder().audience() == grants.core.monitoring.MonitoringSettings.Audience.LEAD)
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.recipients()).containsExactly("kerry.jones@youth-project.example"));
        LedgerEntry pathways = replay.ledger.get("contract-unemployment-pathways/2002-03 Q4/r-before/2003-04-30");
        assertThat(pathways.reminder().plannedOn()).isEqualTo(day("2003-04-23"));
        assertThat(pathways.reason()).contains(LedgerEntry.Suppression.NO_CONTACT);
        assertThat(pathways.recipients()).isEmpty();
    }

    @Test
    void aMissedMilestoneHoldsItsInstalmentUntilAchieved() {
        assertThat(heldOn("2002-10-01")).containsExactly(
                "contract-young-people-spon-end/3 125000.00 [MILESTONE_MISSED] [contract-young-people-spon-end/m1]");
        assertThat(paidOn("2002-11-15")).contains("contract-young-people-spon-end/3");
    }

    @Test
    void theFirstOfAprilRunHoldsThreeInstalmentsEachWithItsReason() {
        assertThat(heldOn("2003-04-01")).containsExactly(
                "contract-cohesion-northside/5 87500.00 [RETURN_NOT_ACCEPTED] [contract-cohesion-northside/2002-03 Q3]",
                "contract-skills-network/5 200000.00 [MANUAL] []",
                "contract-unemployment-northside/5 75000.00 [OTHER_AGREEMENT] [contract-cohesion-northside/2002-03 Q3]");
        assertThat(paidOn("2003-05-15")).contains("contract-skills-network/5", "contract-unemployment-northside/5");
        Payment overridden = replay.paymentRuns.get(day("2003-05-15")).paid().stream()
                .filter(p -> p.agreementId().equals("contract-unemployment-northside")).findFirst().orElseThrow();
        assertThat(overridden.overridden()).as("it would otherwise be held OTHER_AGREEMENT").isTrue();
    }

    @Test
    void cohesionsFifthInstalmentStaysHeldForItsNextReturn() {
        assertThat(heldOn("2003-05-15")).containsExactly(
                "contract-cohesion-northside/5 87500.00 [RETURN_OVERDUE] [contract-cohesion-northside/2002-03 Q4]");
        assertThat(heldOn("2003-06-16")).containsExactly(
                "contract-cohesion-northside/5 87500.00 [RETURN_NOT_ACCEPTED] [contract-cohesion-northside/2002-03 Q4]");
        MonitoredAgreement cohesion = replay.agreements.get("contract-cohesion-northside");
        assertThat(cohesion.stateOn(cohesion.instalment(5), book.asOf())).isEqualTo(InstalmentState.HELD);
    }

    @Test
    void terminationCancelsTheInstalmentsAndReturnsAfterIt() {
        MonitoredAgreement homes = replay.agreements.get("contract-housing-homes-together");
        List<InstalmentRecord> cancelled = homes.instalments().stream()
                .filter(i -> homes.stateOn(i, book.asOf()) == InstalmentState.CANCELLED).toList();
        assertThat(cancelled).extracting(InstalmentRecord::number).containsExactly(6, 7, 8, 9, 10, 11, 12);
        assertThat(Money.format(cancelled.stream().mapToLong(i -> i.instalment().pence()).sum())).isEqualTo("962500.00");
        assertThat(homes.returns().size() - homes.madeReturns().size()).isEqualTo(8);
        assertThat(homes.madeReturns().get(homes.madeReturns().size() - 1).id())
                .isEqualTo("contract-housing-homes-together/2002-03 Q4");
    }

    @Test
    void everyPennyIsPaidHeldCancelledOrNotYetDueAtTheEnd() {
        Map<InstalmentState, long[]> totals = new EnumMap<>(InstalmentState.class);
        for (MonitoredAgreement agreement : replay.agreements.values()) {
            for (InstalmentRecord instalment : agreement.instalments()) {
                long[] sum = totals.computeIfAbsent(agreement.stateOn(instalment, book.asOf()), s -> new long[2]);
                sum[0] += instalment.instalment().pence();
                sum[1]++;
            }
        }
        assertThat(describe(totals)).isEqualTo(
                "PAID 4725000.00 (34), HELD 87500.00 (1), CANCELLED 962500.00 (7), NOT_DUE 5775000.00 (42)");
        assertThat(Money.format(totals.values().stream().mapToLong(t -> t[0]).sum())).isEqualTo("11550000.00");
    }

    @Test
    void eightActionsAreRefusedOneOfEachKind() {
        assertThat(replay.refused).containsExactly(
                "2002-07-23,submit,officer-bridget,contract-crime-safer-streets/2002-03 Q1,NOT_LEAD_CONTACT",
                "2002-07-26,accept,lead-safer-streets,contract-crime-safer-streets/2002-03 Q1,OWN_SUBMISSION",
                "2002-08-12,submit,lead-pathways,contract-unemployment-pathways/2002-03 Q1,FINAL",
                "2003-01-27,accept,subgroup-tom,contract-young-people-spon-end/2002-03 Q3,NOT_SUBMITTED",
                "2003-04-02,override,manager-ruth,contract-unemployment-northside/5,APPROVED_BY_REQUESTER",
                "2003-04-02,override,officer-amir,contract-unemployment-northside/5,APPROVER_NOT_ALLOWED",
                "2003-06-24,hold,finance-dev,contract-housing-homes-together/6,TERMINATED",
                "2003-06-27,submit,lead-skills-nina,contract-skills-network/2003-04 Q1,NOT_OPEN");
    }

    private static Set<String> allReminderIds() {
        Set<String> ids = new TreeSet<>(replay.ledger.keySet());
        replay.pending().forEach(r -> ids.add(r.id()));
        return ids;
    }

    private static List<String> heldOn(String runDay) {
        return replay.paymentRuns.get(day(runDay)).held().stream().map(CoventryMonitoringExampleTest::describe)
                .toList();
    }

    private static List<String> paidOn(String runDay) {
        return replay.paymentRuns.get(day(runDay)).paid().stream()
                .map(p -> p.agreementId() + "/" + p.instalment().number()).toList();
    }

    private static String describe(Hold hold) {
        return hold.agreementId() + "/" + hold.instalment().number() + " " + Money.format(hold.instalment().pence())
                + " " + hold.reasons() + " " + hold.blocking();
    }

    private static String describe(Map<InstalmentState, long[]> totals) {
        return totals.entrySet().stream().filter(e -> e.getKey() != InstalmentState.DUE || e.getValue()[1] > 0)
                .map(e -> e.getKey() + " " + Money.format(e.getValue()[0]) + " (" + e.getValue()[1] + ")")
                .collect(Collectors.joining(", "));
    }
}
