package grants.core.commissioning;

import java.time.LocalDate;

/**
 * The money a round gives out: the same amount in each of {@code years} financial years from
 * {@code firstYear} ("2002-03": 1 April 2002 to 31 March 2003).
 */
public record Fund(long annualPence, int years, String firstYear) {

    public static final String FINANCIAL_YEAR_PATTERN = "[0-9]{4}-[0-9]{2}";

    /** 1 April of the first financial year. */
    public LocalDate start() {
        return LocalDate.of(Integer.parseInt(firstYear.substring(0, 4)), 4, 1);
    }

    /** Whether "2002-03" names consecutive years. */
    public static boolean isFinancialYear(String text) {
        if (text == null || !text.matches(FINANCIAL_YEAR_PATTERN)) {
            return false;
        }
        int first = Integer.parseInt(text.substring(0, 4));
        return (first + 1) % 100 == Integer.parseInt(text.substring(5));
    }
}
