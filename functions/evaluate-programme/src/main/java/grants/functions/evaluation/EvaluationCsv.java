package grants.functions.evaluation;

import grants.core.evaluation.EvaluationReport;
import grants.core.exports.ExportFile;
import grants.core.money.Days;
import grants.documents.CsvFile;

import java.util.ArrayList;
import java.util.List;

/**
 * The evaluation report as one CSV, a line per figure: response rates per partnership and overall, each
 * paired question's means (exact and to two places) overall, by tier and by locality, and the support
 * received per partnership.
 */
final class EvaluationCsv {

    static final String HEADER = "part,partnership_or_group,question,baseline,end,change,baseline_exact,end_exact,change_exact,partnerships";

    private EvaluationCsv() {
    }

    static ExportFile of(EvaluationReport report) {
        List<List<String>> rows = new ArrayList<>();
        report.responses().forEach(response -> rows.add(List.of("response rate", response.name(), "",
                response.baseline().words(), response.end().words(), "", "", "", "", "")));
        rows.add(List.of("response rate", "All partnerships", "", report.baselineOverall().words(),
                report.endOverall().words(), "", "", "", "", ""));
        report.questions().forEach(paired -> {
            rows.add(comparison("question", paired.question().id(), paired.overall()));
            paired.byTier().forEach(group -> rows.add(comparison("question by tier", paired.question().id(), group)));
            paired.byLocality().forEach(group -> rows.add(comparison("question by locality", paired.question().id(), group)));
        });
        report.support().forEach(line -> {
            rows.add(List.of("support days delivered", line.name(), "", "", Days.format(line.halfDaysDelivered()), "",
                    "", "", "", ""));
            rows.add(List.of("events attended", line.name(), "", "", Integer.toString(line.eventsAttended()), "", "", "", "", ""));
        });
        return CsvFile.of("evaluation.csv", HEADER, rows);
    }

    private static List<String> comparison(String part, String question, EvaluationReport.Comparison comparison) {
        return List.of(part, comparison.group(), question, comparison.baseline().decimal(), comparison.end().decimal(),
                comparison.change().decimal(), comparison.baseline().exact(), comparison.end().exact(),
                comparison.change().exact(), Integer.toString(comparison.partnerships()));
    }
}
