package grants.core.rounds;

import grants.core.access.Actor;
import grants.core.access.ForbiddenException;
import grants.core.access.Role;
import grants.core.audit.AuditEntry;
import grants.core.commissioning.Eligibility;
import grants.core.commissioning.Fraction;
import grants.core.commissioning.Moderation;
import grants.core.commissioning.Panel;
import grants.core.commissioning.Proposal;
import grants.core.commissioning.RoundValidator;
import grants.core.commissioning.ScoreSheet;
import grants.core.commissioning.Specification;
import grants.core.errors.ConflictException;
import grants.core.errors.NotFoundException;
import grants.core.errors.Problem;
import grants.core.money.Money;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Proposals and the panels' work on them: a lead organisation proposes until the closing date and
 * sees the gateway's verdict at once (rule C4); a panel member declares interests before seeing any
 * proposal, is kept off every proposal they are conflicted on (C5), scores blind, and moderates.
 */
public final class RoundPanels {

    private final RoundStore store;
    private final RoundService rounds;
    private final Clock clock;

    public RoundPanels(RoundStore store, RoundService rounds, Clock clock) {
        this.store = store;
        this.rounds = rounds;
        this.clock = clock;
    }

    /** A proposal with the gateway's verdict on it: empty when eligible. */
    public record Checked(Proposal proposal, List<Eligibility.Failure> failures) {
    }

    /** A lead organisation's proposal, new or changed, until the closing date. */
    public Checked propose(Actor actor, String roundId, Proposal proposal) {
        if (!actor.proposesFor(proposal.lead())) {
            throw new ForbiddenException("A proposer sends proposals led by their own organisation only.");
        }
        RoundHeader header = rounds.at(roundId, Stage.PROPOSING, "Proposing");
        if (LocalDate.now(clock).isAfter(header.closingDate())) {
            throw new ConflictException("PROPOSALS_CLOSED", "Proposals closed on " + header.closingDate() + ".");
        }
        List<Specification> specifications = store.specifications(roundId);
        List<Problem> problems = RoundValidator.proposalReferences(header.setup(), specifications, proposal, "")
                .stream().map(problem -> new Problem(problem.field().replaceFirst("^\\.", ""), problem.problem())).toList();
        RoundService.refuseIfAny("proposal", problems);
        store.proposals(roundId).stream().filter(other -> other.id().equals(proposal.id()) && !other.lead().equals(proposal.lead()))
                .findFirst().ifPresent(other -> {
                    throw new ConflictException("PROPOSAL_EXISTS", "Proposal id \"" + proposal.id()
                            + "\" is taken by another organisation; choose another.");
                });
        Checked checked = check(header, specifications, proposal);
        AuditEntry entry = AuditEntry.by(actor, clock.instant(), roundId, "PROPOSAL_SENT", "proposal " + proposal.id(),
                null, proposal.lead() + " asks GBP " + Money.format(proposal.annualPence()) + " a year; "
                        + (checked.failures().isEmpty() ? "eligible" : "not eligible: " + checked.failures().stream()
                        .map(Eligibility.Failure::field).collect(java.util.stream.Collectors.joining(", "))));
        if (!store.putProposal(roundId, proposal, entry)) {
            throw RoundService.movedOn(roundId);
        }
        return checked;
    }

    /** Who may read a proposal: its own lead, the manager and auditors, and its panel's unconflicted, declared members. */
    public Checked proposal(Actor actor, String roundId, String proposalId) {
        RoundHeader header = rounds.header(roundId);
        Proposal proposal = find(roundId, proposalId);
        if (!actor.has(Role.PROGRAMME_MANAGER) && !actor.has(Role.AUDITOR) && !actor.proposesFor(proposal.lead())) {
            panelMemberClearedFor(actor, roundId, proposal);
        }
        return check(header, store.specifications(roundId), proposal);
    }

    /** The proposals a caller may read: their organisation's, their panel's (once declared), or all. */
    public List<Checked> proposals(Actor actor, String roundId) {
        RoundHeader header = rounds.header(roundId);
        List<Specification> specifications = store.specifications(roundId);
        Map<String, List<String>> declared = store.declarations(roundId);
        List<Panel> panels = store.panels(roundId);
        return store.proposals(roundId).stream()
                .filter(proposal -> actor.has(Role.PROGRAMME_MANAGER) || actor.has(Role.AUDITOR)
                        || actor.proposesFor(proposal.lead()) || clearedFor(actor, panels, declared, proposal))
                .sorted(java.util.Comparator.comparing(Proposal::id))
                .map(proposal -> check(header, specifications, proposal)).toList();
    }

    /** What a panel member declares against: their panel's proposals by title and organisations, and what they declared. */
    public record ToDeclare(String specification, Optional<List<String>> declared, List<Proposal> proposals) {
    }

    /** The proposals a member may declare an interest in, shown by who leads and partners them, not their content. */
    public ToDeclare toDeclare(Actor actor, String roundId, String memberId) {
        if (!actor.is(Role.PANEL_MEMBER, memberId)) {
            throw new ForbiddenException("A panel member sees their own declaration only.");
        }
        rounds.header(roundId);
        Panel panel = panelOf(roundId, memberId);
        List<Proposal> proposals = store.proposals(roundId).stream()
                .filter(p -> p.specification().equals(panel.specification()))
                .sorted(java.util.Comparator.comparing(Proposal::id)).toList();
        return new ToDeclare(panel.specification(), Optional.ofNullable(store.declarations(roundId).get(memberId)), proposals);
    }

    /** A panel member's interests, declared once, before they see any proposal. */
    public List<String> declare(Actor actor, String roundId, String memberId, List<String> interests) {
        if (!actor.is(Role.PANEL_MEMBER, memberId)) {
            throw new ForbiddenException("A panel member declares their own interests only.");
        }
        RoundHeader header = rounds.header(roundId);
        if (header.stage() != Stage.PROPOSING && header.stage() != Stage.SCORING) {
            throw new ConflictException("WRONG_STAGE", "Interests are declared once proposals are invited and"
                    + " before scoring ends; round \"" + roundId + "\" is " + header.stage().name().toLowerCase() + ".");
        }
        Panel panel = panelOf(roundId, memberId);
        List<Problem> problems = new ArrayList<>();
        List<Proposal> proposals = store.proposals(roundId);
        for (int i = 0; i < interests.size(); i++) {
            String interest = interests.get(i);
            if (proposals.stream().noneMatch(p -> p.id().equals(interest))) {
                problems.add(new Problem("interests[" + i + "]", "\"" + interest + "\" is not a proposal of the round"));
            }
        }
        RoundService.refuseIfAny("declaration", problems);
        AuditEntry entry = AuditEntry.by(actor, clock.instant(), roundId, "INTERESTS_DECLARED", "panel member " + memberId,
                null, interests.isEmpty() ? "no interests" : String.join(", ", interests));
        if (!store.declare(roundId, panel.specification(), memberId, interests, entry)) {
            throw new ConflictException("ALREADY_DECLARED", "Panel member \"" + memberId + "\" has declared their"
                    + " interests already; ask the programme manager if they must change.");
        }
        return interests;
    }

    /**
     * A panel member's score of a proposal, once. A conflicted member's score is refused, and kept
     * only to be counted as refused (rule C5); a score of an ineligible proposal is refused too.
     */
    public Fraction score(Actor actor, String roundId, ScoreSheet sheet) {
        if (!actor.is(Role.PANEL_MEMBER, sheet.member())) {
            throw new ForbiddenException("A panel member submits their own scores only.");
        }
        RoundHeader header = rounds.at(roundId, Stage.SCORING, "Scoring");
        Proposal proposal = find(roundId, sheet.proposal());
        Panel.Member member = panelMemberClearedFor(actor, roundId, proposal, sheet);
        RoundService.refuseIfAny("score", RoundValidator.criteriaProblems(header.setup(), sheet.criteria(), "criteria"));
        Specification specification = specification(roundId, proposal.specification());
        if (!Eligibility.failures(header.setup(), specification, proposal).isEmpty()) {
            throw new ConflictException("PROPOSAL_INELIGIBLE", "Proposal \"" + proposal.id() + "\" failed the eligibility"
                    + " gateway and is not scored.");
        }
        AuditEntry entry = AuditEntry.by(actor, clock.instant(), roundId, "SCORE_SUBMITTED", "proposal " + proposal.id(),
                null, "scored by " + member.id());
        if (!store.putScore(roundId, sheet, entry)) {
            throw new ConflictException("ALREADY_SCORED", "Panel member \"" + member.id() + "\" has scored proposal \""
                    + proposal.id() + "\" already; a score is final once submitted.");
        }
        return sheet.score(header.setup());
    }

    /** Counted scores of a proposal: to a panel member only once they have submitted their own (blind scoring). */
    public List<ScoreSheet> scores(Actor actor, String roundId, String proposalId) {
        Proposal proposal = find(roundId, proposalId);
        List<ScoreSheet> scores = store.scores(roundId).stream().filter(s -> s.proposal().equals(proposalId))
                .sorted(java.util.Comparator.comparing(ScoreSheet::member)).toList();
        if (actor.has(Role.PROGRAMME_MANAGER) || actor.has(Role.AUDITOR)) {
            return scores;
        }
        Panel.Member member = panelMemberClearedFor(actor, roundId, proposal);
        if (scores.stream().noneMatch(s -> s.member().equals(member.id()))) {
            throw new ForbiddenException("Scoring is blind: you see the other scores of \"" + proposalId
                    + "\" once you have submitted yours.");
        }
        return scores;
    }

    /** The panel's agreed score where its members disagreed widely (rule C8), by an unconflicted member, with why. */
    public Moderation moderate(Actor actor, String roundId, Moderation moderation) {
        if (!actor.is(Role.PANEL_MEMBER, moderation.by())) {
            throw new ForbiddenException("A panel member records moderations in their own name only.");
        }
        rounds.at(roundId, Stage.SCORING, "Moderation");
        Proposal proposal = find(roundId, moderation.proposal());
        panelMemberClearedFor(actor, roundId, proposal);
        if (!moderation.score().isBetweenZeroAndOne()) {
            RoundService.refuseIfAny("moderation", List.of(new Problem("score", "must be from 0 to 1")));
        }
        AuditEntry entry = AuditEntry.by(actor, clock.instant(), roundId, "SCORE_MODERATED", "proposal "
                + moderation.proposal(), null, moderation.score().format() + " by " + moderation.by() + ": "
                + moderation.reason());
        if (!store.putModeration(roundId, moderation, entry)) {
            throw new ConflictException("ALREADY_MODERATED", "Proposal \"" + moderation.proposal()
                    + "\" has a moderation record already.");
        }
        return moderation;
    }

    /** Schedules (or notes) a panel's meeting with a proposal's proposers. */
    public Meeting meet(Actor actor, String roundId, Meeting meeting) {
        RoundHeader header = rounds.header(roundId);
        if (header.stage() != Stage.SCORING) {
            throw new ConflictException("WRONG_STAGE", "Panels meet proposers while scoring; round \"" + roundId
                    + "\" is " + header.stage().name().toLowerCase() + ".");
        }
        Proposal proposal = find(roundId, meeting.proposal());
        if (!actor.has(Role.PROGRAMME_MANAGER)) {
            panelMemberClearedFor(actor, roundId, proposal);
        }
        store.putMeeting(roundId, meeting);
        return meeting;
    }

    public List<Meeting> meetings(String roundId) {
        return store.meetings(roundId);
    }

    private Panel.Member panelMemberClearedFor(Actor actor, String roundId, Proposal proposal) {
        return panelMemberClearedFor(actor, roundId, proposal, null);
    }

    /**
     * The caller as a member of the proposal's panel who has declared and is not conflicted; a
     * conflicted member's score, if they were sending one, is kept to be counted as refused.
     */
    private Panel.Member panelMemberClearedFor(Actor actor, String roundId, Proposal proposal, ScoreSheet attempted) {
        Panel panel = store.panels(roundId).stream().filter(p -> p.specification().equals(proposal.specification()))
                .findFirst().orElseThrow(() -> new ForbiddenException("No panel scores \"" + proposal.id() + "\" yet."));
        Panel.Member member = panel.members().stream().filter(m -> actor.is(Role.PANEL_MEMBER, m.id())).findFirst()
                .orElseThrow(() -> new ForbiddenException("Only the members of the panel for \""
                        + proposal.specification() + "\" see its proposals."));
        List<String> interests = store.declarations(roundId).get(member.id());
        if (interests == null) {
            throw new ForbiddenException("Declare your interests first: you see no proposal before you have.");
        }
        Panel.Member declared = new Panel.Member(member.id(), member.name(), member.organisation(), interests);
        if (declared.isConflictedOn(proposal)) {
            if (attempted != null) {
                store.recordRefusedScore(roundId, attempted, AuditEntry.by(actor, clock.instant(), roundId,
                        "SCORE_REFUSED", "proposal " + proposal.id(), null, "score by " + member.id()
                        + " refused: conflict of interest (counted as refused, rule C5)"));
            }
            throw new ForbiddenException("You have a conflict of interest in \"" + proposal.id() + "\" ("
                    + (interests.contains(proposal.id()) ? "you declared one" : "your organisation leads or partners it")
                    + "): you do not see it, and your score would not count.");
        }
        return declared;
    }

    private static boolean clearedFor(Actor actor, List<Panel> panels, Map<String, List<String>> declared, Proposal proposal) {
        return panels.stream().filter(p -> p.specification().equals(proposal.specification()))
                .flatMap(p -> p.members().stream())
                .filter(m -> actor.is(Role.PANEL_MEMBER, m.id()) && declared.containsKey(m.id()))
                .anyMatch(m -> !new Panel.Member(m.id(), m.name(), m.organisation(), declared.get(m.id()))
                        .isConflictedOn(proposal));
    }

    private Panel panelOf(String roundId, String memberId) {
        return store.panels(roundId).stream().filter(p -> p.member(memberId).isPresent()).findFirst()
                .orElseThrow(() -> new NotFoundException("\"" + memberId + "\" is on no panel of round \"" + roundId + "\"."));
    }

    private Proposal find(String roundId, String proposalId) {
        return store.proposals(roundId).stream().filter(p -> p.id().equals(proposalId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Round \"" + roundId + "\" has no proposal \"" + proposalId + "\"."));
    }

    private Specification specification(String roundId, String id) {
        return store.specifications(roundId).stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private static Checked check(RoundHeader header, List<Specification> specifications, Proposal proposal) {
        Specification specification = specifications.stream().filter(s -> s.id().equals(proposal.specification()))
                .findFirst().orElse(null);
        return new Checked(proposal, Eligibility.failures(header.setup(), specification, proposal));
    }
}
