package grants.core.allocation;

import grants.core.money.Days;
import grants.core.money.Money;

import static grants.core.text.Csv.field;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The run's rows as the spec's CSV: UTF-8, a header line, one line per partnership ordered by id,
 * lines ended by LF, fields quoted (RFC 4180) only when they hold a comma, quote or line break.
 */
public final class AllocationCsv {

    public static final String HEADER = "partnership_id,partnership_name,type,tier,locality,status,base_grant_gbp,"
            + "redistribution_gbp,final_grant_gbp,final_grant_eur,support_days,reason";

    private AllocationCsv() {
    }

    public static byte[] write(List<AllocationRow> rows) {
        StringBuilder csv = new StringBuilder(HEADER.length() + rows.size() * 320).append(HEADER).append('\n');
        for (AllocationRow row : rows) {
            csv.append(field(row.partnershipId())).append(',')
                    .append(field(row.partnershipName())).append(',')
                    .append(row.type()).append(',')
                    .append(row.tier()).append(',')
                    .append(field(row.locality())).append(',')
                    .append(row.status()).append(',')
                    .append(Money.format(row.baseGrantPence())).append(',')
                    .append(Money.format(row.redistributionPence())).append(',')
                    .append(Money.format(row.finalGrantPence())).append(',')
                    .append(Money.format(row.finalGrantEuroCents())).append(',')
                    .append(Days.format(row.supportHalfDays())).append(',')
                    .append(field(row.reason())).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static String sha256(List<AllocationRow> rows) {
        return sha256(write(rows));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

}
