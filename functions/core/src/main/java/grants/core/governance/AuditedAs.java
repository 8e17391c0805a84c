package grants.core.governance;

import java.util.stream.Collectors;

/** How governance's records read in the audit trail: the before and after of each change, in words. */
final class AuditedAs {

    private AuditedAs() {
    }

    static String body(Body body) {
        return body.kind() + " " + body.name() + (body.decisionMaking() ? ", deciding" : ", advisory") + ", quorum "
                + body.quorum() + ": " + body.members().stream().map(m -> m.person() + " (" + m.role() + ")")
                .collect(Collectors.joining(", "));
    }

    static String meeting(Meeting meeting) {
        return meeting.body() + " on " + meeting.date() + ", present: " + String.join(", ", meeting.present());
    }

    static String decision(Decision decision) {
        Quorum quorum = decision.quorum();
        return decision.kind() + " at " + decision.body() + " on " + decision.meeting() + ": " + decision.item()
                + decision.about().map(a -> " (about " + a + ")").orElse("")
                + decision.exempt().map(e -> ", exempt (" + e + ")").orElse("")
                + ", " + quorum.quorateMembers() + " of " + quorum.voting().size() + " voting members counted"
                + (quorum.undeclared().isEmpty() ? "" : ", undeclared: " + String.join(", ", quorum.undeclared()));
    }

    static String action(ActionRecord action) {
        return "owner " + action.owner() + ", due " + action.due()
                + (action.variations().isEmpty() ? "" : " (originally " + action.originalDue() + ")")
                + ", " + action.updates().size() + " update(s)"
                + action.completed().map(c -> ", completed on " + c.on() + ": " + c.words()).orElse("")
                + action.dropped().map(d -> ", dropped on " + d.on() + ": " + d.words()).orElse("")
                + action.escalatedOn().map(on -> ", escalated on " + on).orElse("");
    }

    static String recommendation(RecommendationRecord recommendation) {
        return "to " + recommendation.to() + ", answer due " + recommendation.responseDue()
                + recommendation.response().map(r -> ", answered " + r.answer() + " on " + r.on()
                + (r.reason().isBlank() ? "" : ": " + r.reason())
                + (r.actions().isEmpty() ? "" : ", actions " + String.join(", ", r.actions()))).orElse("");
    }

    static String review(ReviewRecord review) {
        return "review of " + review.body() + " (" + String.join(", ", review.indicators()) + "): "
                + review.evidence().size() + " evidence, " + review.findings().size() + " finding(s)"
                + review.report().map(r -> ", reported on " + r.on()).orElse("");
    }

    static String escalation(Escalation escalation) {
        return "escalated on " + escalation.on() + ", " + escalation.workingDaysOverdue()
                + " working days overdue (due " + escalation.due() + "); emailed "
                + (escalation.addresses().isEmpty() ? "nobody" : String.join(", ", escalation.recipients().stream()
                .filter(person -> !escalation.withoutAddress().contains(person)).toList()))
                + (escalation.withoutAddress().isEmpty() ? ""
                : "; no address for " + String.join(", ", escalation.withoutAddress()));
    }
}
