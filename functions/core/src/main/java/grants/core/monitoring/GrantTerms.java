package grants.core.monitoring;

import java.time.LocalDate;

/**
 * What a programme sets for the grants of its committed runs, which a run itself does not say:
 * the period the grants are for, the day the one instalment is paid, and the officer who monitors.
 */
public record GrantTerms(LocalDate start, LocalDate end, LocalDate paymentDue, String officer) {

    /** An agreement whose officer is not named yet: its officer's reminders find nobody to write to. */
    public static final String NO_OFFICER = "";

    /** Where a programme's terms come from: the programme and the day its run was committed. */
    @FunctionalInterface
    public interface Source {
        GrantTerms termsFor(String programmeId, LocalDate committedOn);
    }

    /**
     * The terms a programme gets when it sets none: twelve months from the day the run is committed,
     * the grant payable from that day (once accepted), no officer named yet.
     */
    public static GrantTerms defaultsFor(String programmeId, LocalDate committedOn) {
        return new GrantTerms(committedOn, committedOn.plusYears(1).minusDays(1), committedOn, NO_OFFICER);
    }
}
