package grants.core.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A reminder to an indicator's owner that a quarter's figure is due: by the day the pack of the first
 * board meeting reviewing that quarter is frozen (the day before it, P8), sent {@code N} working days
 * before. Its id {@code figures/<register>/<indicator>/<quarter>/<due day>} is what makes it handled
 * once: the reminder ledger keys on it, as monitoring's does on a return's reminders.
 */
public record FigureReminder(String registerId, String indicatorId, String reference, Period period, String ownerId,
                             LocalDate meetingOn, LocalDate dueOn, LocalDate plannedOn) {

    static final String PREFIX = "figures/";

    public String id() {
        return PREFIX + registerId + "/" + indicatorId + "/" + period + "/" + dueOn;
    }

    /** The register a reminder id belongs to, if it is a figure reminder's id at all. */
    public static Optional<String> registerOf(String reminderId) {
        if (!reminderId.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = reminderId.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        return slash > 0 ? Optional.of(rest.substring(0, slash)) : Optional.empty();
    }

    /**
     * A figure reminder handled: SENT to the owner's address, or SUPPRESSED when the register gives the
     * owner none ({@code NO_CONTACT}). {@link #caughtUp()} when a missed run made it later than planned.
     */
    public record Handled(FigureReminder reminder, LocalDate handledOn, Outcome outcome, List<String> recipients) {

        public enum Outcome { SENT, NO_CONTACT }

        public Handled {
            recipients = recipients.stream().sorted().toList();
        }

        public boolean caughtUp() {
            return handledOn.isAfter(reminder.plannedOn());
        }
    }
}
