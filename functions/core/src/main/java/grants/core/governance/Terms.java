package grants.core.governance;

import java.time.LocalDate;
import java.util.List;

/** What a decision decides, by its kind (G2): each kind carries its own fields and nothing else. */
public sealed interface Terms {

    enum Kind { ACTION, RECOMMENDATION, NOTED, VARIATION, DROP, REPORT }

    Kind kind();

    /** An action with an owner, a due date and how its completion will be shown. */
    record Action(String owner, LocalDate due, String criterion) implements Terms {
        public Kind kind() {
            return Kind.ACTION;
        }
    }

    /** A recommendation to a person, who answers it (G7). */
    record Recommendation(String to, String text) implements Terms {
        public Kind kind() {
            return Kind.RECOMMENDATION;
        }
    }

    /** Noted, with the reason. */
    record Noted(String reason) implements Terms {
        public Kind kind() {
            return Kind.NOTED;
        }
    }

    /** A new due date for an action; the original stays beside it (G5). */
    record Variation(String action, LocalDate due, String reason) implements Terms {
        public Kind kind() {
            return Kind.VARIATION;
        }
    }

    /** An action dropped, with the reason. */
    record Drop(String action, String reason) implements Terms {
        public Kind kind() {
            return Kind.DROP;
        }
    }

    /** A scrutiny body agrees a review's report and its recommendations (G9). */
    record Report(String review, List<ReportRecommendation> recommendations) implements Terms {
        public Report {
            recommendations = List.copyOf(recommendations);
        }

        public Kind kind() {
            return Kind.REPORT;
        }
    }

    /** One recommendation of a report: from one of the review's findings, to a person. */
    record ReportRecommendation(String id, String finding, String to, String text) {
    }
}
