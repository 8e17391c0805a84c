package grants.core.reporting;

import java.time.LocalDate;

/** A board meeting, and the quarter it reviews (P8, P9). */
public record Meeting(LocalDate date, Period reviews) {

    /** The day whose end the meeting's pack is frozen at (P8). */
    public LocalDate figuresAsOf() {
        return date.minusDays(1);
    }
}
