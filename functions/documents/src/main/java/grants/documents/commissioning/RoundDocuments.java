package grants.documents.commissioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.commissioning.Panel;
import grants.core.commissioning.Proposal;
import grants.core.commissioning.RoundSetup;
import grants.core.commissioning.Specification;
import grants.core.money.Money;
import grants.documents.FieldReader;
import grants.documents.Json;

import java.util.List;
import java.util.function.BiFunction;

/**
 * The parts of a round written in the round document's own format: what the API answers and what
 * is stored of the set-up, specifications, panels and proposals, read back with the same readers
 * that took them in.
 */
public final class RoundDocuments {

    private RoundDocuments() {
    }

    public static ObjectNode setup(RoundSetup setup) {
        ObjectNode doc = Json.object().put("roundId", setup.roundId()).put("name", setup.name());
        doc.putObject("fund").put("annualAmount", Money.format(setup.fund().annualPence()))
                .put("years", setup.fund().years()).put("firstYear", setup.fund().firstYear());
        if (setup.eurRate() != null) {
            doc.put("eurRate", setup.eurRate().toPlainString());
        }
        doc.put("priorityCount", setup.priorityCount()).put("dotsPerVoter", setup.dotsPerVoter());
        ArrayNode themes = doc.putArray("crossCuttingThemes");
        setup.crossCuttingThemes().forEach(theme -> themes.addObject().put("id", theme.id()).put("title", theme.title()));
        ArrayNode criteria = doc.putArray("criteria");
        setup.criteria().forEach(c -> criteria.addObject().put("id", c.id()).put("title", c.title()).put("weight", c.weight()));
        doc.put("scoreScale", setup.scoreScale())
                .put("fundableThreshold", setup.fundableThreshold().format())
                .put("moderationSpread", setup.moderationSpread().format())
                .put("panelQuorum", setup.panelQuorum());
        ArrayNode issues = doc.putArray("issues");
        setup.issues().forEach(issue -> issue(issues.addObject(), issue));
        ArrayNode voters = doc.putArray("voters");
        setup.voters().forEach(v -> voters.addObject().put("id", v.id()).put("name", v.name()).put("sector", v.sector().name()));
        ArrayNode organisations = doc.putArray("organisations");
        setup.organisations().forEach(o -> organisations.addObject().put("id", o.id()).put("name", o.name())
                .put("sector", o.sector().name()).put("email", o.email()));
        ArrayNode mailingList = doc.putArray("mailingList");
        setup.mailingList().forEach(r -> mailingList.addObject().put("name", r.name()).put("email", r.email()));
        return doc;
    }

    /** An issue with its evidence, when it has any: each statistic with its source and its day. */
    private static void issue(ObjectNode node, RoundSetup.Issue issue) {
        node.put("id", issue.id()).put("title", issue.title()).put("strategicOutcome", issue.strategicOutcome())
                .put("surveyRank", issue.surveyRank());
        if (!issue.evidence().isEmpty()) {
            ArrayNode evidence = node.putArray("evidence");
            issue.evidence().forEach(e -> evidence.addObject().put("statistic", e.statistic()).put("source", e.source())
                    .put("date", e.date().toString()));
        }
    }

    public static ObjectNode specification(Specification specification) {
        ObjectNode doc = Json.object().put("id", specification.id()).put("issue", specification.issue())
                .put("outcome", specification.outcome());
        ArrayNode indicators = doc.putArray("indicators");
        specification.indicators().forEach(indicators::add);
        doc.put("maxAnnualAllocation", Money.format(specification.maxAnnualPence()));
        if (specification.subGroup() != null) {
            doc.put("subGroup", specification.subGroup());
        }
        return doc;
    }

    public static ObjectNode panel(Panel panel) {
        ObjectNode doc = Json.object().put("specification", panel.specification());
        ArrayNode members = doc.putArray("members");
        for (Panel.Member member : panel.members()) {
            ObjectNode node = members.addObject().put("id", member.id()).put("name", member.name())
                    .put("organisation", member.organisation());
            ArrayNode interests = node.putArray("interests");
            member.interests().forEach(interests::add);
        }
        return doc;
    }

    public static ObjectNode proposal(Proposal proposal) {
        ObjectNode doc = Json.object().put("id", proposal.id()).put("specification", proposal.specification())
                .put("title", proposal.title()).put("lead", proposal.lead());
        ArrayNode partners = doc.putArray("partners");
        proposal.partners().forEach(partners::add);
        doc.put("annualAmount", Money.format(proposal.annualPence()));
        if (proposal.evaluationPlan() != null) {
            doc.put("evaluationPlan", proposal.evaluationPlan());
        }
        if (proposal.sponsor() != null) {
            ObjectNode sponsor = doc.putObject("sponsor").put("organisation", proposal.sponsor().organisation());
            if (proposal.sponsor().commitment() != null) {
                sponsor.put("commitment", proposal.sponsor().commitment());
            }
        }
        doc.put("clientGroupConsulted", proposal.clientGroupConsulted()).put("clientGroupSeats", proposal.clientGroupSeats());
        ObjectNode crossCutting = doc.putObject("crossCutting");
        proposal.crossCutting().forEach(crossCutting::put);
        ArrayNode milestones = doc.putArray("milestones");
        proposal.milestones().forEach(m -> milestones.addObject().put("due", m.due()).put("description", m.description()));
        ArrayNode outputs = doc.putArray("outputs");
        proposal.outputs().forEach(o -> outputs.addObject().put("measure", o.measure()).put("annualTarget", o.annualTarget()));
        return doc;
    }

    public static RoundSetup readSetup(String json) {
        return stored(json, "set-up", (node, reader) -> RoundJson.setup(node, reader));
    }

    public static Specification readSpecification(String json) {
        return stored(json, "specification", (node, reader) -> RoundJson.specification(node, "", reader));
    }

    public static Panel readPanel(String json) {
        return stored(json, "panel", (node, reader) -> RoundJson.panel(node, "", reader));
    }

    public static Proposal readProposal(String json) {
        return stored(json, "proposal", (node, reader) -> RoundJson.proposal(node, "", reader));
    }

    /** A stored part is read with the readers that took it in; a problem there is a defect, not the user's. */
    private static <T> T stored(String json, String what, BiFunction<JsonNode, FieldReader, T> read) {
        FieldReader reader = new FieldReader();
        T value = read.apply(Json.parse(json), reader);
        List<grants.core.errors.Problem> problems = reader.problems();
        if (!problems.isEmpty() || value == null) {
            throw new IllegalStateException("a stored round " + what + " does not read back: " + problems);
        }
        return value;
    }
}
