package grants.documents.governance;

import grants.core.governance.ActionState;
import grants.core.governance.Decision;
import grants.core.governance.RecommendationState;
import grants.core.governance.Terms;
import grants.core.text.InWords;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Governance's codes as the printed papers say them: a state in words with the colour of its tag
 * (late red, done green, the rest grey: colour only repeats the words), and a decision's terms as a
 * sentence with people by name.
 */
final class GovernanceWords {

    /** A state's words and its tag's kind. */
    record Shown(String words, String tag) {
    }

    private static final Map<String, Shown> STATES = Map.ofEntries(
            Map.entry(ActionState.OPEN.name(), new Shown("Not started", "open")),
            Map.entry(ActionState.IN_PROGRESS.name(), new Shown("In progress", "open")),
            Map.entry(ActionState.COMPLETED.name(), new Shown("Completed", "done")),
            Map.entry(ActionState.DROPPED.name(), new Shown("Dropped", "open")),
            Map.entry(RecommendationState.AWAITING_RESPONSE.name(), new Shown("Awaiting an answer", "open")),
            Map.entry(RecommendationState.RESPONSE_OVERDUE.name(), new Shown("Answer overdue", "late")),
            Map.entry(RecommendationState.REJECTED.name(), new Shown("Rejected", "open")),
            Map.entry(RecommendationState.IMPLEMENTING.name(), new Shown("Being carried out", "open")),
            Map.entry(RecommendationState.IMPLEMENTATION_OVERDUE.name(), new Shown("An action is overdue", "late")),
            Map.entry(RecommendationState.IMPLEMENTED.name(), new Shown("Implemented", "done")),
            Map.entry(RecommendationState.NOT_IMPLEMENTED.name(), new Shown("Not implemented", "open")));

    private GovernanceWords() {
    }

    /** An action's or recommendation's state; an overdue open action's tag is red whatever its state. */
    static Shown state(String code, boolean late) {
        Shown shown = STATES.getOrDefault(code, new Shown(code, "open"));
        return late ? new Shown(shown.words(), "late") : shown;
    }

    static String kind(Terms.Kind kind) {
        return switch (kind) {
            case ACTION -> "Action";
            case RECOMMENDATION -> "Recommendation";
            case NOTED -> "Noted";
            case VARIATION -> "New due date for an action";
            case DROP -> "Action dropped";
            case REPORT -> "Scrutiny report agreed";
        };
    }

    static String exempt(Decision.Exempt exempt) {
        return "Exempt from publication (" + exempt.name().toLowerCase(Locale.UK) + ")";
    }

    /** What a decision decides, as a sentence: "Sandra Mills to act by 15 January 2010: ...". */
    static String terms(Terms terms, Function<String, String> name) {
        if (terms instanceof Terms.Action a) {
            return name.apply(a.owner()) + " to act by " + InWords.date(a.due()) + ". Done when: " + a.criterion();
        } else if (terms instanceof Terms.Recommendation r) {
            return "Recommended to " + name.apply(r.to()) + ": " + r.text();
        } else if (terms instanceof Terms.Noted n) {
            return "Noted: " + n.reason();
        } else if (terms instanceof Terms.Variation v) {
            return "Action " + v.action() + " now due " + InWords.date(v.due()) + ". Why: " + v.reason();
        } else if (terms instanceof Terms.Drop d) {
            return "Action " + d.action() + " dropped. Why: " + d.reason();
        }
        Terms.Report report = (Terms.Report) terms;
        return "Report of review " + report.review() + " agreed, with " + report.recommendations().size()
                + (report.recommendations().size() == 1 ? " recommendation" : " recommendations")
                + report.recommendations().stream().map(r -> "; to " + name.apply(r.to()) + ": " + r.text())
                .reduce("", String::concat);
    }
}
