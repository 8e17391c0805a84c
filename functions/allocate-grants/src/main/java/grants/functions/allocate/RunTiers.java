package grants.functions.allocate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.allocation.AllocationRow;
import grants.core.allocation.Status;
import grants.core.money.Money;
import grants.core.programme.Tier;
import grants.core.run.AllocationRun;
import grants.core.run.AllocationService;
import grants.documents.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a run's money went by tier, for the console's chart and its table: each tier's base grants,
 * the base grants its withdrawn partnerships lost, what it gained from the redistribution, and its
 * final grants. Summed here, in pence, so that no browser ever adds money up.
 */
final class RunTiers {

    /** How many rows are read at a time: a run is read whole, page after page. */
    private static final int PAGE = 1000;

    private RunTiers() {
    }

    static ObjectNode of(AllocationService service, String programmeId, String runId) {
        List<AllocationRow> rows = new ArrayList<>();
        Optional<String> after = Optional.empty();
        while (true) {
            List<AllocationRow> page = service.runPage(programmeId, runId, after, PAGE).rows();
            rows.addAll(page);
            if (page.size() < PAGE) {
                break;
            }
            after = Optional.of(page.get(page.size() - 1).partnershipId());
        }
        return write(programmeId, runId, rows);
    }

    static ObjectNode write(String programmeId, String runId, List<AllocationRow> rows) {
        ObjectNode node = Json.object().put("programmeId", programmeId).put("runId", runId);
        ArrayNode tiers = node.putArray("tiers");
        for (Tier tier : Tier.values()) {
            long base = 0;
            long withdrawn = 0;
            long redistribution = 0;
            long finalGrants = 0;
            int funded = 0;
            int withdrawnPartnerships = 0;
            for (AllocationRow row : rows) {
                if (row.tier() != tier) {
                    continue;
                }
                base += row.baseGrantPence();
                redistribution += row.redistributionPence();
                finalGrants += row.finalGrantPence();
                if (row.status() == Status.WITHDRAWN) {
                    withdrawn += row.baseGrantPence();
                    withdrawnPartnerships++;
                } else if (row.status() == Status.FUNDED) {
                    funded++;
                }
            }
            tiers.addObject().put("tier", tier.name()).put("funded", funded).put("withdrawn", withdrawnPartnerships)
                    .put("baseGrantsGbp", Money.format(base)).put("withdrawnGbp", Money.format(withdrawn))
                    .put("redistributionGbp", Money.format(redistribution)).put("finalGrantsGbp", Money.format(finalGrants));
        }
        return node;
    }
}
