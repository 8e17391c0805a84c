package grants.functions.allocate;

import com.fasterxml.jackson.databind.JsonNode;
import grants.core.allocation.AllocationRow;
import grants.core.allocation.Status;
import grants.core.programme.PartnershipType;
import grants.core.programme.Tier;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's chart by tier draws the API's sums: each tier's money, the withdrawn base grants apart. */
class RunTiersTest {

    private static AllocationRow row(String id, PartnershipType type, Tier tier, Status status, long base, long redistribution, long total) {
        return new AllocationRow(id, id, type, tier, tier == Tier.TWO_TIER ? "warwickshire" : null, status, base, redistribution,
                total, 0, 0, "why");
    }

    @Test
    void eachTiersMoneyIsSummedInPenceAndWrittenAsPounds() {
        JsonNode tiers = RunTiers.write("l2d", "run-1", List.of(
                row("birmingham", PartnershipType.METROPOLITAN, Tier.SINGLE_TIER, Status.FUNDED, 1_960_000, 118_125, 2_078_125),
                row("coventry", PartnershipType.METROPOLITAN, Tier.SINGLE_TIER, Status.FUNDED, 1_960_000, 118_125, 2_078_125),
                row("rugby", PartnershipType.DISTRICT, Tier.TWO_TIER, Status.WITHDRAWN, 945_000, 0, 0),
                row("shropshire", PartnershipType.COUNTY, Tier.TWO_TIER, Status.FUNDED, 945_001, 1, 945_002))).get("tiers");

        assertThat(tiers.get(0).get("tier").asText()).isEqualTo("SINGLE_TIER");
        assertThat(tiers.get(0).get("funded").asInt()).isEqualTo(2);
        assertThat(tiers.get(0).get("finalGrantsGbp").asText()).isEqualTo("41562.50");
        assertThat(tiers.get(0).get("redistributionGbp").asText()).isEqualTo("2362.50");
        assertThat(tiers.get(0).get("withdrawnGbp").asText()).isEqualTo("0.00");
        assertThat(tiers.get(1).get("tier").asText()).isEqualTo("TWO_TIER");
        assertThat(tiers.get(1).get("withdrawn").asInt()).isEqualTo(1);
        assertThat(tiers.get(1).get("baseGrantsGbp").asText()).isEqualTo("18900.01");
        assertThat(tiers.get(1).get("withdrawnGbp").asText()).isEqualTo("9450.00");
        assertThat(tiers.get(1).get("finalGrantsGbp").asText()).isEqualTo("9450.02");
    }
}
