package grants.adapters.dynamodb;

import grants.core.commissioning.Ballot;
import grants.core.commissioning.Contract;
import grants.core.commissioning.Fraction;
import grants.core.commissioning.Instalment;
import grants.core.commissioning.ManagerDecision;
import grants.core.commissioning.Moderation;
import grants.core.commissioning.Proposal;
import grants.core.commissioning.ScoreSheet;
import grants.core.commissioning.Specification;
import grants.core.rounds.Meeting;
import grants.core.rounds.RecordedModeration;
import grants.core.rounds.RoundHeader;
import grants.core.rounds.Stage;
import grants.documents.Json;
import grants.documents.commissioning.RoundDocuments;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static grants.adapters.dynamodb.GrantsTable.n;
import static grants.adapters.dynamodb.GrantsTable.number;
import static grants.adapters.dynamodb.GrantsTable.s;
import static grants.adapters.dynamodb.GrantsTable.strings;
import static grants.adapters.dynamodb.GrantsTable.text;

/**
 * A round's records to and from their items. Flat records (ballots, scores, moderations,
 * decisions, contracts) are native attributes; the set-up, specifications, panels and proposals
 * are kept in the round document's own format, read back by the readers that took them in.
 */
final class RoundItems {

    static final int SCHEMA_VERSION = 1;
    private static final String VOID = "void";

    private RoundItems() {
    }

    static Map<String, AttributeValue> item(String roundId, String sk) {
        return GrantsTable.item(Keys.round(roundId), sk, SCHEMA_VERSION);
    }

    /** A round's entry in the list of rounds. */
    static Map<String, AttributeValue> listed(String roundId) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.ROUNDS, Keys.round(roundId), SCHEMA_VERSION);
        item.put("roundId", s(roundId));
        return item;
    }

    static Map<String, AttributeValue> header(RoundHeader header) {
        Map<String, AttributeValue> item = item(header.roundId(), Keys.ROUND_HEAD);
        item.put("setup", s(Json.write(RoundDocuments.setup(header.setup()))));
        item.put("stage", s(header.stage().name()));
        item.put("selected", strings(header.selected()));
        if (header.tieNote() != null) {
            item.put("tieNote", s(header.tieNote()));
        }
        if (header.closingDate() != null) {
            item.put("closingDate", s(header.closingDate().toString()));
        }
        item.put("publishedSpecifications", strings(header.publishedSpecifications()));
        return item;
    }

    static RoundHeader header(Map<String, AttributeValue> item) {
        String closing = text(item, "closingDate");
        return new RoundHeader(RoundDocuments.readSetup(text(item, "setup")), Stage.valueOf(text(item, "stage")),
                strings(item, "selected"), text(item, "tieNote"), closing == null ? null : LocalDate.parse(closing),
                strings(item, "publishedSpecifications"));
    }

    static Map<String, AttributeValue> document(String roundId, String sk, com.fasterxml.jackson.databind.JsonNode doc) {
        Map<String, AttributeValue> item = item(roundId, sk);
        item.put("document", s(Json.write(doc)));
        return item;
    }

    /** A specification, with its priority as an attribute so a write can be conditional on its owner. */
    static Map<String, AttributeValue> specification(String roundId, Specification specification) {
        Map<String, AttributeValue> item = document(roundId, Keys.specification(specification.id()),
                RoundDocuments.specification(specification));
        item.put("issue", s(specification.issue()));
        return item;
    }

    /** A proposal, with its lead as an attribute so a write can be conditional on its owner. */
    static Map<String, AttributeValue> proposal(String roundId, Proposal proposal) {
        Map<String, AttributeValue> item = document(roundId, Keys.proposal(proposal.id()), RoundDocuments.proposal(proposal));
        item.put("lead", s(proposal.lead()));
        return item;
    }

    static String document(Map<String, AttributeValue> item) {
        return text(item, "document");
    }

    static Map<String, AttributeValue> ballot(String roundId, Ballot ballot) {
        Map<String, AttributeValue> item = item(roundId, Keys.ballot(ballot.voter()));
        item.put("voter", s(ballot.voter()));
        item.put("dots", strings(ballot.dots()));
        return item;
    }

    static Ballot ballot(Map<String, AttributeValue> item) {
        return new Ballot(text(item, "voter"), strings(item, "dots"));
    }

    /** A member's answer for one proposal: whether they have an interest in it, and whether the manager recorded it late. */
    static Map<String, AttributeValue> declaration(String roundId, String specification, String member, String proposal,
                                                   boolean interest, boolean late) {
        Map<String, AttributeValue> item = item(roundId, Keys.declaration(member, proposal));
        item.put("member", s(member));
        item.put("specification", s(specification));
        item.put("proposal", s(proposal));
        item.put("interest", AttributeValue.fromBool(interest));
        if (late) {
            item.put("late", AttributeValue.fromBool(true));
        }
        return item;
    }

    /** An item written before answers were per proposal has no proposal: it answers nothing. */
    static boolean isAnswer(Map<String, AttributeValue> item) {
        return item.containsKey("proposal");
    }

    static boolean isInterest(Map<String, AttributeValue> item) {
        AttributeValue interest = item.get("interest");
        return interest != null && Boolean.TRUE.equals(interest.bool());
    }

    static Map<String, AttributeValue> score(String roundId, String sk, ScoreSheet sheet) {
        Map<String, AttributeValue> item = item(roundId, sk);
        item.put("member", s(sheet.member()));
        item.put("proposal", s(sheet.proposal()));
        Map<String, AttributeValue> criteria = new HashMap<>();
        sheet.criteria().forEach((criterion, value) -> criteria.put(criterion, n(value)));
        item.put("criteria", AttributeValue.fromM(criteria));
        return item;
    }

    static ScoreSheet score(Map<String, AttributeValue> item) {
        Map<String, Integer> criteria = new TreeMap<>();
        item.get("criteria").m().forEach((criterion, value) -> criteria.put(criterion, Integer.parseInt(value.n())));
        return new ScoreSheet(text(item, "member"), text(item, "proposal"), criteria);
    }

    /** A moderated score is kept exactly, as the decimal it was given in (at most 4 places). */
    static Map<String, AttributeValue> moderation(String roundId, Moderation moderation) {
        Map<String, AttributeValue> item = item(roundId, Keys.moderation(moderation.proposal()));
        item.put("proposal", s(moderation.proposal()));
        item.put("score", s(moderation.score().format()));
        item.put("by", s(moderation.by()));
        item.put("reason", s(moderation.reason()));
        return item;
    }

    /** A moderation and who confirmed it ({@code confirmedBy} is absent while it is pending). */
    static RecordedModeration moderation(Map<String, AttributeValue> item) {
        return new RecordedModeration(new Moderation(text(item, "proposal"),
                Fraction.ofDecimal(new BigDecimal(text(item, "score"))), text(item, "by"), text(item, "reason")),
                text(item, "confirmedBy"));
    }

    static Map<String, AttributeValue> meeting(String roundId, Meeting meeting) {
        Map<String, AttributeValue> item = item(roundId, Keys.meeting(meeting.proposal(), meeting.at().toString()));
        item.put("proposal", s(meeting.proposal()));
        item.put("at", s(meeting.at().toString()));
        item.put("minutes", n(meeting.minutes()));
        if (meeting.note() != null) {
            item.put("note", s(meeting.note()));
        }
        if (meeting.place() != null) {
            item.put("place", s(meeting.place()));
        }
        if (!meeting.attendees().isEmpty()) {
            item.put("attendees", strings(meeting.attendees()));
        }
        return item;
    }

    static Meeting meeting(Map<String, AttributeValue> item) {
        return new Meeting(text(item, "proposal"), LocalDateTime.parse(text(item, "at")), (int) number(item, "minutes"),
                text(item, "note"), text(item, "place"), strings(item, "attendees"));
    }

    static Map<String, AttributeValue> acceptance(String roundId, grants.core.rounds.Acceptance acceptance) {
        Map<String, AttributeValue> item = item(roundId, Keys.acceptance(acceptance.contractId()));
        item.put("contractId", s(acceptance.contractId()));
        item.put("organisation", s(acceptance.organisation()));
        item.put("at", s(acceptance.at().toString()));
        item.put("by", s(acceptance.by()));
        return item;
    }

    static grants.core.rounds.Acceptance acceptance(Map<String, AttributeValue> item) {
        return new grants.core.rounds.Acceptance(text(item, "contractId"), text(item, "organisation"),
                java.time.Instant.parse(text(item, "at")), text(item, "by"));
    }

    static Map<String, AttributeValue> decision(String roundId, ManagerDecision decision) {
        Map<String, AttributeValue> item = item(roundId, Keys.decision(decision.proposal()));
        item.put("proposal", s(decision.proposal()));
        item.put("decision", s(decision.decision().name()));
        item.put("reason", s(decision.reason()));
        item.put("by", s(decision.by()));
        return item;
    }

    static ManagerDecision decision(Map<String, AttributeValue> item) {
        return new ManagerDecision(text(item, "proposal"), ManagerDecision.Decision.valueOf(text(item, "decision")),
                text(item, "reason"), text(item, "by"));
    }

    static Map<String, AttributeValue> contract(String roundId, Contract contract) {
        Map<String, AttributeValue> item = item(roundId, Keys.contract(contract.id()));
        item.put("contractId", s(contract.id()));
        item.put("proposal", s(contract.proposalId()));
        item.put("specification", s(contract.specificationId()));
        item.put("lead", s(contract.leadOrganisation()));
        item.put("annualPence", n(contract.annualPence()));
        item.put("years", n(contract.years()));
        item.put("instalments", AttributeValue.fromL(contract.instalments().stream().map(instalment -> AttributeValue.fromM(Map.of(
                "number", n(instalment.number()), "due", s(instalment.due().toString()), "pence", n(instalment.pence()))))
                .toList()));
        item.put("milestones", AttributeValue.fromL(contract.milestones().stream().map(milestone -> AttributeValue.fromM(Map.of(
                "due", s(milestone.due()), "description", s(milestone.description())))).toList()));
        item.put("outputs", AttributeValue.fromL(contract.outputs().stream().map(output -> AttributeValue.fromM(Map.of(
                "measure", s(output.measure()), "annualTarget", n(output.annualTarget())))).toList()));
        Map<String, AttributeValue> commitments = new HashMap<>();
        contract.crossCuttingCommitments().forEach((theme, text) -> commitments.put(theme, s(text)));
        item.put("crossCuttingCommitments", AttributeValue.fromM(commitments));
        return item;
    }

    /** A contract an earlier publication wrote that a later one no longer holds: kept, never listed. */
    static Map<String, AttributeValue> voided(Map<String, AttributeValue> contract) {
        Map<String, AttributeValue> item = new HashMap<>(contract);
        item.put(VOID, AttributeValue.fromBool(true));
        return item;
    }

    static boolean isVoid(Map<String, AttributeValue> contract) {
        AttributeValue value = contract.get(VOID);
        return value != null && Boolean.TRUE.equals(value.bool());
    }

    static Contract contract(Map<String, AttributeValue> item) {
        List<Instalment> instalments = item.get("instalments").l().stream().map(AttributeValue::m)
                .map(m -> new Instalment(Integer.parseInt(m.get("number").n()), LocalDate.parse(m.get("due").s()),
                        Long.parseLong(m.get("pence").n())))
                .toList();
        List<Proposal.Milestone> milestones = item.get("milestones").l().stream().map(AttributeValue::m)
                .map(m -> new Proposal.Milestone(m.get("due").s(), m.get("description").s())).toList();
        List<Proposal.Output> outputs = item.get("outputs").l().stream().map(AttributeValue::m)
                .map(m -> new Proposal.Output(m.get("measure").s(), Long.parseLong(m.get("annualTarget").n()))).toList();
        Map<String, String> commitments = new TreeMap<>();
        item.get("crossCuttingCommitments").m().forEach((theme, text) -> commitments.put(theme, text.s()));
        return new Contract(text(item, "contractId"), text(item, "proposal"), text(item, "specification"),
                text(item, "lead"), number(item, "annualPence"), (int) number(item, "years"), instalments, milestones,
                outputs, commitments);
    }
}
