package grants.core.run;

import grants.core.allocation.Status;

/** How one partnership's result in a dry run differs from the latest committed run. */
public record RunDifference(String partnershipId, Status previousStatus, Status status,
                            long previousFinalGrantPence, long finalGrantPence) {

    public long changePence() {
        return finalGrantPence - previousFinalGrantPence;
    }
}
