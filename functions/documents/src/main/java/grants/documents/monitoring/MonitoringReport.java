package grants.documents.monitoring;

import com.samskivert.mustache.Template;
import grants.core.calendar.WorkingDays;
import grants.core.exports.ExportFile;
import grants.core.mail.Templates;
import grants.core.money.Money;
import grants.core.monitoring.Hold;
import grants.core.monitoring.HoldReason;
import grants.core.monitoring.InstalmentState;
import grants.core.monitoring.MilestoneRecord;
import grants.core.monitoring.MilestoneState;
import grants.core.monitoring.MonitoredAgreement;
import grants.core.monitoring.OutputProgress;
import grants.core.monitoring.PaymentRun;
import grants.core.monitoring.ReturnRecord;
import grants.core.monitoring.ReturnState;
import grants.core.text.InWords;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The monitoring report a sub-group reads (HTML, like the run's and the round's reports): the money
 * paid, held, due, cancelled and not yet due, then each agreement's returns, milestones and outputs
 * against target, in plain English: dates in words, money as £19,600.00, states in words. The replay
 * writes it from its record; the MonitorAgreements function from a round's agreements as they stand.
 */
public final class MonitoringReport {

    /**
     * What the report shows: {@code title} (the document's id, or the round's or programme's), the
     * agreements at the end of {@code asOf}, who each one's organisation and officer are, the hold of a
     * held instalment with its reasons, and how many actions were refused (null: not told).
     */
    public record Contents(String title, LocalDate asOf, WorkingDays calendar, List<MonitoredAgreement> agreements,
                           Function<MonitoredAgreement, String> organisation, Function<MonitoredAgreement, String> officer,
                           BiFunction<MonitoredAgreement, Integer, Optional<Hold>> holdOf, Integer refusedCount) {
    }

    static final String NAME = "monitoring-report.html";
    private static final Template TEMPLATE = Templates.html("/grants/documents/monitoring/monitoring-report.html.mustache");
    private static final int BAR_AREA = 300;
    private static final int ROW_HEIGHT = 18;

    private MonitoringReport() {
    }

    /** The replay's report: names from the document, each held instalment with its last run's hold. */
    static ExportFile render(MonitoringRecord record) {
        MonitoringBook book = record.book();
        return render(new Contents(book.bookId(), book.asOf(), book.calendar(), record.agreements(),
                agreement -> book.organisations().get(agreement.agreement().organisation()).name(),
                agreement -> book.people().get(agreement.agreement().officer()).name(),
                (agreement, instalment) -> lastHold(record, agreement.id(), instalment),
                record.refused().isEmpty() ? null : record.refused().size()));
    }

    public static ExportFile render(Contents contents) {
        LocalDate asOf = contents.asOf();
        Map<String, Object> page = new HashMap<>();
        page.put("title", contents.title());
        page.put("asOf", InWords.date(asOf));
        int count = contents.agreements().size();
        page.put("agreementCount", count + (count == 1 ? " agreement" : " agreements"));
        Map<InstalmentState, Long> all = new EnumMap<>(InstalmentState.class);
        List<Map<String, Object>> agreements = new ArrayList<>();
        for (MonitoredAgreement agreement : contents.agreements()) {
            Map<InstalmentState, Long> money = money(agreement, asOf);
            money.forEach((state, pence) -> all.merge(state, pence, Long::sum));
            agreements.add(agreement(contents, agreement, money));
        }
        page.putAll(money(all));
        page.put("agreements", agreements);
        page.put("refusedCount", contents.refusedCount());
        return new ExportFile(NAME, "text/html; charset=utf-8", TEMPLATE.execute(page).getBytes(StandardCharsets.UTF_8),
                contents.agreements().size());
    }

    private static Map<String, Object> agreement(Contents contents, MonitoredAgreement agreement,
                                                 Map<InstalmentState, Long> money) {
        LocalDate asOf = contents.asOf();
        Map<String, Object> view = new HashMap<>(money(money));
        view.put("id", agreement.id());
        view.put("organisation", contents.organisation().apply(agreement));
        view.put("officer", contents.officer().apply(agreement));
        view.put("start", InWords.date(agreement.agreement().start()));
        view.put("end", InWords.date(agreement.agreement().end()));
        view.put("terminated", agreement.termination().map(t -> InWords.date(t.on())).orElse(null));
        view.put("holds", agreement.instalments().stream()
                .filter(i -> agreement.stateOn(i, asOf) == InstalmentState.HELD)
                .map(i -> contents.holdOf().apply(agreement, i.number()))
                .flatMap(Optional::stream).map(MonitoringReport::hold).toList());
        view.put("returns", agreement.madeReturns().stream().map(r -> returnRow(r, asOf, contents.calendar())).toList());
        view.put("hasMilestones", !agreement.milestones().isEmpty());
        view.put("milestones", agreement.milestones().stream().map(m -> milestoneRow(m, asOf)).toList());
        List<OutputProgress> outputs = OutputProgress.of(agreement);
        view.put("hasOutputs", !outputs.isEmpty());
        view.put("outputs", outputs.stream().map(MonitoringReport::outputRow).toList());
        List<Map<String, Object>> bars = bars(outputs);
        view.put("bars", bars);
        view.put("chartHeight", bars.size() * ROW_HEIGHT + 4);
        return view;
    }

    private static Map<InstalmentState, Long> money(MonitoredAgreement agreement, LocalDate asOf) {
        Map<InstalmentState, Long> money = new EnumMap<>(InstalmentState.class);
        agreement.instalments().forEach(i -> money.merge(agreement.stateOn(i, asOf), i.instalment().pence(), Long::sum));
        return money;
    }

    private static Map<String, Object> money(Map<InstalmentState, Long> money) {
        Map<String, Object> view = new HashMap<>();
        view.put("paid", pounds(money, InstalmentState.PAID));
        view.put("held", pounds(money, InstalmentState.HELD));
        view.put("due", pounds(money, InstalmentState.DUE));
        view.put("cancelled", pounds(money, InstalmentState.CANCELLED));
        view.put("notDue", pounds(money, InstalmentState.NOT_DUE));
        view.put("total", Money.pounds(money.values().stream().mapToLong(Long::longValue).sum()));
        return view;
    }

    private static String pounds(Map<InstalmentState, Long> money, InstalmentState state) {
        return Money.pounds(money.getOrDefault(state, 0L));
    }

    /** The hold of the last payment run that held this instalment: its reasons stand until a run pays it. */
    private static Optional<Hold> lastHold(MonitoringRecord record, String agreementId, int instalment) {
        Optional<Hold> last = Optional.empty();
        for (PaymentRun run : record.paymentRuns().values()) {
            Optional<Hold> hold = run.held().stream()
                    .filter(h -> h.agreementId().equals(agreementId) && h.instalment().number() == instalment).findFirst();
            last = hold.isPresent() ? hold : last;
        }
        return last;
    }

    private static Map<String, Object> hold(Hold hold) {
        String reasons = String.join("; ", hold.reasons().stream().map(HoldReason::words).toList());
        String blocking = hold.blocking().isEmpty() ? "" : "; waiting for " + String.join(", ", hold.blocking());
        return Map.of("instalment", hold.instalment().number(), "amount", Money.pounds(hold.instalment().pence()),
                "reasons", reasons + blocking);
    }

    private static Map<String, Object> returnRow(ReturnRecord r, LocalDate asOf, WorkingDays calendar) {
        ReturnState state = r.stateOn(asOf);
        int late = r.workingDaysLate(asOf, calendar);
        String due = InWords.date(r.due()) + (r.due().equals(r.plan().originalDue()) ? ""
                : " (originally " + InWords.date(r.plan().originalDue()) + ")");
        String handedIn = r.submittedOn().map(on -> "Submitted " + InWords.date(on) + ", " + lateness(late))
                .or(() -> r.skip().map(skip -> "Skipped " + InWords.date(skip.on()) + ": " + skip.words()))
                .orElse("");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("quarter", AgreementsCsv.quarter(r.id()) + (r.plan().kind() == grants.core.monitoring.ReturnPlan.Kind.FINAL
                ? " (final)" : ""));
        row.put("due", due);
        row.put("state", words(state) + (state == ReturnState.OVERDUE ? ", " + lateness(late) : ""));
        row.put("late", state == ReturnState.OVERDUE);
        row.put("handedIn", handedIn);
        return row;
    }

    private static String lateness(int workingDays) {
        return workingDays == 0 ? "on time" : workingDays + (workingDays == 1 ? " working day" : " working days") + " late";
    }

    private static String words(ReturnState state) {
        return switch (state) {
            case PLANNED -> "Not yet open";
            case OPEN -> "Open";
            case OVERDUE -> "Overdue";
            case SUBMITTED -> "Submitted, waiting for review";
            case RETURNED -> "Sent back to be changed";
            case ACCEPTED -> "Accepted";
            case SKIPPED -> "Skipped";
        };
    }

    private static Map<String, Object> milestoneRow(MilestoneRecord m, LocalDate asOf) {
        MilestoneState state = m.stateOn(asOf);
        String words = switch (state) {
            case PLANNED -> "Planned";
            case LATE -> "Late";
            case ACHIEVED -> "Achieved " + InWords.date(m.achieved().orElseThrow().on());
            case WAIVED -> "Waived " + InWords.date(m.waived().orElseThrow().on());
        };
        return Map.of("description", m.milestone().description(), "due", InWords.date(m.due()), "state", words,
                "late", state == MilestoneState.LATE);
    }

    private static Map<String, Object> outputRow(OutputProgress p) {
        return Map.of("measure", p.measure(), "quarter", AgreementsCsv.quarter(p.returnId()), "value", p.value(),
                "runningTotal", p.runningTotal(), "target", p.targetText(),
                "percent", p.percentOfTarget().map(percent -> percent.toPlainString() + "%").orElse(""));
    }

    /** For each measure, its latest running total against its latest target to date. */
    private static List<Map<String, Object>> bars(List<OutputProgress> outputs) {
        Map<String, OutputProgress> latest = new LinkedHashMap<>();
        outputs.forEach(p -> latest.put(p.measure(), p));
        List<Map<String, Object>> bars = new ArrayList<>();
        for (OutputProgress p : latest.values()) {
            java.math.BigDecimal scale = p.targetToDate().max(java.math.BigDecimal.valueOf(p.runningTotal()))
                    .max(java.math.BigDecimal.ONE);
            long targetWidth = p.targetToDate().multiply(java.math.BigDecimal.valueOf(BAR_AREA))
                    .divide(scale, 0, java.math.RoundingMode.DOWN).longValue();
            long doneWidth = BAR_AREA * p.runningTotal() / scale.setScale(0, java.math.RoundingMode.UP).longValue();
            int y = bars.size() * ROW_HEIGHT + 2;
            bars.add(Map.of("label", p.measure(), "done", p.runningTotal(), "target", p.targetText(), "y", y,
                    "textY", y + 11, "targetWidth", targetWidth, "doneWidth", doneWidth,
                    "amountX", 196 + Math.max(targetWidth, doneWidth)));
        }
        return bars;
    }
}
