package grants.core.monitoring;

import java.time.LocalDate;

/**
 * What a programme sets for the grants of its committed runs, which a run itself does not say:
 * the period the grants are for, the day the one instalment is paid, and the officer who monitors.
 */
public record GrantTerms(LocalDate start, LocalDate end, LocalDate paymentDue, String officer) {
}
