package grants.core.support;

import grants.core.exports.ExportFile;
import grants.core.exports.ExportLinks;
import grants.core.exports.ExportStore;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Finance's copy of the support-days balances: a CSV in the export bucket, stamped with the time, and a link to it. */
public final class BalancesExport {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Duration LINK_EXPIRY = Duration.ofHours(1);

    private final SupportService support;
    private final ExportStore exports;
    private final ExportLinks links;
    private final Clock clock;

    public BalancesExport(SupportService support, ExportStore exports, ExportLinks links, Clock clock) {
        this.support = support;
        this.exports = exports;
        this.links = links;
        this.clock = clock;
    }

    /** The balances, and where their CSV now is. */
    public record Exported(List<BalanceLine> lines, String key, URI link) {
    }

    public Exported export(String programmeId) {
        List<BalanceLine> lines = support.balances(programmeId);
        String key = "exports/" + programmeId + "/support-balances/" + STAMP.format(clock.instant()) + ".csv";
        exports.put(key, new ExportFile("support-balances.csv", "text/csv; charset=utf-8", BalancesCsv.write(lines),
                lines.size()));
        return new Exported(lines, key, links.link(key, LINK_EXPIRY));
    }
}
