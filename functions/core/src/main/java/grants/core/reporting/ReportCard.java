package grants.core.reporting;

import grants.core.commissioning.Fraction;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * P7: an indicator's quarter compared to target and to previous performance, on at most two sides:
 * what it measures and who owns it, the quarter's value, year to date, target to date, status and
 * both directions, eight quarters of chart, revisions and provisional figures marked, the owner's
 * narrative and the contributing agreements' latest accepted outputs. {@code asOf}: the day whose
 * end its figures stood at. Governance reads a board pack's cards through this type.
 */
public record ReportCard(String indicatorId, String reference, String title, String unit, int decimals,
                         Indicator.Polarity polarity, Theme theme, Outcome outcome, Person owner, Period period,
                         Optional<Fraction> value, Optional<Fraction> yearToDate, Optional<Fraction> targetToDate,
                         Status status, Direction againstPrevious, Direction againstYearBefore, boolean revised,
                         boolean provisional, List<Revision> revisions, Indicator.Baseline baseline,
                         List<ChartPoint> chart, Optional<Narrative> narrative, List<ContributingAgreement> contributions,
                         LocalDate asOf) {

    /** A quarter whose figure was revised, and why (shown on the card). */
    public record Revision(Period period, LocalDate on, String reason) {
    }

    /** P7: a card is ready once its owner has written the quarter's narrative. */
    public enum Readiness { READY, AWAITING_OWNER }

    public ReportCard {
        revisions = List.copyOf(revisions);
        chart = List.copyOf(chart);
        contributions = List.copyOf(contributions);
    }

    public Readiness readiness() {
        return narrative.isPresent() ? Readiness.READY : Readiness.AWAITING_OWNER;
    }

    /** P8: an exception is not met, or worse than the previous quarter. */
    public boolean isException() {
        return status == Status.NOT_MET || againstPrevious == Direction.WORSENED;
    }

    /** A figure of this card as shown: rounded to the indicator's decimals, half away from zero (P2). */
    public String shown(Fraction figure) {
        return Exact.shown(figure, decimals);
    }

    public String againstPreviousInWords() {
        return againstPrevious.words("the previous quarter");
    }

    public String againstYearBeforeInWords() {
        return againstYearBefore.words("the same quarter last year");
    }
}
