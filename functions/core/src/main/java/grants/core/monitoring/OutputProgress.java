package grants.core.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * M15: for each measure and accepted return, the quarter's value (a measure the accepted version
 * leaves out counts 0), the running total, the target to date (annual target x k / 4, exact, k the
 * quarter's place in the agreement) and the running total as a percentage of it (one decimal, half
 * up; none when the target is 0).
 */
public record OutputProgress(String agreementId, String measure, String returnId, long value, long runningTotal,
                             BigDecimal targetToDate, Optional<BigDecimal> percentOfTarget) {

    public static List<OutputProgress> of(MonitoredAgreement agreement) {
        List<OutputProgress> rows = new ArrayList<>();
        for (Agreement.Output output : agreement.agreement().outputs()) {
            long running = 0;
            for (ReturnRecord record : agreement.returns()) {
                Optional<Submission> accepted = record.acceptedVersion();
                if (accepted.isEmpty()) {
                    continue;
                }
                long value = accepted.get().outputs().getOrDefault(output.measure(), 0L);
                running += value;
                BigDecimal target = BigDecimal.valueOf(output.annualTarget() * record.plan().place())
                        .divide(BigDecimal.valueOf(4));
                Optional<BigDecimal> percent = target.signum() == 0 ? Optional.empty()
                        : Optional.of(BigDecimal.valueOf(running * 100).divide(target, 1, RoundingMode.HALF_UP));
                rows.add(new OutputProgress(agreement.id(), output.measure(), record.id(), value, running,
                        target.stripTrailingZeros(), percent));
            }
        }
        return rows;
    }

    /** The target to date as a plain decimal: "50", "37.5". */
    public String targetText() {
        return targetToDate.toPlainString();
    }
}
