package grants.core.monitoring;

import grants.core.access.Actor;
import grants.core.access.ForbiddenException;
import grants.core.access.Role;
import grants.core.audit.AuditEntry;
import grants.core.text.InWords;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * England and Wales' bank holidays, which every working-day rule counts around, kept as data: when a
 * new one is announced, a manager bound everywhere adds it, and no deploy is needed. Each change is
 * in the audit trail {@value #TRAIL}, with the days before and after.
 */
public final class BankHolidayCalendar {

    public static final String TRAIL = "bank-holidays";

    private final MonitoringStore store;
    private final Clock clock;

    public BankHolidayCalendar(MonitoringStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public List<LocalDate> days() {
        return store.bankHolidays().stream().sorted().toList();
    }

    /** Replaces the days; the same days again change nothing and record nothing. */
    public List<LocalDate> keep(Actor actor, List<LocalDate> days) {
        if (!actor.has(Role.PROGRAMME_MANAGER) || !actor.worksOn(Actor.EVERY_PROGRAMME)) {
            throw new ForbiddenException("Only a manager bound to every programme and round keeps the bank holidays:"
                    + " every one of them counts working days around them.");
        }
        List<LocalDate> before = days();
        List<LocalDate> after = days.stream().distinct().sorted().toList();
        if (after.equals(before)) {
            return after;
        }
        store.keepBankHolidays(after, AuditEntry.by(actor, clock.instant(), TRAIL, "BANK_HOLIDAYS_KEPT",
                "the bank holidays of England and Wales", inWords(before), inWords(after)));
        return after;
    }

    private static String inWords(List<LocalDate> days) {
        return days.isEmpty() ? "none" : days.stream().map(InWords::date).collect(Collectors.joining(", "));
    }
}
