package grants.core.calendar;

import java.time.LocalDate;
import java.util.Optional;

/** A UK public-sector financial year, "2007-08": 1 April 2007 to 31 March 2008. */
public record FinancialYear(int firstYear) implements Comparable<FinancialYear> {

    /** "2007-08" (two consecutive years), else empty. */
    public static Optional<FinancialYear> parse(String text) {
        if (text == null || !text.matches("[0-9]{4}-[0-9]{2}")) {
            return Optional.empty();
        }
        int first = Integer.parseInt(text.substring(0, 4));
        return (first + 1) % 100 == Integer.parseInt(text.substring(5)) ? Optional.of(new FinancialYear(first))
                : Optional.empty();
    }

    /** The financial year a day falls in. */
    public static FinancialYear of(LocalDate day) {
        return new FinancialYear(day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1);
    }

    public LocalDate start() {
        return LocalDate.of(firstYear, 4, 1);
    }

    public LocalDate end() {
        return LocalDate.of(firstYear + 1, 3, 31);
    }

    public FinancialYear next() {
        return new FinancialYear(firstYear + 1);
    }

    @Override
    public int compareTo(FinancialYear other) {
        return Integer.compare(firstYear, other.firstYear);
    }

    @Override
    public String toString() {
        return String.format("%04d-%02d", firstYear, (firstYear + 1) % 100);
    }
}
