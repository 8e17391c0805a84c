package grants.core.monitoring;

import grants.core.calendar.WorkingDays;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Rule M2: one return per financial quarter (April to June, July to September, October to
 * December, January to March) that overlaps the agreement, in order; the quarter holding its end
 * is the final one. A quarterly return is due a number of working days after its quarter ends, the
 * final one a (longer) number after the agreement ends.
 */
public final class ReturnSchedule {

    private ReturnSchedule() {
    }

    public static List<ReturnPlan> of(Agreement agreement, MonitoringSettings settings, WorkingDays calendar) {
        List<ReturnPlan> plans = new ArrayList<>();
        LocalDate quarterStart = quarterStartOf(agreement.start());
        for (int place = 1; !quarterStart.isAfter(agreement.end()); place++) {
            LocalDate quarterEnd = quarterStart.plusMonths(3).minusDays(1);
            boolean last = !quarterEnd.isBefore(agreement.end());
            String id = agreement.id() + "/" + financialYear(quarterStart) + " Q" + quarterNumber(quarterStart);
            plans.add(last
                    ? new ReturnPlan(id, agreement.id(), ReturnPlan.Kind.FINAL, place, quarterStart, quarterEnd,
                    agreement.end().plusDays(1), calendar.after(agreement.end(), settings.finalReturnDueWorkingDays()))
                    : new ReturnPlan(id, agreement.id(), ReturnPlan.Kind.QUARTERLY, place, quarterStart, quarterEnd,
                    quarterEnd.plusDays(1), calendar.after(quarterEnd, settings.returnDueWorkingDays())));
            quarterStart = quarterStart.plusMonths(3);
        }
        return plans;
    }

    /** 1 April, 1 July, 1 October or 1 January: the first day of the day's financial quarter. */
    static LocalDate quarterStartOf(LocalDate day) {
        int firstMonth = ((day.getMonthValue() - 1) / 3) * 3 + 1;
        return LocalDate.of(day.getYear(), firstMonth, 1);
    }

    /** Q1 starts in April. */
    private static int quarterNumber(LocalDate quarterStart) {
        return (quarterStart.getMonthValue() + 8) / 3 % 4 + 1;
    }

    /** "2002-03" for April 2002 to March 2003. */
    private static String financialYear(LocalDate quarterStart) {
        int startYear = quarterStart.getMonthValue() >= 4 ? quarterStart.getYear() : quarterStart.getYear() - 1;
        return startYear + "-" + String.format("%02d", (startYear + 1) % 100);
    }
}
