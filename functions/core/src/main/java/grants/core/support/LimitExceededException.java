package grants.core.support;

import grants.core.errors.ConflictException;
import grants.core.money.Days;

/** A booking refused because it would take an account or an adviser past its limit. */
public class LimitExceededException extends ConflictException {

    public LimitExceededException(String limit, String who, int limitHalfDays, int bookedHalfDays, int requestedHalfDays) {
        super("SUPPORT_LIMIT_EXCEEDED", "The booking of " + Days.format(requestedHalfDays) + " days would exceed "
                + limit + " " + who + ": " + Days.format(limitHalfDays) + " days, of which " + Days.format(bookedHalfDays)
                + " are booked, so it is over by " + Days.format(bookedHalfDays + requestedHalfDays - limitHalfDays)
                + " days.");
    }
}
