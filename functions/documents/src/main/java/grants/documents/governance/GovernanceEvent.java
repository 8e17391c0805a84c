package grants.documents.governance;

import grants.core.governance.DecisionRequest;
import grants.core.governance.GovernanceService;
import grants.core.governance.RecommendationRecord;
import grants.core.governance.ReviewRecord;

import java.time.LocalDate;
import java.util.List;

/**
 * What a person did in a governance book (governance-rules.md, "Event types"), on its day. A replay sends each
 * as the live system would receive it; the live system may refuse it (G12).
 */
public sealed interface GovernanceEvent {

    LocalDate on();

    /** The person who did it. */
    String by();

    /** Its type as the book names it: {@code decide}, {@code update}, ... */
    String type();

    /**
     * What {@code refused.csv} names (G12): the decision for a {@code decide}; the action, recommendation or
     * review for {@code update}, {@code complete}, {@code respond} and {@code scope}; evidence's or a finding's own id.
     */
    String subject();

    /** The clerk records a decision at a meeting of its body. */
    record Decide(LocalDate on, String by, DecisionRequest decision) implements GovernanceEvent {
        public String type() {
            return "decide";
        }

        public String subject() {
            return decision.id();
        }
    }

    /** An owner's update on their action. */
    record Update(LocalDate on, String by, String action, String text) implements GovernanceEvent {
        public String type() {
            return "update";
        }

        public String subject() {
            return action;
        }
    }

    /** An owner completes their action, with its evidence (which may be empty, and is then refused). */
    record Complete(LocalDate on, String by, String action, String evidence) implements GovernanceEvent {
        public String type() {
            return "complete";
        }

        public String subject() {
            return action;
        }
    }

    /** The addressee answers a recommendation; the actions it makes are theirs. */
    record Respond(LocalDate on, String by, String recommendation, RecommendationRecord.Answer answer, String reason,
                   List<GovernanceService.NewAction> actions) implements GovernanceEvent {
        public Respond {
            actions = List.copyOf(actions);
        }

        public String type() {
            return "respond";
        }

        public String subject() {
            return recommendation;
        }
    }

    /** A review of a theme group scoped, to some of its indicators. */
    record Scope(LocalDate on, String by, String review, String body, List<String> indicators)
            implements GovernanceEvent {
        public Scope {
            indicators = List.copyOf(indicators);
        }

        public String type() {
            return "scope";
        }

        public String subject() {
            return review;
        }
    }

    /** Evidence recorded for a review. */
    record Evidence(LocalDate on, String by, String review, String id, ReviewRecord.EvidenceKind kind, String summary)
            implements GovernanceEvent {
        public String type() {
            return "evidence";
        }

        public String subject() {
            return id;
        }
    }

    /** A finding of a review, citing its evidence. */
    record Finding(LocalDate on, String by, String review, String id, String text, List<String> evidence)
            implements GovernanceEvent {
        public Finding {
            evidence = List.copyOf(evidence);
        }

        public String type() {
            return "finding";
        }

        public String subject() {
            return id;
        }
    }
}
