package grants.functions.governance;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.governance.Act;
import grants.core.governance.ActionRecord;
import grants.core.governance.Body;
import grants.core.governance.BoardExceptions;
import grants.core.governance.Decision;
import grants.core.governance.GovernanceReads;
import grants.core.governance.GovernanceService;
import grants.core.governance.Meeting;
import grants.core.governance.Publication;
import grants.core.governance.Quorum;
import grants.core.governance.RecommendationRecord;
import grants.core.governance.ReviewRecord;
import grants.core.governance.ReviewState;
import grants.core.governance.Standing;
import grants.core.governance.Terms;
import grants.documents.Json;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Governance as the API writes it: dates ISO, states as codes with their plain-English words beside
 * them (computed, never typed), an absent value as {@code null}.
 */
final class GovernanceJson {

    private GovernanceJson() {
    }

    /** The bodies, each with the days it has met. */
    static ObjectNode bodies(String registerId, List<GovernanceReads.Listed> bodies) {
        ObjectNode node = Json.object().put("registerId", registerId);
        ArrayNode list = node.putArray("bodies");
        bodies.forEach(listed -> strings(body(list.addObject(), listed.body()), "meetings",
                listed.meetings().stream().map(LocalDate::toString).toList()));
        return node;
    }

    static ObjectNode body(Body body) {
        return body(Json.object(), body);
    }

    private static ObjectNode body(ObjectNode node, Body body) {
        node.put("id", body.id()).put("name", body.name()).put("kind", body.kind().name())
                .put("theme", body.theme().orElse(null)).put("decisionMaking", body.decisionMaking())
                .put("quorum", body.quorum());
        ArrayNode members = node.putArray("members");
        body.members().forEach(member -> members.addObject().put("person", member.person())
                .put("role", member.role().name()).put("organisation", member.organisation().orElse(null)));
        return node;
    }

    static ObjectNode meeting(Meeting meeting) {
        ObjectNode node = Json.object().put("body", meeting.body()).put("date", meeting.date().toString());
        strings(node, "present", meeting.present());
        return node;
    }

    /** A meeting with its body, its voting members before any interest, and its decisions. */
    static ObjectNode meeting(GovernanceReads.MeetingRead read) {
        ObjectNode node = meeting(read.meeting());
        node.set("of", body(read.body()));
        node.set("quorum", quorum(read.quorum()));
        ArrayNode decisions = node.putArray("decisions");
        read.decisions().forEach(decision -> decisions.add(decision(decision)));
        return node;
    }

    static ObjectNode quorum(Quorum quorum) {
        ObjectNode node = Json.object();
        strings(node, "voting", quorum.voting());
        strings(node, "conflicted", quorum.conflicted());
        strings(node, "undeclared", quorum.undeclared());
        return node.put("counted", quorum.quorateMembers()).put("needed", quorum.needed())
                .put("quorate", quorum.quorate());
    }

    static ObjectNode decision(Decision decision) {
        ObjectNode node = Json.object().put("id", decision.id()).put("body", decision.body())
                .put("meeting", decision.meeting().toString()).put("item", decision.item())
                .put("about", decision.about().orElse(null)).put("kind", decision.kind().name())
                .put("exempt", decision.exempt().map(Enum::name).orElse(null))
                .put("recordedBy", decision.recordedBy());
        strings(node, "declared", decision.declared());
        node.set("terms", terms(decision.terms()));
        node.set("quorum", quorum(decision.quorum()));
        return node;
    }

    /** The decisions log as the caller may see it (G11): of an exempt decision the public gets no item or terms. */
    static ObjectNode log(String registerId, List<Publication.Shown> shown) {
        ObjectNode node = Json.object().put("registerId", registerId);
        ArrayNode list = node.putArray("decisions");
        shown.forEach(decision -> {
            ObjectNode row = list.addObject().put("id", decision.id()).put("body", decision.body())
                    .put("meeting", decision.meeting().toString()).put("kind", decision.kind().name())
                    .put("exempt", decision.exempt().map(Enum::name).orElse(null))
                    .put("item", decision.item().orElse(null)).put("publicFrom", decision.publicFrom().toString());
            row.set("terms", decision.terms().map(GovernanceJson::terms).orElse(null));
        });
        return node;
    }

    private static ObjectNode terms(Terms terms) {
        ObjectNode node = Json.object().put("kind", terms.kind().name());
        if (terms instanceof Terms.Action action) {
            node.put("owner", action.owner()).put("due", action.due().toString()).put("criterion", action.criterion());
        } else if (terms instanceof Terms.Recommendation recommendation) {
            node.put("to", recommendation.to()).put("text", recommendation.text());
        } else if (terms instanceof Terms.Noted noted) {
            node.put("reason", noted.reason());
        } else if (terms instanceof Terms.Variation variation) {
            node.put("action", variation.action()).put("due", variation.due().toString())
                    .put("reason", variation.reason());
        } else if (terms instanceof Terms.Drop drop) {
            node.put("action", drop.action()).put("reason", drop.reason());
        } else if (terms instanceof Terms.Report report) {
            node.put("review", report.review());
            ArrayNode list = node.putArray("recommendations");
            report.recommendations().forEach(r -> list.addObject().put("id", r.id()).put("finding", r.finding())
                    .put("to", r.to()).put("text", r.text()));
        }
        return node;
    }

    static ObjectNode action(ActionRecord action) {
        ObjectNode node = Json.object().put("id", action.id()).put("source", action.source())
                .put("decidedBy", action.decidedBy()).put("owner", action.owner())
                .put("madeOn", action.madeOn().toString()).put("originalDue", action.originalDue().toString())
                .put("due", action.due().toString()).put("criterion", action.criterion());
        ArrayNode variations = node.putArray("variations");
        action.variations().forEach(v -> variations.addObject().put("decision", v.decision())
                .put("on", v.on().toString()).put("due", v.due().toString()).put("reason", v.reason()));
        ArrayNode updates = node.putArray("updates");
        action.updates().forEach(update -> act(updates.addObject(), update));
        node.set("completed", action.completed().map(a -> act(Json.object(), a)).orElse(null));
        node.set("dropped", action.dropped().map(a -> act(Json.object(), a)).orElse(null));
        return node.put("escalatedOn", day(action.escalatedOn()));
    }

    static ObjectNode recommendation(RecommendationRecord recommendation) {
        ObjectNode node = Json.object().put("id", recommendation.id()).put("source", recommendation.source())
                .put("body", recommendation.body()).put("to", recommendation.to())
                .put("meeting", recommendation.meeting().toString()).put("text", recommendation.text())
                .put("responseDue", recommendation.responseDue().toString());
        node.set("response", recommendation.response().map(r -> {
            ObjectNode response = Json.object().put("on", r.on().toString()).put("by", r.by())
                    .put("answer", r.answer().name()).put("reason", r.reason());
            strings(response, "actions", r.actions());
            return response;
        }).orElse(null));
        return node;
    }

    static ObjectNode review(ReviewRecord review, ReviewState state) {
        ObjectNode node = Json.object().put("id", review.id()).put("body", review.body()).put("state", state.name());
        strings(node, "indicators", review.indicators());
        node.set("scoped", act(Json.object(), review.scoped()));
        ArrayNode evidence = node.putArray("evidence");
        review.evidence().forEach(e -> evidence.addObject().put("id", e.id()).put("kind", e.kind().name())
                .put("summary", e.summary()).put("on", e.on().toString()).put("by", e.by()));
        ArrayNode findings = node.putArray("findings");
        review.findings().forEach(f -> strings(findings.addObject().put("id", f.id()).put("text", f.text())
                .put("on", f.on().toString()).put("by", f.by()), "evidence", f.evidence()));
        node.set("report", review.report().map(r -> {
            ObjectNode report = Json.object().put("decision", r.decision()).put("on", r.on().toString());
            strings(report, "recommendations", r.recommendations());
            return report;
        }).orElse(null));
        return node;
    }

    /** Every review, each with its state. */
    static ObjectNode reviews(String registerId, List<GovernanceReads.ReviewRead> reviews) {
        ObjectNode node = Json.object().put("registerId", registerId);
        ArrayNode list = node.putArray("reviews");
        reviews.forEach(read -> list.add(review(read)));
        return node;
    }

    /** A review with its state and its report's recommendations as they stand, each in words. */
    static ObjectNode review(GovernanceReads.ReviewRead read) {
        ObjectNode node = review(read.review(), read.state());
        ArrayNode recommendations = node.putArray("recommendations");
        read.recommendations().forEach(status -> recommendationStatus(recommendations.addObject(), status));
        return node;
    }

    /** "My actions and recommendations", each with its state and its words ("Due 15 January 2010, ..."). */
    static ObjectNode myWork(GovernanceService.MyWork work) {
        ObjectNode node = Json.object();
        ArrayNode actions = node.putArray("actions");
        work.actions().forEach(status -> actionStatus(actions.addObject(), status));
        ArrayNode recommendations = node.putArray("recommendations");
        work.recommendations().forEach(status -> recommendationStatus(recommendations.addObject(), status));
        return node;
    }

    private static void actionStatus(ObjectNode node, Standing.ActionStatus status) {
        node.setAll(action(status.action()));
        node.put("state", status.state().name()).put("overdue", status.overdue())
                .put("workingDaysOverdue", status.workingDaysOverdue()).put("workingDaysLate", status.workingDaysLate())
                .put("words", status.words());
    }

    private static void recommendationStatus(ObjectNode node, Standing.RecommendationStatus status) {
        node.setAll(recommendation(status.recommendation()));
        node.put("state", status.state().name()).put("workingDaysLate", status.workingDaysLate())
                .put("words", status.words());
        strings(node, "actions", status.actions());
    }

    /** A board meeting's exceptions first, each with whether it has a decision yet (G8). */
    static ObjectNode exceptions(BoardExceptions exceptions) {
        ObjectNode node = Json.object().put("meeting", exceptions.meeting().toString())
                .put("decided", exceptions.decided());
        ArrayNode list = node.putArray("exceptions");
        exceptions.exceptions().forEach(listed -> list.addObject().put("indicator", listed.exception().indicator())
                .put("reference", listed.exception().reference()).put("why", listed.exception().words())
                .put("decided", listed.decided()));
        strings(node, "undecided", exceptions.undecided());
        return node;
    }

    /** Whether each theme group had a scrutiny report on it agreed in the last 365 days (G9). */
    static ObjectNode coverage(String registerId, List<GovernanceService.Coverage> coverage) {
        ObjectNode node = Json.object().put("registerId", registerId);
        ArrayNode groups = node.putArray("groups");
        coverage.forEach(group -> groups.addObject().put("body", group.body()).put("covered", group.covered())
                .put("lastReportOn", day(group.lastReportOn())));
        return node;
    }

    // ---- parts ----

    private static ObjectNode act(ObjectNode node, Act act) {
        return node.put("on", act.on().toString()).put("by", act.by()).put("words", act.words());
    }

    private static String day(Optional<LocalDate> day) {
        return day.map(LocalDate::toString).orElse(null);
    }

    private static void strings(ObjectNode node, String field, List<String> values) {
        ArrayNode list = node.putArray(field);
        values.forEach(list::add);
    }
}
