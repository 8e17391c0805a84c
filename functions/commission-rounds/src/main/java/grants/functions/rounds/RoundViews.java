package grants.functions.rounds;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.access.Binding;
import grants.core.commissioning.Ballot;
import grants.core.commissioning.Contract;
import grants.core.commissioning.Eligibility;
import grants.core.commissioning.Instalment;
import grants.core.commissioning.Priorities;
import grants.core.commissioning.ProposalOutcome;
import grants.core.commissioning.RoundOutcome;
import grants.core.commissioning.RoundSetup;
import grants.core.commissioning.ScoreSheet;
import grants.core.commissioning.Specification;
import grants.core.money.Money;
import grants.core.rounds.Meeting;
import grants.core.rounds.RecordedModeration;
import grants.core.rounds.RoundHeader;
import grants.core.rounds.RoundPanels;
import grants.documents.Json;
import grants.documents.commissioning.RoundDocuments;
import grants.http.PageRequest;

import java.util.List;
import java.util.Optional;

/** A round's records as the API answers them: money as two-decimal strings, scores as four-decimal ones. */
final class RoundViews {

    private RoundViews() {
    }

    /** The round and its stage; the mailing list and organisations' addresses only for {@code staff}. */
    static ObjectNode round(RoundHeader header, Optional<Ballot> ownBallot, boolean staff) {
        ObjectNode node = RoundDocuments.setup(header.setup());
        if (!staff) {
            node.remove("mailingList");
            node.withArray("organisations").forEach(organisation -> ((ObjectNode) organisation).remove("email"));
        }
        node.put("stage", header.stage().name());
        if (!header.selected().isEmpty()) {
            ArrayNode selected = node.putArray("selected");
            header.selected().forEach(selected::add);
            node.put("tieNote", header.tieNote());
        }
        if (header.closingDate() != null) {
            node.put("closingDate", header.closingDate().toString());
        }
        if (header.stage() == grants.core.rounds.Stage.PUBLISHED) {
            ArrayNode published = node.putArray("publishedSpecifications");
            header.publishedSpecifications().forEach(published::add);
        }
        ownBallot.ifPresent(ballot -> {
            ArrayNode dots = node.putObject("yourBallot").put("voter", ballot.voter()).putArray("dots");
            ballot.dots().forEach(dots::add);
        });
        return node;
    }

    static ObjectNode rounds(List<RoundHeader> headers) {
        ObjectNode node = Json.object();
        ArrayNode list = node.putArray("rounds");
        headers.forEach(header -> list.addObject().put("roundId", header.roundId()).put("name", header.setup().name())
                .put("stage", header.stage().name()));
        return node;
    }

    static ObjectNode tally(String roundId, Priorities priorities) {
        ObjectNode node = Json.object().put("roundId", roundId).put("tieNote", priorities.tieNote());
        ArrayNode issues = node.putArray("issues");
        for (Priorities.RankedIssue issue : priorities.ranked()) {
            issues.addObject().put("id", issue.issue().id()).put("title", issue.issue().title()).put("dots", issue.dots())
                    .put("surveyRank", issue.issue().surveyRank()).put("rank", issue.rank()).put("selected", issue.selected());
        }
        return node;
    }

    static ObjectNode specifications(RoundHeader header, List<Specification> specifications) {
        ObjectNode node = Json.object().put("roundId", header.roundId()).put("name", header.setup().name());
        if (header.closingDate() != null) {
            node.put("closingDate", header.closingDate().toString());
        }
        ArrayNode list = node.putArray("specifications");
        specifications.stream().sorted(java.util.Comparator.comparing(Specification::id)).forEach(specification -> {
            ObjectNode spec = list.addObject();
            spec.setAll(RoundDocuments.specification(specification));
            header.setup().issue(specification.issue()).ifPresent(issue -> spec.put("title", issue.title())
                    .put("strategicOutcome", issue.strategicOutcome()));
        });
        ArrayNode themes = node.putArray("crossCuttingThemes");
        header.setup().crossCuttingThemes().forEach(theme -> themes.addObject().put("id", theme.id()).put("title", theme.title()));
        return node;
    }

    /** A panel's page: its members, and its warnings (below quorum, how many still needed, the seed's mix). */
    static ObjectNode panel(grants.core.rounds.PanelCheck check, grants.core.commissioning.Panel panel) {
        ObjectNode view = Json.object().put("specification", panel.specification());
        ArrayNode members = view.putArray("members");
        panel.members().forEach(m -> members.addObject().put("id", m.id()).put("name", m.name())
                .put("organisation", m.organisation()));
        view.put("quorum", check.quorum());
        view.put("belowQuorum", check.stillNeeded() > 0);
        view.put("membersStillNeeded", check.stillNeeded());
        ArrayNode shortOf = view.putArray("proposalsBelowQuorum");
        check.shortOf().forEach(shortOf::add);
        view.put("hasExpert", check.hasExpert());
        view.put("hasVoluntaryOrCommunityMember", check.hasVoluntaryOrCommunity());
        ArrayNode warnings = view.putArray("warnings");
        check.warnings().forEach(warnings::add);
        return view;
    }

    static ObjectNode proposal(RoundPanels.Checked checked) {
        ObjectNode node = RoundDocuments.proposal(checked.proposal());
        node.put("eligible", checked.failures().isEmpty());
        ArrayNode problems = node.putArray("problems");
        for (Eligibility.Failure failure : checked.failures()) {
            problems.addObject().put("field", failure.field()).put("why", failure.why());
        }
        return node;
    }

    /** Who leads and partners each proposal of the panel: enough to declare an interest, nothing of the content. */
    static ObjectNode toDeclare(RoundPanels.ToDeclare toDeclare) {
        ObjectNode node = Json.object().put("specification", toDeclare.specification())
                .put("declared", toDeclare.declared().isPresent());
        toDeclare.declared().ifPresent(interests -> {
            ArrayNode list = node.putArray("interests");
            interests.forEach(list::add);
        });
        ArrayNode awaiting = node.putArray("awaiting");
        toDeclare.awaiting().forEach(awaiting::add);
        ArrayNode proposals = node.putArray("proposals");
        toDeclare.proposals().forEach(proposal -> {
            ObjectNode entry = proposals.addObject().put("id", proposal.id()).put("title", proposal.title())
                    .put("lead", proposal.lead());
            ArrayNode partners = entry.putArray("partners");
            proposal.partners().forEach(partners::add);
        });
        return node;
    }

    static ObjectNode proposals(String roundId, List<RoundPanels.Checked> proposals) {
        ObjectNode node = Json.object().put("roundId", roundId);
        ArrayNode list = node.putArray("proposals");
        proposals.forEach(checked -> list.add(proposal(checked)));
        return node;
    }

    static ObjectNode scores(String proposalId, RoundSetup setup, List<ScoreSheet> scores) {
        ObjectNode node = Json.object().put("proposal", proposalId);
        ArrayNode list = node.putArray("scores");
        for (ScoreSheet sheet : scores) {
            ObjectNode score = list.addObject().put("member", sheet.member()).put("score", sheet.score(setup).format());
            ObjectNode criteria = score.putObject("criteria");
            sheet.criteria().forEach(criteria::put);
        }
        return node;
    }

    /** A moderation as the panel sees it: pending until confirmed, and by whom once it is. */
    static ObjectNode moderation(RecordedModeration recorded) {
        ObjectNode node = Json.object().put("proposal", recorded.moderation().proposal())
                .put("score", recorded.moderation().score().format()).put("by", recorded.moderation().by())
                .put("reason", recorded.moderation().reason())
                .put("state", recorded.confirmed() ? "CONFIRMED" : "PENDING");
        if (recorded.confirmed()) {
            node.put("confirmedBy", recorded.confirmedBy());
        }
        return node;
    }

    /** Rule C8 on a proposal's page: how far apart the counted scores are, against the spread allowed, and who may moderate. */
    static ObjectNode spread(grants.core.rounds.RoundPanels.Spread spread) {
        ObjectNode node = Json.object().put("lowest", spread.lowest().format()).put("highest", spread.highest().format())
                .put("difference", spread.highest().minus(spread.lowest()).format())
                .put("allowed", spread.allowed().format()).put("needsModeration", spread.needsModeration());
        ArrayNode may = node.putArray("mayModerate");
        spread.mayModerate().forEach(may::add);
        return node;
    }

    static ObjectNode decision(ProposalOutcome outcome) {
        ObjectNode node = Json.object()
                .put("proposal", outcome.proposal().id())
                .put("specification", outcome.proposal().specification())
                .put("title", outcome.proposal().title())
                .put("lead", outcome.proposal().lead())
                .put("annualAmount", Money.format(outcome.proposal().annualPence()))
                .put("eligible", outcome.eligible())
                .put("problems", outcome.problems())
                .put("scorers", outcome.scorers())
                .put("conflictedExcluded", outcome.conflictedExcluded());
        node.put("meanScore", outcome.meanScore() == null ? null : outcome.meanScore().format());
        node.put("finalScore", outcome.finalScore() == null ? null : outcome.finalScore().format());
        node.put("status", outcome.status().name())
                .put("awardAnnual", Money.format(outcome.awardAnnualPence()))
                .put("awardTotal", Money.format(outcome.awardTotalPence()))
                .put("reason", outcome.reason());
        if (outcome.moderation() != null) {
            node.putObject("moderation").put("score", outcome.moderation().score().format())
                    .put("by", outcome.moderation().by()).put("reason", outcome.moderation().reason());
        }
        if (outcome.override() != null) {
            node.putObject("override").put("decision", outcome.override().decision().name())
                    .put("reason", outcome.override().reason()).put("by", outcome.override().by());
        }
        return node;
    }

    /** A page of the round's decisions (see {@link DecisionPages}), with the round's totals. */
    static ObjectNode outcome(String stage, RoundOutcome outcome, PageRequest page) {
        ObjectNode node = Json.object().put("roundId", outcome.setup().roundId()).put("stage", stage);
        node.putObject("fund").put("annualAmount", Money.format(outcome.setup().fund().annualPence()))
                .put("awardedAnnual", Money.format(outcome.awardedAnnualPence()))
                .put("unawardedAnnual", Money.format(outcome.unawardedAnnualPence()))
                .put("awardedTotal", Money.format(outcome.awardedTotalPence()))
                .put("contracts", outcome.contracts().size());
        ArrayNode budgets = node.putArray("specifications");
        for (RoundOutcome.SpecificationBudget budget : outcome.budgets()) {
            budgets.addObject().put("id", budget.specification().id())
                    .put("maxAnnualAllocation", Money.format(budget.specification().maxAnnualPence()))
                    .put("awardedAnnual", Money.format(budget.awardedAnnualPence()))
                    .put("leftAnnual", Money.format(budget.leftAnnualPence()));
        }
        // Rule C10: the specifications still waiting for a proposal's scores or moderation, published later.
        ArrayNode waiting = node.putArray("waitingSpecifications");
        grants.core.rounds.RoundAwards.waitingSpecifications(outcome).forEach(waiting::add);
        return DecisionPages.write(node, outcome.proposals(), page);
    }

    static ObjectNode contracts(String roundId, List<Contract> contracts) {
        ObjectNode node = Json.object().put("roundId", roundId);
        ArrayNode list = node.putArray("contracts");
        for (Contract contract : contracts) {
            ObjectNode entry = list.addObject().put("id", contract.id()).put("proposal", contract.proposalId())
                    .put("specification", contract.specificationId()).put("lead", contract.leadOrganisation())
                    .put("annualAmount", Money.format(contract.annualPence())).put("years", contract.years())
                    .put("total", Money.format(contract.totalPence()));
            ArrayNode instalments = entry.putArray("instalments");
            for (Instalment instalment : contract.instalments()) {
                instalments.addObject().put("number", instalment.number()).put("due", instalment.due().toString())
                        .put("amount", Money.format(instalment.pence()));
            }
            ArrayNode milestones = entry.putArray("milestones");
            contract.milestones().forEach(m -> milestones.addObject().put("due", m.due()).put("description", m.description()));
            ArrayNode outputs = entry.putArray("outputs");
            contract.outputs().forEach(o -> outputs.addObject().put("measure", o.measure()).put("annualTarget", o.annualTarget()));
            ObjectNode commitments = entry.putObject("crossCuttingCommitments");
            contract.crossCuttingCommitments().forEach(commitments::put);
        }
        return node;
    }

    static ObjectNode meetings(String roundId, List<Meeting> meetings) {
        ObjectNode node = Json.object().put("roundId", roundId);
        ArrayNode list = node.putArray("meetings");
        for (Meeting meeting : meetings) {
            ObjectNode entry = list.addObject().put("proposal", meeting.proposal()).put("at", meeting.at().toString())
                    .put("minutes", meeting.minutes()).put("note", meeting.note()).put("place", meeting.place());
            ArrayNode attendees = entry.putArray("attendees");
            meeting.attendees().forEach(attendees::add);
        }
        return node;
    }

    /** The people bound in a round: each one's person id, the name they are bound under, and their organisation if any. */
    static ObjectNode people(String roundId, List<Binding> bindings) {
        ObjectNode node = Json.object().put("roundId", roundId);
        ArrayNode list = node.putArray("people");
        for (Binding binding : bindings) {
            ObjectNode person = list.addObject().put("personId", binding.personId().orElseThrow()).put("name", binding.name());
            binding.organisationId().ifPresent(id -> person.put("organisationId", id));
        }
        return node;
    }
}
