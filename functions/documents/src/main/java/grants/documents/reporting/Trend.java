package grants.documents.reporting;

import grants.core.commissioning.Fraction;
import grants.core.reporting.ChartPoint;
import grants.core.reporting.Indicator;
import grants.core.reporting.ReportCard;

import java.util.List;
import java.util.Locale;

/**
 * The chart's text alternative (P7, GOV.UK Analysis Function guidance): what the chart shows, stated in
 * words for someone who cannot see it: where the quarters' figures went, and how the quarter stands.
 */
final class Trend {

    private Trend() {
    }

    static String inWords(ReportCard card) {
        List<ChartPoint> withFigure = card.chart().stream().filter(p -> p.value().isPresent()).toList();
        StringBuilder words = new StringBuilder();
        if (withFigure.isEmpty()) {
            words.append("No quarter from ").append(card.chart().get(0).period()).append(" to ").append(card.period())
                    .append(" has a figure yet.");
        } else {
            ChartPoint first = withFigure.get(0);
            ChartPoint last = withFigure.get(withFigure.size() - 1);
            Fraction from = first.value().orElseThrow();
            Fraction to = last.value().orElseThrow();
            words.append("From ").append(first.period()).append(" to ").append(last.period())
                    .append(" the quarter's figure ").append(movement(card, from, to)).append('.');
            int missing = card.chart().size() - withFigure.size();
            if (missing > 0) {
                words.append(' ').append(missing).append(missing == 1 ? " quarter has" : " quarters have")
                        .append(" no figure.");
            }
        }
        if (card.yearToDate().isPresent() && card.targetToDate().isPresent()) {
            words.append(" In ").append(card.period()).append(" the year to date is ")
                    .append(card.shown(card.yearToDate().get())).append(" against a target to date of ")
                    .append(card.shown(card.targetToDate().get())).append(": ")
                    .append(card.status().words().toLowerCase(Locale.UK)).append('.');
        }
        words.append(" The baseline (").append(card.baseline().period()).append(") is ")
                .append(card.shown(Fraction.ofDecimal(card.baseline().value()))).append('.');
        return words.toString();
    }

    /** "rose from 14.1 to 15.4, which is worse (lower is better)". */
    private static String movement(ReportCard card, Fraction from, Fraction to) {
        int change = to.compareTo(from);
        if (change == 0 || card.shown(from).equals(card.shown(to))) {
            return "stayed at " + card.shown(to);
        }
        boolean higherIsBetter = card.polarity() == Indicator.Polarity.HIGHER_IS_BETTER;
        boolean better = (change > 0) == higherIsBetter;
        return (change > 0 ? "rose" : "fell") + " from " + card.shown(from) + " to " + card.shown(to) + ", which is "
                + (better ? "better" : "worse") + " (" + (higherIsBetter ? "higher" : "lower") + " is better)";
    }
}
