package grants.core.governance;

import grants.core.audit.AuditEntry;
import grants.core.calendar.WorkingDays;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The daily escalation run of one register (G6): on a working day, every action that at the end of
 * yesterday was open and at least {@code escalationWorkingDays} working days overdue is escalated, once,
 * and one email goes to its owner and the chair of the body that decided it. The ledger row, the action,
 * the audit entry and (when anyone has an address) the email's notice are one store change, so the email
 * is queued exactly once however often the run is retried. A recipient without an address is named in
 * the ledger and the audit entry, not left out silently. A missed day loses nothing: the next run judges
 * the same way.
 */
public final class DailyEscalations {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final GovernanceStore store;
    private final GovernanceSettings settings;
    private final String trailId;
    private final Clock clock;
    private final EmailAddresses addresses;

    /** @param trailId the register whose audit trail (and notices) the escalations go in */
    public DailyEscalations(GovernanceStore store, GovernanceSettings settings, String trailId, Clock clock,
                            EmailAddresses addresses) {
        this.store = store;
        this.settings = settings;
        this.trailId = trailId;
        this.clock = clock;
        this.addresses = addresses;
    }

    /** Today's escalations: none on a day that is not a working day, none that another run got to first. */
    public List<Escalation> run() {
        LocalDate day = LocalDate.ofInstant(clock.instant(), LONDON);
        WorkingDays calendar = new WorkingDays(store.bankHolidays());
        if (!calendar.isWorkingDay(day)) {
            return List.of();
        }
        LocalDate yesterday = day.minusDays(1);
        List<Escalation> made = new ArrayList<>();
        for (ActionRecord action : store.openActionsDueBefore(yesterday)) {
            int overdue = action.workingDaysOverdue(yesterday, calendar);
            if (action.escalatedOn().isPresent() || overdue < settings.escalationWorkingDays()) {
                continue;
            }
            Escalation escalation = escalation(action, day, overdue, action.dueOn(yesterday));
            AuditEntry audit = AuditEntry.by(GovernanceService.DAILY_RUN, clock.instant(), trailId, "ACTION_ESCALATED",
                    "action " + action.id(), AuditedAs.action(action), AuditedAs.escalation(escalation));
            if (store.apply(GovernanceStore.Change.of(audit).with(action.escalate(day)).with(escalation))) {
                made.add(escalation);
            }
        }
        return made;
    }

    /** To the owner and the chair of the body that decided the action, each at their address if they have one. */
    private Escalation escalation(ActionRecord action, LocalDate day, int overdue, LocalDate due) {
        List<String> recipients = new ArrayList<>(List.of(action.owner()));
        store.body(action.decidedBy()).flatMap(Body::chair).ifPresent(recipients::add);
        List<String> found = new ArrayList<>();
        List<String> without = new ArrayList<>();
        for (String person : recipients.stream().distinct().toList()) {
            Optional<String> address = addresses.of(person).filter(a -> !a.isBlank());
            address.ifPresentOrElse(found::add, () -> without.add(person));
        }
        return new Escalation(action.id(), day, overdue, recipients, due, found, without);
    }
}
