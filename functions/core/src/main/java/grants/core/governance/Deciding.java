package grants.core.governance;

import grants.core.calendar.WorkingDays;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The rules a decision meets before it is recorded (G2, G3, G4, G9, checked in G12's order), and
 * the records it makes or changes. Pure: the use case looks up what it names and writes what it makes.
 */
final class Deciding {

    /** A decision that passed, and the records it makes or changes. */
    record Outcome(Decision decision, List<ActionRecord> actions, List<RecommendationRecord> recommendations,
                   List<ReviewRecord> reviews) {
    }

    private final GovernanceSettings settings;
    private final WorkingDays calendar;

    Deciding(GovernanceSettings settings, WorkingDays calendar) {
        this.settings = settings;
        this.calendar = calendar;
    }

    /**
     * @param byManager whether the clerk recording it is a manager
     * @param action    the action a variation or drop names
     * @param review    the review a report names
     * @param reviewAddressees for a report, who its recommendations may go to (owners of the review's
     *                         indicators and the reviewed group's chair)
     */
    Outcome decide(DecisionRequest request, String by, boolean byManager, Body body, Meeting meeting,
                   Optional<ActionRecord> action, Optional<ReviewRecord> review, List<String> reviewAddressees) {
        String id = request.id();
        Terms terms = request.terms();
        LocalDate day = meeting.date();
        Quorum quorum = Quorum.of(body, meeting, new HashSet<>(request.declared()), request.about());
        boolean variesOrDrops = terms instanceof Terms.Variation || terms instanceof Terms.Drop;
        if (!byManager
                || variesOrDrops && !action.orElseThrow().decidedBy().equals(body.id()) && body.kind() != Body.Kind.BOARD
                || terms instanceof Terms.Report && body.kind() != Body.Kind.SCRUTINY) {
            throw new RefusedException(Refusal.NOT_ALLOWED, id);
        }
        if (!body.decisionMaking() && (variesOrDrops || terms instanceof Terms.Action)) {
            throw new RefusedException(Refusal.ADVISORY, id);
        }
        if (!quorum.quorate()) {
            throw new RefusedException(Refusal.INQUORATE, id);
        }
        if (variesOrDrops && !action.orElseThrow().isOpenOn(day)) {
            throw new RefusedException(Refusal.FINAL, id);
        }
        if (terms instanceof Terms.Action a && !Smart.isSmart(a.owner(), a.criterion(), a.due(), day)
                || terms instanceof Terms.Variation v && !v.due().isAfter(day)) {
            throw new RefusedException(Refusal.NOT_SMART, id);
        }
        if (reason(terms).filter(String::isBlank).isPresent()) {
            throw new RefusedException(Refusal.NO_REASON, id);
        }
        if (terms instanceof Terms.Report report) {
            review.orElseThrow().checkReport(id, report, reviewAddressees);
        }
        Decision decision = new Decision(id, body.id(), day, request.item(), request.about(), request.declared(),
                request.exempt(), terms, quorum, by);
        return made(decision, body, action, review);
    }

    private Outcome made(Decision decision, Body body, Optional<ActionRecord> action, Optional<ReviewRecord> review) {
        String id = decision.id();
        LocalDate day = decision.meeting();
        List<ActionRecord> actions = new ArrayList<>();
        List<RecommendationRecord> recommendations = new ArrayList<>();
        List<ReviewRecord> reviews = new ArrayList<>();
        Terms terms = decision.terms();
        if (terms instanceof Terms.Action a) {
            actions.add(ActionRecord.made(id, id, body.id(), a.owner(), day, a.due(), a.criterion()));
        } else if (terms instanceof Terms.Recommendation r) {
            recommendations.add(RecommendationRecord.made(id, id, body.id(), r.to(), day, r.text(), settings,
                    calendar));
        } else if (terms instanceof Terms.Variation v) {
            actions.add(action.orElseThrow().vary(new ActionRecord.DueChange(id, day, v.due(), v.reason())));
        } else if (terms instanceof Terms.Drop d) {
            actions.add(action.orElseThrow().drop(new Act(day, decision.recordedBy(), d.reason())));
        } else if (terms instanceof Terms.Report report) {
            ReviewRecord reviewed = review.orElseThrow();
            for (Terms.ReportRecommendation r : report.recommendations()) {
                recommendations.add(RecommendationRecord.made(r.id(), reviewed.id(), body.id(), r.to(), day,
                        r.text(), settings, calendar));
            }
            reviews.add(reviewed.reported(new ReviewRecord.Reported(id, day,
                    report.recommendations().stream().map(Terms.ReportRecommendation::id).toList())));
        }
        return new Outcome(decision, actions, recommendations, reviews);
    }

    private static Optional<String> reason(Terms terms) {
        if (terms instanceof Terms.Noted n) {
            return Optional.of(n.reason());
        } else if (terms instanceof Terms.Variation v) {
            return Optional.of(v.reason());
        } else if (terms instanceof Terms.Drop d) {
            return Optional.of(d.reason());
        }
        return Optional.empty();
    }
}
