package grants.core.reporting;

import grants.core.errors.InvalidInputException;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * P1: a quarter of the financial year, written {@code 2008-09 Q1} (1 April to 30 June 2008);
 * {@code Q4} runs from 1 January to 31 March of the second year.
 */
public record Period(int startYear, int quarter) implements Comparable<Period> {

    private static final Pattern FORM = Pattern.compile("(\\d{4})-(\\d{2}) Q([1-4])");

    public Period {
        if (quarter < 1 || quarter > 4 || startYear < 1900 || startYear > 9998) {
            throw new IllegalArgumentException("no quarter " + quarter + " of year " + startYear);
        }
    }

    /** Reads {@code 2008-09 Q1}, refusing a form or years that do not follow on, naming {@code field}. */
    public static Period parse(String text, String field) {
        Matcher match = text == null ? null : FORM.matcher(text);
        if (match == null || !match.matches()) {
            throw InvalidInputException.of(field, "must be a quarter such as 2008-09 Q1");
        }
        int start = Integer.parseInt(match.group(1));
        if ((start + 1) % 100 != Integer.parseInt(match.group(2))) {
            throw InvalidInputException.of(field, "must name two years that follow on, such as 2008-09");
        }
        return new Period(start, Integer.parseInt(match.group(3)));
    }

    public static Period parse(String text) {
        return parse(text, "period");
    }

    /** The financial year, {@code 2008-09}: the key of its target. */
    public String year() {
        return yearOf(startYear);
    }

    static String yearOf(int startYear) {
        return startYear + "-" + String.format("%02d", (startYear + 1) % 100);
    }

    public LocalDate firstDay() {
        return LocalDate.of(startYear, 4, 1).plusMonths(3L * (quarter - 1));
    }

    public LocalDate lastDay() {
        return firstDay().plusMonths(3).minusDays(1);
    }

    /** Whether the quarter was over on {@code day}: it ends at the end of its last day (P10). */
    public boolean endedBefore(LocalDate day) {
        return lastDay().isBefore(day);
    }

    /** The previous quarter: that of Q1 is Q4 of the year before. */
    public Period previous() {
        return quarter == 1 ? new Period(startYear - 1, 4) : new Period(startYear, quarter - 1);
    }

    public Period yearBefore() {
        return new Period(startYear - 1, quarter);
    }

    /** Quarter {@code k} of the same year. */
    public Period quarterOfYear(int k) {
        return new Period(startYear, k);
    }

    @Override
    public int compareTo(Period other) {
        return startYear != other.startYear ? Integer.compare(startYear, other.startYear)
                : Integer.compare(quarter, other.quarter);
    }

    public boolean isBefore(Period other) {
        return compareTo(other) < 0;
    }

    @Override
    public String toString() {
        return year() + " Q" + quarter;
    }
}
