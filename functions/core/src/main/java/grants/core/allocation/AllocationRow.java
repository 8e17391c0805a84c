package grants.core.allocation;

import grants.core.programme.PartnershipType;
import grants.core.programme.Tier;

/** One partnership's result in a run: the spec's output columns, money in pence and euro cents. */
public record AllocationRow(String partnershipId, String partnershipName, PartnershipType type, Tier tier,
                            String locality, Status status, long baseGrantPence, long redistributionPence,
                            long finalGrantPence, long finalGrantEuroCents, int supportHalfDays, String reason) {
}
