package grants.documents.reporting;

import grants.documents.CsvFile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.exports.ExportFile;
import grants.core.reporting.Indicator;
import grants.core.reporting.Outcome;
import grants.core.reporting.PublicFigure;
import grants.core.reporting.Register;
import grants.documents.Json;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * P9's open data, public figures only: {@code observations.csv} (tidy, one line per public figure) and
 * {@code indicators.json} (the register's indicators in the shape of IATI's {@code result/indicator}:
 * baseline, then periods with their target and actual). The public routes and a replay's files are
 * both rendered here, so they say the same.
 */
public final class OpenData {

    public static final String OBSERVATIONS_HEADER = "indicator_id,reference,period,value,status,target_to_date,published_on";

    /** IATI's IndicatorMeasure code list: 1 unit, 2 percentage. */
    private static final String UNIT = "1";
    private static final String PERCENTAGE = "2";
    /** IATI's ResultType code list: 2 outcome. */
    private static final String OUTCOME = "2";
    /** IATI's IndicatorVocabulary 99: the reporting organisation's own references ({@code NI 152}). */
    private static final String OWN_VOCABULARY = "99";

    private OpenData() {
    }

    public static ExportFile observationsCsv(List<PublicFigure> figures) {
        return CsvFile.of("observations.csv", OBSERVATIONS_HEADER, figures.stream().map(figure -> List.of(
                figure.indicatorId(), figure.reference(), figure.period().toString(), figure.shownValue(),
                figure.status().name(), figure.shownTargetToDate().orElse(""), figure.publishedOn().toString())).toList());
    }

    /**
     * {@code {"registerId", "result": [{"@type", "title", "indicator": [...]}]}}: a result per outcome, in
     * the register's order; each indicator with {@code @measure}, {@code @ascending}, its title, its
     * reference, its {@code baseline} and a {@code period} for each public figure ({@code period-start},
     * {@code period-end}, {@code target} the target to date, {@code actual} the public figure). IATI's
     * attributes are written {@code @name}, its elements by their names.
     */
    public static ExportFile indicatorsJson(Register register, List<PublicFigure> figures) {
        ObjectNode document = Json.object().put("registerId", register.registerId());
        Map<String, ArrayNode> byOutcome = new LinkedHashMap<>();
        ArrayNode results = document.putArray("result");
        for (Indicator indicator : register.indicatorsInOrder()) {
            ArrayNode indicators = byOutcome.computeIfAbsent(indicator.outcome(), outcomeId -> {
                Outcome outcome = register.outcome(outcomeId).orElseThrow();
                ObjectNode result = results.addObject().put("@type", OUTCOME);
                narrative(result.putObject("title"), outcome.title());
                return result.putArray("indicator");
            });
            indicator(indicators.addObject(), indicator, figures.stream()
                    .filter(figure -> figure.indicatorId().equals(indicator.id())).toList());
        }
        byte[] bytes = (Json.writePretty(document) + "\n").getBytes(StandardCharsets.UTF_8);
        return new ExportFile("indicators.json", "application/json", bytes, figures.size());
    }

    private static void indicator(ObjectNode node, Indicator indicator, List<PublicFigure> figures) {
        node.put("@measure", indicator.measure() == Indicator.Measure.PERCENT ? PERCENTAGE : UNIT)
                .put("@ascending", indicator.polarity() == Indicator.Polarity.HIGHER_IS_BETTER ? "1" : "0");
        narrative(node.putObject("title"), indicator.title());
        node.putArray("reference").addObject().put("@vocabulary", OWN_VOCABULARY).put("@code", indicator.reference());
        Indicator.Baseline baseline = indicator.baseline();
        node.putArray("baseline").addObject().put("@year", Integer.toString(baseline.period().lastDay().getYear()))
                .put("@iso-date", baseline.period().lastDay().toString()).put("@value", baseline.value().toPlainString());
        ArrayNode periods = node.putArray("period");
        for (PublicFigure figure : figures) {
            ObjectNode period = periods.addObject();
            period.putObject("period-start").put("@iso-date", figure.period().firstDay().toString());
            period.putObject("period-end").put("@iso-date", figure.period().lastDay().toString());
            figure.shownTargetToDate().ifPresent(target -> period.putArray("target").addObject().put("@value", target));
            period.putArray("actual").addObject().put("@value", figure.shownValue());
        }
    }

    private static void narrative(ObjectNode node, String text) {
        node.putArray("narrative").add(text);
    }
}
