package grants.core.monitoring;

import java.time.LocalDate;
import java.util.stream.Collectors;

/** How monitoring's records read in the audit trail: the before and after of each change, in words. */
final class AuditedAs {

    private AuditedAs() {
    }

    static String entered(MonitoredAgreement fresh) {
        Agreement agreement = fresh.agreement();
        return agreement.source() + " with " + agreement.organisation() + " from " + agreement.start() + " to "
                + agreement.end() + ": " + agreement.instalments().size() + " instalment(s) of "
                + grants.core.money.Money.format(agreement.totalPence()) + " in all, " + fresh.returns().size()
                + " return(s), " + agreement.milestones().size() + " milestone(s), officer "
                + (agreement.officer().isEmpty() ? "not named yet" : agreement.officer())
                + (fresh.isAccepted() ? "" : "; awaiting acceptance by " + agreement.organisation());
    }

    /** "return contract-x/2002-03 Q1" or "milestone contract-x/m1", by the action's name. */
    static String partName(String partId, String action) {
        return (action.startsWith("MILESTONE") ? "milestone " : "return ") + partId;
    }

    /** A return's or a milestone's state, whichever the id names. */
    static String part(MonitoredAgreement agreement, String partId, LocalDate day) {
        return agreement.returns().stream().anyMatch(r -> r.id().equals(partId))
                ? returnRecord(agreement.returnRecord(partId), day)
                : milestone(agreement.milestone(partId), day);
    }

    static String returnRecord(ReturnRecord record, LocalDate day) {
        return record.stateOn(day) + ", due " + record.due()
                + (record.due().equals(record.plan().originalDue()) ? "" : " (originally " + record.plan().originalDue() + ")")
                + ", " + record.versions().size() + " version(s)"
                + record.skip().map(skip -> ", skipped: " + skip.words()).orElse("");
    }

    static String milestone(MilestoneRecord record, LocalDate day) {
        return record.stateOn(day) + ", due " + record.due()
                + record.achieved().map(a -> ", evidence: " + a.words()).orElse("")
                + record.waived().map(w -> ", waived: " + w.words()).orElse("");
    }

    static String instalment(MonitoredAgreement agreement, InstalmentRecord record, LocalDate day) {
        return agreement.stateOn(record, day) + record.paidOn().map(on -> " on " + on).orElse("")
                + record.manualHold().map(h -> ", held by " + h.by() + ": " + h.words()).orElse("")
                + record.overrideRequest().map(o -> ", override asked for by " + o.by() + ": " + o.words()).orElse("")
                + record.override().map(o -> ", override approved by " + o.approvedBy()).orElse("");
    }

    static String agreement(MonitoredAgreement agreement) {
        return agreement.termination().map(t -> "terminated on " + t.on() + ": " + t.words()).orElse("in force");
    }

    /** "officer officer-chen", or "no officer named". */
    static String officer(String personId) {
        return personId == null || personId.isEmpty() ? "no officer named" : "officer " + personId;
    }

    static String instalments(MonitoredAgreement agreement, LocalDate day) {
        return agreement.instalments().stream().map(i -> i.number() + " " + agreement.stateOn(i, day))
                .collect(Collectors.joining(", "));
    }

    static String ledgerEntry(LedgerEntry entry) {
        return entry.outcome() == LedgerEntry.Outcome.SENT
                ? "sent to " + String.join("; ", entry.recipients())
                + (entry.caughtUp() ? " (planned for " + entry.reminder().plannedOn() + ")" : "")
                : "suppressed: " + entry.reason().orElseThrow();
    }
}
