package grants.documents.exports;

import com.samskivert.mustache.Template;
import grants.core.exports.ExportFile;
import grants.core.allocation.AllocationRow;
import grants.core.allocation.ControlTotals;
import grants.core.allocation.LocalityOutcome;
import grants.core.programme.AdditionalFund;
import grants.core.text.InWords;
import grants.core.mail.Templates;
import grants.core.run.RunHeader;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static grants.core.money.Money.pounds;

/**
 * run-report.html: one self-contained page (no scripts, no external assets; its CSP forbids them)
 * with the totals, each locality's {@code q of n}, where withdrawn money went, and an SVG bar chart.
 */
final class RunReport {

    /** Beyond this many partnerships the chart shows the largest grants only; the CSV has them all. */
    static final String NAME = "run-report.html";
    static final String CONTENT_TYPE = "text/html; charset=utf-8";
    static final int MAX_BARS = 200;
    private static final int LABEL_WIDTH = 190;
    private static final int BAR_AREA = 520;
    private static final int ROW_HEIGHT = 18;

    private static final Template TEMPLATE = Templates.html("/grants/documents/exports/run-report.html.mustache");

    private RunReport() {
    }

    static ExportFile render(ExportContext context) {
        RunHeader header = context.run().header();
        ControlTotals totals = header.totals();
        Map<String, Object> page = new HashMap<>();
        page.put("programmeName", context.programme().name());
        page.put("runId", header.runId());
        page.put("committedAt", InWords.dateTime(header.committedAt()));
        page.put("rulesVersion", header.rulesVersion());
        page.put("inputHash", header.inputHash());
        page.put("rows", totals.rows());
        page.put("funded", totals.funded());
        page.put("withdrawn", totals.withdrawn());
        page.put("notParticipating", totals.notParticipating());
        page.put("baseGrants", pounds(totals.baseGrantsPence()));
        page.put("pool", pounds(totals.poolPence()));
        page.put("redistributed", pounds(totals.redistributionPence()));
        page.put("finalGrants", pounds(totals.finalGrantsPence()));
        page.put("unallocated", pounds(totals.unallocatedPence()));
        page.put("warnings", header.warnings());
        page.put("additionalFunds", AdditionalFund.inWords(context.programme().additionalFunds()));
        page.put("hasAdditionalFunds", !context.programme().additionalFunds().isEmpty());
        page.put("localities", header.localities().stream().map(RunReport::locality).toList());
        page.put("hasPool", totals.poolPence() > 0);
        page.put("withdrawnNames", header.localities().stream().filter(l -> !l.conditionMet())
                .map(l -> l.countyName() + " locality").collect(Collectors.joining(", ")));
        page.put("shared", totals.redistributionPence() > 0);
        page.put("policy", context.programme().redistribution().name().equals("EQUAL") ? "equally" : "pro rata");
        List<AllocationRow> recipients = context.run().rows().stream().filter(r -> r.redistributionPence() > 0).toList();
        page.put("recipients", recipients.size());
        page.put("shareRange", shareRange(recipients));
        chart(context.run().rows(), page);
        return new ExportFile(NAME, CONTENT_TYPE,
                TEMPLATE.execute(page).getBytes(StandardCharsets.UTF_8), totals.rows());
    }

    private static Map<String, Object> locality(LocalityOutcome locality) {
        return Map.of("name", locality.countyName(), "qualifying", locality.qualifying(),
                "districts", locality.districts(), "status", locality.conditionMet() ? "met" : "WITHDRAWN",
                "statusClass", locality.conditionMet() ? "met" : "withdrawn",
                "baseGrants", pounds(locality.baseGrantsPence()), "finalGrants", pounds(locality.finalGrantsPence()));
    }

    private static String shareRange(List<AllocationRow> recipients) {
        long min = recipients.stream().mapToLong(AllocationRow::redistributionPence).min().orElse(0);
        long max = recipients.stream().mapToLong(AllocationRow::redistributionPence).max().orElse(0);
        return min == max ? pounds(min) : "between " + pounds(min) + " and " + pounds(max);
    }

    /** Horizontal bars, largest grants first, scaled to the largest. */
    private static void chart(List<AllocationRow> rows, Map<String, Object> page) {
        List<AllocationRow> shown = rows.stream()
                .sorted(Comparator.comparingLong(AllocationRow::finalGrantPence).reversed()
                        .thenComparing(AllocationRow::partnershipId))
                .limit(MAX_BARS).toList();
        long largest = Math.max(1, shown.isEmpty() ? 1 : shown.get(0).finalGrantPence());
        List<Map<String, Object>> bars = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            AllocationRow row = shown.get(i);
            long baseWidth = row.finalGrantPence() == 0 ? 0 : (row.finalGrantPence() - row.redistributionPence()) * BAR_AREA / largest;
            long shareWidth = row.redistributionPence() * BAR_AREA / largest;
            int y = i * ROW_HEIGHT + 2;
            bars.add(Map.of("label", row.partnershipName(), "amount", pounds(row.finalGrantPence()),
                    "labelX", LABEL_WIDTH - 6, "barX", LABEL_WIDTH, "y", y, "textY", y + 11,
                    "baseWidth", baseWidth, "shareX", LABEL_WIDTH + baseWidth, "shareWidth", shareWidth,
                    "amountX", LABEL_WIDTH + baseWidth + shareWidth + 6));
        }
        page.put("bars", bars);
        page.put("chartWidth", LABEL_WIDTH + BAR_AREA + 90);
        page.put("chartHeight", shown.size() * ROW_HEIGHT + 4);
        page.put("shown", shown.size());
        page.put("omitted", rows.size() > shown.size() ? rows.size() - shown.size() : null);
    }
}
