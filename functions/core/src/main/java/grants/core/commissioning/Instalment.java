package grants.core.commissioning;

import java.time.LocalDate;

/** One quarterly payment of a contract, due in advance (rule C11). */
public record Instalment(int number, LocalDate due, long pence) {
}
