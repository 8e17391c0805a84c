package grants.functions.reporting;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.commissioning.Fraction;
import grants.core.reporting.BoardPack;
import grants.core.reporting.ChartPoint;
import grants.core.reporting.ContributingAgreement;
import grants.core.reporting.Direction;
import grants.core.reporting.Indicator;
import grants.core.reporting.Meeting;
import grants.core.reporting.Narrative;
import grants.core.reporting.Observation;
import grants.core.reporting.PublicFigure;
import grants.core.reporting.Register;
import grants.core.reporting.ReportCard;
import grants.core.reporting.Status;
import grants.documents.Json;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reporting as the API writes it: quarters as {@code 2008-09 Q1} (and as {@code key}, {@code 2008-09-Q1},
 * for paths), dates ISO, decimals as strings, computed figures rounded to the indicator's decimals
 * (rounding only for showing: the rules compare exact fractions), statuses and directions as codes
 * with their words beside them, never a colour.
 */
final class ReportingJson {

    private ReportingJson() {
    }

    // ---- the register ----

    static ObjectNode register(Register register) {
        return register(register, Map.of());
    }

    /** The register, each indicator with {@code latest}: its latest quarter with a figure (null when none). */
    static ObjectNode register(Register register, Map<String, ReportCard> latest) {
        ObjectNode node = Json.object().put("registerId", register.registerId()).put("note", register.note())
                .put("ownerReminderWorkingDays", register.ownerReminderWorkingDays()).put("version", register.version());
        ArrayNode themes = node.putArray("themes");
        register.themes().forEach(theme -> themes.addObject().put("id", theme.id()).put("title", theme.title()));
        ArrayNode outcomes = node.putArray("outcomes");
        register.outcomes().forEach(outcome -> outcomes.addObject().put("id", outcome.id()).put("title", outcome.title())
                .put("theme", outcome.theme()));
        ArrayNode people = node.putArray("people");
        register.people().forEach(person -> people.addObject().put("id", person.id()).put("name", person.name())
                .put("email", person.email()).put("role", person.kind().name()));
        ArrayNode indicators = node.putArray("indicators");
        register.indicators().forEach(indicator -> latest(indicator(indicators.addObject(), indicator),
                latest.get(indicator.id())));
        ArrayNode meetings = node.putArray("meetings");
        register.meetings().forEach(meeting -> meeting(meetings.addObject(), meeting));
        return node;
    }

    static ObjectNode indicators(String registerId, List<Indicator> indicators, Map<String, ReportCard> latest) {
        ObjectNode node = Json.object().put("registerId", registerId);
        ArrayNode list = node.putArray("indicators");
        indicators.forEach(indicator -> latest(indicator(list.addObject(), indicator), latest.get(indicator.id())));
        return node;
    }

    /** An indicator's latest quarter with a figure, as the console lists it: its status computed, in words beside. */
    private static void latest(ObjectNode node, ReportCard card) {
        if (card == null) {
            node.putNull("latest");
            return;
        }
        ObjectNode latest = node.putObject("latest").put("period", card.period().toString())
                .put("key", key(card.period().toString()));
        shown(latest, "value", card, card.value());
        status(latest, card.status());
        latest.put("provisional", card.provisional()).put("revised", card.revised())
                .put("readiness", card.readiness().name());
    }

    private static ObjectNode indicator(ObjectNode node, Indicator indicator) {
        node.put("id", indicator.id()).put("reference", indicator.reference()).put("title", indicator.title())
                .put("outcome", indicator.outcome()).put("owner", indicator.owner())
                .put("polarity", indicator.polarity().name()).put("measure", indicator.measure().name())
                .put("accumulation", indicator.accumulation().name()).put("decimals", indicator.decimals())
                .put("unit", indicator.unit());
        baseline(node.putObject("baseline"), indicator.baseline());
        ObjectNode targets = node.putObject("targets");
        indicator.targets().forEach((year, target) -> targets.put(year, target.toPlainString()));
        node.put("tolerance", indicator.tolerance().toPlainString());
        ArrayNode contributions = node.putArray("contributions");
        indicator.contributions().forEach(contributions::add);
        return node;
    }

    private static void baseline(ObjectNode node, Indicator.Baseline baseline) {
        node.put("period", baseline.period().toString()).put("value", baseline.value().toPlainString());
    }

    private static void meeting(ObjectNode node, Meeting meeting) {
        node.put("date", meeting.date().toString()).put("reviews", meeting.reviews().toString())
                .put("figuresAsOf", meeting.figuresAsOf().toString());
    }

    // ---- figures and narratives ----

    static ObjectNode observation(Observation observation) {
        ObjectNode node = Json.object().put("indicatorId", observation.indicator())
                .put("period", observation.period().toString()).put("sequence", observation.sequence())
                .put("revision", observation.isRevision());
        decimal(node, "value", observation.figure().value());
        decimal(node, "numerator", observation.figure().numerator());
        decimal(node, "denominator", observation.figure().denominator());
        return node.put("status", observation.finality().name()).put("recordedBy", observation.recordedBy())
                .put("recordedOn", observation.recordedOn().toString())
                .put("reason", observation.revisionReason().orElse(null));
    }

    /** The figures a file recorded, in its order. */
    static ObjectNode observations(String registerId, List<Observation> observations) {
        ObjectNode node = Json.object().put("registerId", registerId);
        ArrayNode recorded = node.putArray("recorded");
        observations.forEach(observation -> recorded.add(observation(observation)));
        return node;
    }

    static ObjectNode narrative(Narrative narrative) {
        return Json.object().put("indicatorId", narrative.indicator()).put("period", narrative.period().toString())
                .put("achieved", narrative.achieved()).put("next", narrative.next()).put("by", narrative.by())
                .put("on", narrative.on().toString());
    }

    // ---- cards and packs ----

    static ObjectNode card(ReportCard card) {
        ObjectNode node = Json.object().put("indicatorId", card.indicatorId()).put("reference", card.reference())
                .put("title", card.title()).put("unit", card.unit()).put("decimals", card.decimals())
                .put("polarity", card.polarity().name());
        node.putObject("theme").put("id", card.theme().id()).put("title", card.theme().title());
        node.putObject("outcome").put("id", card.outcome().id()).put("title", card.outcome().title());
        node.putObject("owner").put("id", card.owner().id()).put("name", card.owner().name());
        node.put("period", card.period().toString()).put("key", key(card.period().toString()))
                .put("asOf", card.asOf().toString());
        shown(node, "value", card, card.value());
        shown(node, "yearToDate", card, card.yearToDate());
        shown(node, "targetToDate", card, card.targetToDate());
        status(node, card.status());
        direction(node, "againstPrevious", card.againstPrevious(), card.againstPreviousInWords());
        direction(node, "againstYearBefore", card.againstYearBefore(), card.againstYearBeforeInWords());
        node.put("revised", card.revised()).put("provisional", card.provisional())
                .put("readiness", card.readiness().name()).put("exception", card.isException());
        ArrayNode revisions = node.putArray("revisions");
        card.revisions().forEach(revision -> revisions.addObject().put("period", revision.period().toString())
                .put("on", revision.on().toString()).put("reason", revision.reason()));
        baseline(node.putObject("baseline"), card.baseline());
        ArrayNode chart = node.putArray("chart");
        card.chart().forEach(point -> chartPoint(chart.addObject(), card, point));
        card.narrative().ifPresentOrElse(narrative -> node.set("narrative", narrative(narrative)),
                () -> node.putNull("narrative"));
        ArrayNode contributions = node.putArray("contributions");
        card.contributions().forEach(contribution -> contribution(contributions.addObject(), contribution));
        return node;
    }

    private static void chartPoint(ObjectNode node, ReportCard card, ChartPoint point) {
        node.put("period", point.period().toString());
        shown(node, "value", card, point.value());
        shown(node, "yearToDate", card, point.yearToDate());
        shown(node, "targetToDate", card, point.targetToDate());
        node.put("revised", point.revised()).put("provisional", point.provisional());
    }

    private static void contribution(ObjectNode node, ContributingAgreement contribution) {
        node.put("agreementId", contribution.agreementId()).put("organisation", contribution.organisation())
                .put("acceptedOn", contribution.acceptedOn().map(Object::toString).orElse(null));
        ObjectNode outputs = node.putObject("latestAcceptedOutputs");
        contribution.latestAcceptedOutputs().forEach(outputs::put);
    }

    static ObjectNode pack(BoardPack pack) {
        ObjectNode node = Json.object().put("registerId", pack.registerId());
        meeting(node.putObject("meeting"), pack.meeting());
        ArrayNode counts = node.putArray("countByStatus");
        pack.countByStatus().forEach((status, count) -> counts.addObject().put("status", status.name())
                .put("statusInWords", status.words()).put("count", count));
        cards(node.putArray("awaitingOwner"), pack.awaitingOwner());
        cards(node.putArray("exceptions"), pack.exceptions());
        cards(node.putArray("rest"), pack.rest());
        return node;
    }

    private static void cards(ArrayNode node, List<ReportCard> cards) {
        cards.forEach(card -> node.add(card(card)));
    }

    // ---- what the public sees ----

    static ObjectNode publicFigures(String registerId, List<PublicFigure> figures) {
        ObjectNode node = Json.object().put("registerId", registerId);
        ArrayNode list = node.putArray("figures");
        figures.forEach(figure -> {
            ObjectNode item = list.addObject().put("indicatorId", figure.indicatorId())
                    .put("reference", figure.reference()).put("period", figure.period().toString())
                    .put("key", key(figure.period().toString())).put("value", figure.shownValue())
                    .put("targetToDate", figure.shownTargetToDate().orElse(null));
            status(item, figure.status());
            item.put("publishedOn", figure.publishedOn().toString());
        });
        return node;
    }

    // ---- helpers ----

    /** A quarter as a path carries it: {@code 2008-09-Q1}. */
    static String key(String period) {
        return period.replace(' ', '-');
    }

    private static void status(ObjectNode node, Status status) {
        node.put("status", status.name()).put("statusInWords", status.words());
    }

    private static void direction(ObjectNode node, String field, Direction direction, String words) {
        node.put(field, direction.name()).put(field + "InWords", words);
    }

    private static void shown(ObjectNode node, String field, ReportCard card, Optional<Fraction> figure) {
        node.put(field, figure.map(card::shown).orElse(null));
    }

    private static void decimal(ObjectNode node, String field, BigDecimal value) {
        if (value != null) {
            node.put(field, value.toPlainString());
        }
    }
}
