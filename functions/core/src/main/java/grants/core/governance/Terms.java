package grants.core.governance;

import java.time.LocalDate;
import java.util.List;

/** What a decision decides, by its kind (G2): each kind carries its own fields and nothing else. */
public sealed interface Terms {

    enum Kind { ACTION, RECOMMENDATION, NOTED, VARIATION, DROP, REPORT }

    /** Which kind of decision these terms make. */
    default Kind kind() {
        if (this instanceof Action) {
            return Kind.ACTION;
        } else if (this instanceof Recommendation) {
            return Kind.RECOMMENDATION;
        } else if (this instanceof Noted) {
            return Kind.NOTED;
        } else if (this instanceof Variation) {
            return Kind.VARIATION;
        }
        return this instanceof Drop ? Kind.DROP : Kind.REPORT;
    }

    /** An action with an owner, a due date and how its completion will be shown. */
    record Action(String owner, LocalDate due, String criterion) implements Terms {
    }

    /** A recommendation to a person, who answers it (G7). */
    record Recommendation(String to, String text) implements Terms {
    }

    /** Noted, with the reason. */
    record Noted(String reason) implements Terms {
    }

    /** A new due date for an action; the original stays beside it (G5). */
    record Variation(String action, LocalDate due, String reason) implements Terms {
    }

    /** An action dropped, with the reason. */
    record Drop(String action, String reason) implements Terms {
    }

    /** A scrutiny body agrees a review's report and its recommendations (G9). */
    record Report(String review, List<ReportRecommendation> recommendations) implements Terms {
        public Report {
            recommendations = List.copyOf(recommendations);
        }
    }

    /** One recommendation of a report: from one of the review's findings, to a person. */
    record ReportRecommendation(String id, String finding, String to, String text) {
    }
}
