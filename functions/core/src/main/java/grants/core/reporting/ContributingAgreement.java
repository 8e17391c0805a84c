package grants.core.reporting;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * A monitored agreement whose outputs feed an indicator, as its card shows it: its latest accepted
 * return's outputs (measure to amount), if one has been accepted. Reporting's own view of monitoring.
 */
public record ContributingAgreement(String agreementId, String organisation, Optional<LocalDate> acceptedOn,
                                    Map<String, Long> latestAcceptedOutputs) {

    public ContributingAgreement {
        latestAcceptedOutputs = Map.copyOf(latestAcceptedOutputs);
    }

    /**
     * Where reporting looks agreements up (outbound port), so that it never depends on monitoring:
     * whoever builds the service adapts monitoring's store to it. Empty for an id not monitored.
     */
    @FunctionalInterface
    public interface Source {
        Optional<ContributingAgreement> agreement(String agreementId);

        /** For a register with no contributing agreements yet. */
        Source NONE = id -> Optional.empty();
    }
}
