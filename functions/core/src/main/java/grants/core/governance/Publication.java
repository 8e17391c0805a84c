package grants.core.governance;

import grants.core.calendar.WorkingDays;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What the public may see (G11). Partners who sign in see everything once recorded. The public sees a
 * decision from the next working day after its meeting (a scrutiny report on the day it is agreed),
 * and of an exempt one only its body, meeting, kind and that it is exempt.
 */
public final class Publication {

    /** A decision as shown: {@code item} and {@code terms} are empty when the public may not read them. */
    public record Shown(String id, String body, LocalDate meeting, Terms.Kind kind, Optional<Decision.Exempt> exempt,
                        Optional<String> item, Optional<Terms> terms, LocalDate publicFrom) {
    }

    private Publication() {
    }

    public static LocalDate publicFrom(Decision decision, WorkingDays calendar) {
        return decision.kind() == Terms.Kind.REPORT ? decision.meeting() : calendar.after(decision.meeting(), 1);
    }

    /** Everything, for a partner who has signed in. */
    public static Shown toPartner(Decision decision, WorkingDays calendar) {
        return new Shown(decision.id(), decision.body(), decision.meeting(), decision.kind(), decision.exempt(),
                Optional.of(decision.item()), Optional.of(decision.terms()), publicFrom(decision, calendar));
    }

    /** What the public sees at the end of {@code day}: nothing before {@link #publicFrom}; an exempt decision reduced. */
    public static Optional<Shown> toPublic(Decision decision, LocalDate day, WorkingDays calendar) {
        LocalDate from = publicFrom(decision, calendar);
        if (day.isBefore(from)) {
            return Optional.empty();
        }
        boolean open = decision.exempt().isEmpty();
        return Optional.of(new Shown(decision.id(), decision.body(), decision.meeting(), decision.kind(),
                decision.exempt(), open ? Optional.of(decision.item()) : Optional.empty(),
                open ? Optional.of(decision.terms()) : Optional.empty(), from));
    }
}
