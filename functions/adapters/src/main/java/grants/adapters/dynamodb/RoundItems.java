package grants.adapters.dynamodb;

import grants.core.commissioning.Ballot;
import grants.core.commissioning.Contract;
import grants.core.commissioning.Fraction;
import grants.core.commissioning.Instalment;
import grants.core.commissioning.ManagerDecision;
import grants.core.commissioning.Moderation;
import grants.core.commissioning.Panel;
import grants.core.commissioning.Proposal;
import grants.core.commissioning.ScoreSheet;
import grants.core.commissioning.Specification;
import grants.core.rounds.Meeting;
import grants.core.rounds.RecordedModeration;
import grants.core.rounds.RoundHeader;
import grants.core.rounds.Stage;
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
 * A round's records to and from their items: the storage format, apart from the API's (the round
 * document's JSON is never stored). Each record's fields are attributes of its own; money is whole
 * pence in number attributes, scores and thresholds exact fractions (see {@link RoundAttributes}).
 */
final class RoundItems {

    /** 2: the set-up, specifications, panels and proposals as attributes (1 kept them as the round document's JSON). */
    static final int SCHEMA_VERSION = 2;
    private static final String VOID = "void";
    private static final String SETUP = "setup";
    private static final String MEMBERS = "members";

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
        item.put(SETUP, RoundAttributes.setup(header.setup()));
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
        return new RoundHeader(RoundAttributes.setup(stored(item, SETUP)), Stage.valueOf(text(item, "stage")),
                strings(item, "selected"), text(item, "tieNote"), closing == null ? null : LocalDate.parse(closing),
                strings(item, "publishedSpecifications"));
    }

    /** The set-up as written: the condition of a write that must not overwrite a set-up changed meanwhile. */
    static AttributeValue setupOf(RoundHeader header) {
        return RoundAttributes.setup(header.setup());
    }

    /** A specification; its priority ({@code issue}) is its owner, which a replacing write is conditional on. */
    static Map<String, AttributeValue> specification(String roundId, Specification specification) {
        Map<String, AttributeValue> item = item(roundId, Keys.specification(specification.id()));
        item.put("specificationId", s(specification.id()));
        item.put("issue", s(specification.issue()));
        item.put("outcome", s(specification.outcome()));
        item.put("indicators", strings(specification.indicators()));
        item.put("maxAnnualPence", n(specification.maxAnnualPence()));
        RoundAttributes.putText(item, "subGroup", specification.subGroup());
        return item;
    }

    static Specification specification(Map<String, AttributeValue> item) {
        stored(item, "specificationId");
        return new Specification(text(item, "specificationId"), text(item, "issue"), text(item, "outcome"),
                strings(item, "indicators"), number(item, "maxAnnualPence"), text(item, "subGroup"));
    }

    /** A panel; adding a member is conditional on {@code members} as the use case read them. */
    static Map<String, AttributeValue> panel(String roundId, Panel panel) {
        Map<String, AttributeValue> item = item(roundId, Keys.panel(panel.specification()));
        item.put("specification", s(panel.specification()));
        item.put(MEMBERS, membersOf(panel));
        return item;
    }

    static AttributeValue membersOf(Panel panel) {
        return RoundAttributes.list(panel.members(), member -> Map.of("id", s(member.id()), "name", s(member.name()),
                "organisation", s(member.organisation()), "interests", strings(member.interests())));
    }

    static Panel panel(Map<String, AttributeValue> item) {
        stored(item, MEMBERS);
        return new Panel(text(item, "specification"), RoundAttributes.list(item, MEMBERS, m -> new Panel.Member(
                text(m, "id"), text(m, "name"), text(m, "organisation"), strings(m, "interests"))));
    }

    /** A proposal; its {@code lead} is its owner, which a replacing write is conditional on. */
    static Map<String, AttributeValue> proposal(String roundId, Proposal proposal) {
        Map<String, AttributeValue> item = item(roundId, Keys.proposal(proposal.id()));
        item.put("proposalId", s(proposal.id()));
        item.put("specification", s(proposal.specification()));
        item.put("title", s(proposal.title()));
        item.put("lead", s(proposal.lead()));
        item.put("partners", strings(proposal.partners()));
        item.put("annualPence", n(proposal.annualPence()));
        RoundAttributes.putText(item, "evaluationPlan", proposal.evaluationPlan());
        if (proposal.sponsor() != null) {
            Map<String, AttributeValue> sponsor = new HashMap<>(Map.of("organisation", s(proposal.sponsor().organisation())));
            RoundAttributes.putText(sponsor, "commitment", proposal.sponsor().commitment());
            item.put("sponsor", AttributeValue.fromM(sponsor));
        }
        item.put("clientGroupConsulted", AttributeValue.fromBool(proposal.clientGroupConsulted()));
        item.put("clientGroupSeats", n(proposal.clientGroupSeats()));
        item.put("crossCutting", RoundAttributes.texts(proposal.crossCutting()));
        item.put("milestones", RoundAttributes.milestones(proposal.milestones()));
        item.put("outputs", RoundAttributes.outputs(proposal.outputs()));
        return item;
    }

    static Proposal proposal(Map<String, AttributeValue> item) {
        stored(item, "proposalId");
        AttributeValue sponsor = item.get("sponsor");
        return new Proposal(text(item, "proposalId"), text(item, "specification"), text(item, "title"), text(item, "lead"),
                strings(item, "partners"), number(item, "annualPence"), text(item, "evaluationPlan"),
                sponsor == null ? null : new Proposal.Sponsor(text(sponsor.m(), "organisation"),
                        text(sponsor.m(), "commitment")),
                Boolean.TRUE.equals(item.get("clientGroupConsulted").bool()), (int) number(item, "clientGroupSeats"),
                RoundAttributes.texts(item, "crossCutting"), RoundAttributes.milestones(item), RoundAttributes.outputs(item));
    }

    /**
     * The attribute a record of this schema always has. An item of schema 1 (the round document's JSON in
     * {@code document} or {@code setup}) has not: it is refused by name rather than read as empty.
     */
    private static AttributeValue stored(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        AttributeValue setup = item.get(SETUP);
        boolean schema1 = item.containsKey("document") || setup != null && setup.s() != null;
        if (value == null || schema1) {
            throw new IllegalStateException("The item " + text(item, GrantsTable.SK) + " of " + text(item, GrantsTable.PK)
                    + " has no \"" + name + "\" of its own: it was stored before schemaVersion " + SCHEMA_VERSION
                    + ", as the round document's JSON, which is not read.");
        }
        return value;
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

    /** A moderated score is kept exactly, as a fraction. */
    static Map<String, AttributeValue> moderation(String roundId, Moderation moderation) {
        Map<String, AttributeValue> item = item(roundId, Keys.moderation(moderation.proposal()));
        item.put("proposal", s(moderation.proposal()));
        item.put("score", RoundAttributes.fraction(moderation.score()));
        item.put("by", s(moderation.by()));
        item.put("reason", s(moderation.reason()));
        return item;
    }

    /** A moderation and who confirmed it ({@code confirmedBy} is absent while it is pending). */
    static RecordedModeration moderation(Map<String, AttributeValue> item) {
        AttributeValue score = item.get("score");
        // Schema 1 kept the decimal it was given in (at most 4 places), which is as exact.
        Fraction exact = score.s() != null ? Fraction.ofDecimal(new BigDecimal(score.s())) : RoundAttributes.fraction(score);
        return new RecordedModeration(new Moderation(text(item, "proposal"), exact, text(item, "by"), text(item, "reason")),
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
        item.put("instalments", RoundAttributes.list(contract.instalments(), instalment -> Map.of(
                "number", n(instalment.number()), "due", s(instalment.due().toString()), "pence", n(instalment.pence()))));
        item.put("milestones", RoundAttributes.milestones(contract.milestones()));
        item.put("outputs", RoundAttributes.outputs(contract.outputs()));
        item.put("crossCuttingCommitments", RoundAttributes.texts(contract.crossCuttingCommitments()));
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
        List<Instalment> instalments = RoundAttributes.list(item, "instalments", m -> new Instalment(
                (int) number(m, "number"), LocalDate.parse(text(m, "due")), number(m, "pence")));
        return new Contract(text(item, "contractId"), text(item, "proposal"), text(item, "specification"),
                text(item, "lead"), number(item, "annualPence"), (int) number(item, "years"), instalments,
                RoundAttributes.milestones(item), RoundAttributes.outputs(item),
                RoundAttributes.texts(item, "crossCuttingCommitments"));
    }
}
