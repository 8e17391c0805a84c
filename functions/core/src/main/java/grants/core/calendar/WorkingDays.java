package grants.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;

/**
 * England and Wales working days: not a Saturday, a Sunday or one of the bank holidays, which are
 * data (they change by proclamation, so a deploy never has to). "N working days after D" is the Nth
 * working day after D, D itself never counting; before, likewise counting back.
 */
public final class WorkingDays {

    private final Set<LocalDate> bankHolidays;

    public WorkingDays(Collection<LocalDate> bankHolidays) {
        this.bankHolidays = Set.copyOf(bankHolidays);
    }

    /** The bank holidays, in date order. */
    public java.util.List<LocalDate> bankHolidays() {
        return bankHolidays.stream().sorted().toList();
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !bankHolidays.contains(day);
    }

    /** The Nth working day after {@code day} (n &lt; 0: the |n|th before it; 0: {@link #onOrAfter}). */
    public LocalDate after(LocalDate day, int n) {
        if (n == 0) {
            return onOrAfter(day);
        }
        int step = n > 0 ? 1 : -1;
        LocalDate at = day;
        for (int counted = 0; counted < Math.abs(n); ) {
            at = at.plusDays(step);
            if (isWorkingDay(at)) {
                counted++;
            }
        }
        return at;
    }

    /** The day itself when it is a working day, otherwise the next working day. */
    public LocalDate onOrAfter(LocalDate day) {
        LocalDate at = day;
        while (!isWorkingDay(at)) {
            at = at.plusDays(1);
        }
        return at;
    }

    /** The working days d with {@code from} &lt; d &lt;= {@code to}; 0 when {@code to} is not after {@code from}. */
    public int countAfterUpTo(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate at = from.plusDays(1); !at.isAfter(to); at = at.plusDays(1)) {
            if (isWorkingDay(at)) {
                count++;
            }
        }
        return count;
    }
}
