package grants.local;

import com.fasterxml.jackson.databind.JsonNode;

/** Support balances as a programme manager reads them in a terminal. */
final class BalancesTable {

    private static final String LINE = "%-9s %-26s %-20s %9s %8s %10s %10s %6s%n";

    private BalancesTable() {
    }

    static void print(JsonNode balances) {
        System.out.printf(LINE, "Kind", "Id", "Pool", "Entitled", "Booked", "Delivered", "Remaining", "Over");
        section(balances.get("pools"), "POOL");
        section(balances.get("partnerships"), "PARTNER");
        section(balances.get("advisers"), "ADVISER");
        if (balances.has("csv")) {
            System.out.println("CSV for finance: " + balances.get("csv").get("key").asText());
        }
    }

    private static void section(JsonNode lines, String kind) {
        for (JsonNode line : lines) {
            System.out.printf(LINE, kind, line.get("id").asText(), line.path("pool").asText(""),
                    line.has("contractedDays") ? line.get("contractedDays").asText() : line.get("entitledDays").asText(),
                    line.get("bookedDays").asText(), line.get("deliveredDays").asText(),
                    line.get("remainingDays").asText(), line.path("overBookedByDays").asText(""));
        }
    }
}
