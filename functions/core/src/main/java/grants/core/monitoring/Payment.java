package grants.core.monitoring;

import java.time.LocalDate;

/** An instalment a payment run paid: a line of its payment file. {@code overridden} when an M11 override paid it. */
public record Payment(String agreementId, String organisation, Agreement.Instalment instalment, LocalDate paidOn,
                      boolean overridden) {
}
