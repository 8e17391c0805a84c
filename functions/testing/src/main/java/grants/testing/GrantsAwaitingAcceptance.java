package grants.testing;

import grants.core.audit.AuditEntry;
import grants.core.calendar.WorkingDays;
import grants.core.monitoring.Agreement;
import grants.core.monitoring.GrantTerms;
import grants.core.monitoring.MonitoredAgreement;
import grants.core.monitoring.MonitoringService;
import grants.core.monitoring.MonitoringSettings;
import grants.core.monitoring.MonitoringStore;
import grants.core.monitoring.Reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A partnership's grant entered into monitoring as committing a run enters it (the intake): nothing
 * is paid until a lead contact of the partnership accepts it. Tests that need one grant, not a
 * whole committed run, enter it here.
 */
public final class GrantsAwaitingAcceptance {

    private GrantsAwaitingAcceptance() {
    }

    /** One grant of {@code pence}, paid in one instalment on {@code start}, in force for a year. */
    public static Agreement grant(String id, String programmeId, String partnership, LocalDate start, long pence) {
        return new Agreement(id, Agreement.Source.GRANT, programmeId, partnership, GrantTerms.NO_OFFICER, start,
                start.plusYears(1).minusDays(1), List.of(new Agreement.Instalment(1, start, pence)), List.of(),
                List.of(new Agreement.Output("People taking part", 40)));
    }

    /** Entered with its audit entry, by the intake's actor; refused if it is already monitored. */
    public static void enter(MonitoringStore store, Agreement grant, Instant at) {
        WorkingDays calendar = new WorkingDays(store.bankHolidays());
        MonitoredAgreement fresh = MonitoredAgreement.awaitingAcceptance(grant, MonitoringSettings.STANDARD, calendar);
        boolean entered = store.create(fresh, Reminder.plannedFor(fresh, calendar),
                AuditEntry.by(MonitoringService.DAILY_RUN, at, grant.trail(), "AGREEMENT_ENTERED",
                        "agreement " + grant.id(), null, "entered, awaiting acceptance"));
        if (!entered) {
            throw new IllegalStateException("Grant " + grant.id() + " is already monitored.");
        }
    }
}
