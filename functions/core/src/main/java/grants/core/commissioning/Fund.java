package grants.core.commissioning;

import grants.core.calendar.FinancialYear;

import java.time.LocalDate;

/**
 * The money a round gives out: the same amount in each of {@code years} financial years from
 * {@code firstYear} ("2002-03": 1 April 2002 to 31 March 2003).
 */
public record Fund(long annualPence, int years, String firstYear) {

    /** 1 April of the first financial year. */
    public LocalDate start() {
        return new FinancialYear(Integer.parseInt(firstYear.substring(0, 4))).start();
    }

    /** Whether "2002-03" names consecutive years. */
    public static boolean isFinancialYear(String text) {
        return FinancialYear.parse(text).isPresent();
    }
}
