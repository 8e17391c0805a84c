package grants.core.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * P9: what the public may see. A quarter becomes public on the day of a board meeting that reviews
 * it, with its figures as they stood the day before; a figure recorded later waits for the next
 * meeting that reviews that quarter, or stays with partners. Signed-in partners see everything.
 */
public final class Publication {

    private Publication() {
    }

    /** The meeting whose pack the public sees for the quarter on {@code today}: the latest held that reviews it. */
    public static Optional<Meeting> latestReview(Register register, Period period, LocalDate today) {
        return register.meetings().stream().filter(m -> m.reviews().equals(period) && !m.date().isAfter(today))
                .reduce((earlier, later) -> later);
    }

    /**
     * Every public figure on {@code today}, by theme (register order), reference (natural order), quarter. A quarter's
     * {@code publishedOn} is the meeting that first made its current public value public: a re-review
     * that changes nothing moves nothing.
     */
    public static List<PublicFigure> figures(Register register, List<Observation> observations, LocalDate today) {
        List<PublicFigure> figures = new ArrayList<>();
        for (Indicator indicator : register.indicatorsInOrder()) {
            List<Period> reviewed = register.meetings().stream().filter(m -> !m.date().isAfter(today))
                    .map(Meeting::reviews).distinct().sorted().toList();
            for (Period period : reviewed) {
                publicFigure(register, indicator, period, observations, today).ifPresent(figures::add);
            }
        }
        return figures;
    }

    private static Optional<PublicFigure> publicFigure(Register register, Indicator indicator, Period period,
                                                       List<Observation> observations, LocalDate today) {
        Figure current = null;
        LocalDate publishedOn = null;
        IndicatorHistory latestPack = null;
        for (Meeting meeting : register.meetings()) {
            if (!meeting.reviews().equals(period) || meeting.date().isAfter(today)) {
                continue;
            }
            latestPack = new IndicatorHistory(indicator, observations, meeting.figuresAsOf());
            Optional<Observation> seen = latestPack.latest(period);
            if (seen.isPresent() && (current == null || !seen.get().figure().saysTheSameAs(current))) {
                current = seen.get().figure();
                publishedOn = meeting.date();
            }
        }
        if (current == null) {
            return Optional.empty();
        }
        return Optional.of(new PublicFigure(indicator.id(), indicator.reference(), period, current.amount(),
                indicator.decimals(), latestPack.status(period), latestPack.targetToDate(period), publishedOn));
    }
}
