package grants.core.support;

import grants.core.money.Days;
import grants.core.text.Csv;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** The support-days balances as the CSV finance opens: one line per pool, partnership and adviser. */
public final class BalancesCsv {

    private static final List<String> COLUMNS = List.of("kind", "id", "name", "pool", "entitled_days", "booked_days",
            "delivered_days", "remaining_days", "over_booked_days");

    private BalancesCsv() {
    }

    public static byte[] write(List<BalanceLine> lines) {
        StringBuilder csv = new StringBuilder();
        Csv.line(csv, COLUMNS);
        for (BalanceLine line : lines) {
            Csv.line(csv, Arrays.asList(line.kind(), line.id(), line.name(), line.pool(),
                    Days.format(line.entitledHalfDays()), Days.format(line.bookedHalfDays()),
                    Days.format(line.deliveredHalfDays()), Days.format(line.remainingHalfDays()),
                    Days.format(line.overByHalfDays())));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
