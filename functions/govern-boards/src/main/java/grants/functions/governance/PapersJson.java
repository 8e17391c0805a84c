package grants.functions.governance;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.governance.Body;
import grants.core.governance.Minutes;
import grants.core.governance.PackSection;
import grants.core.governance.PublicLog;
import grants.core.governance.Standing;
import grants.documents.Json;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON of a meeting's papers (a pack's governance section, minutes) and of the public log, people
 * named beside their ids. The public log says of an action or recommendation only what G11 lets the
 * public see: no owner's update, completion evidence or reasons for a variation.
 */
final class PapersJson {

    private PapersJson() {
    }

    static ObjectNode packSection(String registerId, PackSection section, Map<String, String> names) {
        ObjectNode node = Json.object().put("registerId", registerId).put("meeting", section.meeting().toString())
                .put("asAt", section.asAt().toString()).put("previousBoardMeeting", day(section.previousBoardMeeting()));
        items(node.putArray("actions"), section, section.actions(), names);
        items(node.putArray("recommendations"), section, section.recommendations(), names);
        return node;
    }

    private static void items(ArrayNode list, PackSection section, java.util.List<PackSection.Item> items,
                              Map<String, String> names) {
        items.forEach(item -> list.addObject().put("position", item.position()).put("kind", item.kind().name())
                .put("id", item.id()).put("state", item.state()).put("words", item.words()).put("who", item.who())
                .put("whoName", names.getOrDefault(item.who(), item.who())).put("what", item.what())
                .put("decidedBy", item.decidedBy()).put("overdue", item.overdue())
                .put("escalatedOn", day(item.escalatedOn())));
    }

    static ObjectNode minutes(String registerId, Minutes minutes, Map<String, String> names) {
        ObjectNode node = Json.object().put("registerId", registerId).put("body", minutes.body().id())
                .put("bodyName", minutes.body().name()).put("date", minutes.meeting().date().toString());
        ArrayNode present = node.putArray("present");
        minutes.meeting().present().forEach(person -> present.addObject().put("person", person)
                .put("name", names.getOrDefault(person, person)));
        node.set("exceptions", minutes.exceptions().map(GovernanceJson::exceptions).orElse(null));
        ArrayNode decisions = node.putArray("decisions");
        minutes.decisions().forEach(decision -> decisions.add(GovernanceJson.decision(decision)));
        return node;
    }

    /** What the public sees today (G11): the decisions as the log has always shown them, then actions and recommendations. */
    static ObjectNode publicLog(String registerId, PublicLog.Log log, java.util.List<Body> bodies,
                                Map<String, String> names) {
        ObjectNode node = GovernanceJson.log(registerId, log.decisions()).put("asAt", log.day().toString());
        ArrayNode named = node.putArray("bodies");
        bodies.stream().sorted(java.util.Comparator.comparing(Body::id))
                .forEach(body -> named.addObject().put("id", body.id()).put("name", body.name()));
        ArrayNode actions = node.putArray("actions");
        log.actions().forEach(shown -> {
            Standing.ActionStatus status = shown.standing();
            var action = status.action();
            actions.addObject().put("id", action.id()).put("source", action.source())
                    .put("decidedBy", action.decidedBy()).put("owner", action.owner())
                    .put("ownerName", names.getOrDefault(action.owner(), action.owner()))
                    .put("criterion", action.criterion()).put("originalDue", action.originalDue().toString())
                    .put("due", action.dueOn(log.day()).toString()).put("state", status.state().name())
                    .put("overdue", status.overdue()).put("workingDaysOverdue", status.workingDaysOverdue())
                    .put("completedOn", day(action.completed().map(c -> c.on())))
                    .put("words", status.words()).put("publicFrom", shown.publicFrom().toString());
        });
        ArrayNode recommendations = node.putArray("recommendations");
        log.recommendations().forEach(shown -> {
            Standing.RecommendationStatus status = shown.standing();
            var recommendation = status.recommendation();
            ObjectNode row = recommendations.addObject().put("id", recommendation.id())
                    .put("source", recommendation.source()).put("body", recommendation.body())
                    .put("to", recommendation.to()).put("toName", names.getOrDefault(recommendation.to(),
                            recommendation.to())).put("meeting", recommendation.meeting().toString())
                    .put("text", recommendation.text()).put("responseDue", recommendation.responseDue().toString())
                    .put("state", status.state().name()).put("words", status.words())
                    .put("publicFrom", shown.publicFrom().toString());
            row.set("answer", recommendation.responseOn(log.day()).map(answer -> {
                ObjectNode given = Json.object().put("on", answer.on().toString()).put("answer", answer.answer().name())
                        .put("reason", answer.reason());
                answer.actions().forEach(given.putArray("actions")::add);
                return given;
            }).orElse(null));
        });
        return node;
    }

    private static String day(Optional<LocalDate> day) {
        return day.map(LocalDate::toString).orElse(null);
    }
}
