package grants.core.reporting;

import grants.core.commissioning.Fraction;

import java.time.LocalDate;
import java.util.Optional;

/**
 * P9: a quarter's figure as the public sees it: the value a board meeting made public on
 * {@code publishedOn}, and the status and target to date of the quarter's card at the latest meeting
 * that reviewed it. One line of the open data.
 */
public record PublicFigure(String indicatorId, String reference, Period period, Fraction value, int decimals,
                           Status status, Optional<Fraction> targetToDate, LocalDate publishedOn) {

    public String shownValue() {
        return Exact.shown(value, decimals);
    }

    /** The target to date as shown: rounded like the value, only for showing. */
    public Optional<String> shownTargetToDate() {
        return targetToDate.map(target -> Exact.shown(target, decimals));
    }
}
