package grants.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintStream;
import java.math.BigDecimal;

/** The run as a programme manager reads it in a terminal: one line per locality, then the control totals. */
final class SummaryTable {

    private static final String LINE = "%-24s %-18s %-10s %12s %18s%n";

    private final PrintStream out;

    SummaryTable(PrintStream out) {
        this.out = out;
    }

    void print(String programmeName, JsonNode run) {
        boolean committed = "COMMIT".equals(run.get("mode").asText());
        out.println(programmeName + " (" + run.get("programmeId").asText() + "): "
                + (committed ? "COMMITTED run " + run.get("runId").asText() : "DRY RUN, nothing stored"));
        out.println();
        out.printf(LINE, "Locality", "Districts sharing", "Condition", "Partnerships", "Final grants GBP");
        for (JsonNode locality : run.get("localities")) {
            out.printf(LINE, locality.get("countyName").asText(),
                    locality.get("qualifyingDistricts").asInt() + " of " + locality.get("districts").asInt(),
                    locality.get("conditionMet").asBoolean() ? "met" : "WITHDRAWN",
                    locality.get("districts").asInt() + 1, locality.get("finalGrantsGbp").asText());
        }
        int singleTier = 0;
        BigDecimal singleTierGrants = BigDecimal.ZERO.setScale(2);
        for (JsonNode row : run.get("rows")) {
            if ("SINGLE_TIER".equals(row.get("tier").asText())) {
                singleTier++;
                singleTierGrants = singleTierGrants.add(new BigDecimal(row.get("finalGrantGbp").asText()));
            }
        }
        out.printf(LINE, "Single tier", "-", "-", singleTier, singleTierGrants.toPlainString());
        JsonNode totals = run.get("totals");
        out.println();
        out.println("Funded " + totals.get("funded").asInt() + ", withdrawn " + totals.get("withdrawn").asInt()
                + ", not participating " + totals.get("notParticipating").asInt());
        out.println("Base grants " + totals.get("baseGrantsGbp").asText() + ", pool " + totals.get("poolGbp").asText()
                + ", redistributed " + totals.get("redistributionGbp").asText() + ", final grants "
                + totals.get("finalGrantsGbp").asText() + ", unallocated " + totals.get("unallocatedGbp").asText());
        out.println("CSV SHA-256 " + totals.get("csvSha256").asText());
        for (JsonNode warning : run.get("warnings")) {
            out.println("Warning: " + warning.asText());
        }
    }
}
