package grants.core.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Makes the report card of an indicator's quarter (P7) from the figures as they stood at the end of a day. */
public final class ReportCards {

    /** The chart covers the quarter and the seven before it. */
    static final int CHART_QUARTERS = 8;

    private ReportCards() {
    }

    public static ReportCard card(Register register, Indicator indicator, Period period, List<Observation> observations,
                                  List<Narrative> narratives, List<ContributingAgreement> contributions, LocalDate asOf) {
        IndicatorHistory history = new IndicatorHistory(indicator, observations, asOf);
        List<ChartPoint> chart = new ArrayList<>();
        Period quarter = period;
        for (int i = 0; i < CHART_QUARTERS; i++) {
            chart.add(0, new ChartPoint(quarter, history.value(quarter), history.yearToDate(quarter),
                    history.targetToDate(quarter), history.revised(quarter), history.provisional(quarter)));
            quarter = quarter.previous();
        }
        List<ReportCard.Revision> revisions = chart.stream().filter(ChartPoint::revised)
                .flatMap(point -> history.of(point.period()).stream().filter(Observation::isRevision))
                .map(o -> new ReportCard.Revision(o.period(), o.recordedOn(), o.revisionReason().orElse("")))
                .toList();
        Outcome outcome = register.outcome(indicator.outcome()).orElseThrow();
        return new ReportCard(indicator.id(), indicator.reference(), indicator.title(), indicator.unit(),
                indicator.decimals(), indicator.polarity(), register.themeOf(indicator), outcome,
                register.person(indicator.owner()).orElseThrow(), period, history.value(period),
                history.yearToDate(period), history.targetToDate(period), history.status(period),
                history.againstPrevious(period), history.againstYearBefore(period), history.revised(period),
                history.provisional(period), revisions, indicator.baseline(), chart,
                narrative(indicator, period, narratives, asOf), contributions, asOf);
    }

    /** The owner's latest narrative of the quarter written by the end of {@code asOf}. */
    static Optional<Narrative> narrative(Indicator indicator, Period period, List<Narrative> narratives,
                                         LocalDate asOf) {
        return narratives.stream()
                .filter(n -> n.indicator().equals(indicator.id()) && n.period().equals(period)
                        && !n.on().isAfter(asOf))
                .reduce((earlier, later) -> later.on().isBefore(earlier.on()) ? earlier : later);
    }
}
