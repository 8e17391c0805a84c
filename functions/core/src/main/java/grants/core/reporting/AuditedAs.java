package grants.core.reporting;

import java.util.stream.Collectors;

/** How the register's changes read in the audit trail: their before and after, in words. */
final class AuditedAs {

    private AuditedAs() {
    }

    static String theme(Theme theme) {
        return theme == null ? null : theme.title();
    }

    static String outcome(Outcome outcome) {
        return outcome == null ? null : outcome.title() + " (theme " + outcome.theme() + ")";
    }

    static String person(Person person) {
        return person == null ? null : person.name() + " <" + person.email() + ">, " + person.kind();
    }

    static String indicator(Indicator indicator) {
        if (indicator == null) {
            return null;
        }
        return indicator.reference() + " " + indicator.title() + ": " + indicator.polarity() + ", "
                + indicator.measure() + ", " + indicator.accumulation() + ", " + indicator.decimals()
                + " decimal(s) of " + indicator.unit() + "; outcome " + indicator.outcome() + "; baseline " + indicator.baseline().value().toPlainString()
                + " in " + indicator.baseline().period() + "; targets "
                + (indicator.targets().isEmpty() ? "none" : indicator.targets().entrySet().stream()
                .map(t -> t.getKey() + " " + t.getValue().toPlainString()).collect(Collectors.joining(", ")))
                + "; tolerance " + indicator.tolerance().toPlainString() + "%; owner " + indicator.owner()
                + "; contributions " + (indicator.contributions().isEmpty() ? "none"
                : String.join(", ", indicator.contributions()));
    }

    static String meeting(Meeting meeting) {
        return "board meeting on " + meeting.date() + " reviewing " + meeting.reviews();
    }

    static String observation(Observation observation) {
        if (observation == null) {
            return null;
        }
        Figure figure = observation.figure();
        return (figure.isRatio() ? figure.numerator().toPlainString() + " / " + figure.denominator().toPlainString()
                : figure.value().toPlainString()) + ", " + observation.finality()
                + observation.revisionReason().map(reason -> ", revised: " + reason).orElse("");
    }

    static String narrative(Narrative narrative) {
        return "achieved: " + narrative.achieved() + "; next: " + narrative.next();
    }
}
