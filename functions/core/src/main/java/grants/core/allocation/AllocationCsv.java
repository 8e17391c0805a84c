package grants.core.allocation;

import grants.core.money.Days;
import grants.core.money.Money;

import static grants.core.text.Csv.field;

import java.io.IOException;
import java.io.OutputStream;
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

    /** How many characters are written to a stream at a time. */
    private static final int CHUNK = 64 * 1024;

    private AllocationCsv() {
    }

    public static byte[] write(List<AllocationRow> rows) {
        StringBuilder csv = new StringBuilder(HEADER.length() + rows.size() * 320).append(HEADER).append('\n');
        for (AllocationRow row : rows) {
            line(csv, row);
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The same bytes as {@link #write(List)}, into {@code out} a chunk at a time, never the whole file at once. */
    public static void write(List<AllocationRow> rows, OutputStream out) throws IOException {
        StringBuilder chunk = new StringBuilder(CHUNK + 1024).append(HEADER).append('\n');
        for (AllocationRow row : rows) {
            line(chunk, row);
            if (chunk.length() >= CHUNK) {
                out.write(chunk.toString().getBytes(StandardCharsets.UTF_8));
                chunk.setLength(0);
            }
        }
        out.write(chunk.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The SHA-256 of {@link #write}'s bytes, computed line by line without holding the whole file. */
    public static String sha256(List<AllocationRow> rows) {
        MessageDigest digest = sha256Digest();
        StringBuilder line = new StringBuilder(512).append(HEADER).append('\n');
        digest.update(line.toString().getBytes(StandardCharsets.UTF_8));
        for (AllocationRow row : rows) {
            line.setLength(0);
            line(line, row);
            digest.update(line.toString().getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void line(StringBuilder csv, AllocationRow row) {
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

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256Digest().digest(bytes));
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

}
