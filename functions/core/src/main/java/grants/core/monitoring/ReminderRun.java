package grants.core.monitoring;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * M8: how the daily run handles a reminder whose day has come. Suppressed when the return is in
 * (submitted or accepted), skipped, or the agreement terminated, or when nobody is left to write to;
 * otherwise sent. A sent-back return is outstanding, so its reminders go.
 */
public final class ReminderRun {

    private ReminderRun() {
    }

    /**
     * @param addresses where the reminder would go: the live (not bounced) addresses of the lead
     *                  contacts of the agreement's organisation, or of its officer, per its audience
     */
    public static LedgerEntry handle(Reminder reminder, MonitoredAgreement agreement, LocalDate runDay,
                                     List<String> addresses) {
        ReturnRecord record = agreement.returnRecord(reminder.returnId());
        ReturnState state = record.stateOn(runDay);
        Optional<LedgerEntry.Suppression> reason;
        if (state == ReturnState.SUBMITTED || state == ReturnState.ACCEPTED) {
            reason = Optional.of(LedgerEntry.Suppression.SUBMITTED);
        } else if (state == ReturnState.SKIPPED) {
            reason = Optional.of(LedgerEntry.Suppression.SKIPPED);
        } else if (agreement.isTerminated()) {
            reason = Optional.of(LedgerEntry.Suppression.CLOSED);
        } else if (addresses.isEmpty()) {
            reason = Optional.of(LedgerEntry.Suppression.NO_CONTACT);
        } else {
            return new LedgerEntry(reminder, runDay, LedgerEntry.Outcome.SENT, Optional.empty(), addresses);
        }
        return new LedgerEntry(reminder, runDay, LedgerEntry.Outcome.SUPPRESSED, reason, List.of());
    }

}
