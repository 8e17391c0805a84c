package grants.core.text;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates and times as GOV.UK's style guide writes them ("1 April 2007", "3 December 2026 at 9:24pm"), for
 * sentences, letters and pages. Files and the API's fields keep ISO dates, which machines read.
 */
public final class InWords {

    /** The programmes are English local government's: times are said in UK time. */
    public static final ZoneId UK = ZoneId.of("Europe/London");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("h:mma", Locale.UK);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("ha", Locale.UK);

    private InWords() {
    }

    /** "1 April 2007". */
    public static String date(LocalDate date) {
        return date.format(DATE);
    }

    /** "9:24pm", "10am", "12pm" for midday (the style guide's "midday" reads oddly beside a date). */
    public static String time(LocalDateTime at) {
        return (at.getMinute() == 0 ? at.format(HOUR) : at.format(HOUR_MINUTE)).toLowerCase(Locale.UK);
    }

    /** "3 December 2026 at 9:24pm", in UK time. */
    public static String dateTime(Instant instant) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, UK);
        return date(local.toLocalDate()) + " at " + time(local);
    }
}
