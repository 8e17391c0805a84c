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
import grants.core.commissioning.RoundSetup;
import grants.core.commissioning.RoundValidator;
import grants.core.commissioning.ScoreSheet;
import grants.core.commissioning.Specification;
import grants.core.errors.ConflictException;
import grants.core.errors.NotFoundException;
import grants.core.errors.Problem;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Proposals and the panels' work on them: a lead organisation proposes until the closing date and
 * sees the gateway's verdict at once (rule C4); a panel member declares their interests against each
 * proposal before they can open it (a proposal that arrives later is declared against when it does),
 * is kept off every proposal they are conflicted on (C5), scores blind, and moderates.
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

    /** A proposal as sent, with the gateway's verdict, and the proposal it replaced (empty when new). */
    public record Sent(Checked checked, Optional<Proposal> before) {
    }

    /**
     * A lead organisation's proposal, new or changed, until the closing date. A proposal id belongs
     * to the organisation that first sent it: the store writes it only if no proposal has the id or
     * the one that has it has the same lead, so a racing organisation cannot take it over.
     */
    public Sent propose(Actor actor, String roundId, Proposal proposal) {
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
        Optional<Proposal> before = store.proposals(roundId).stream().filter(other -> other.id().equals(proposal.id()))
                .findFirst();
        if (before.filter(other -> !other.lead().equals(proposal.lead())).isPresent()) {
            throw proposalIdTaken(proposal);
        }
        Checked checked = check(header, specifications, proposal);
        AuditEntry entry = AuditEntry.by(actor, clock.instant(), roundId, "PROPOSAL_SENT", "proposal " + proposal.id(),
                before.map(AuditedAs::proposal).orElse(null), AuditedAs.proposal(proposal) + "; "
                        + (checked.failures().isEmpty() ? "eligible" : "not eligible: " + checked.failures().stream()
                        .map(Eligibility.Failure::field).collect(java.util.stream.Collectors.joining(", "))));
        if (!store.putProposal(roundId, proposal, entry)) {
            if (rounds.header(roundId).stage() != Stage.PROPOSING) {
                throw RoundService.movedOn(roundId);
            }
            throw proposalIdTaken(proposal); // another organisation sent this id first, meanwhile
        }
        return new Sent(checked, before);
    }

    private static ConflictException proposalIdTaken(Proposal proposal) {
        return new ConflictException("PROPOSAL_EXISTS", "Proposal id \"" + proposal.id()
                + "\" is taken by another organisation; choose another.");
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

    /** The proposals a caller may read: their organisation's, their panel's (each once declared against), or all. */
    public List<Checked> proposals(Actor actor, String roundId) {
        RoundHeader header = rounds.header(roundId);
        List<Specification> specifications = store.specifications(roundId);
        Declared declared = declared(roundId);
        List<Panel> panels = store.panels(roundId);
        return store.proposals(roundId).stream()
                .filter(proposal -> actor.has(Role.PROGRAMME_MANAGER) || actor.has(Role.AUDITOR)
                        || actor.proposesFor(proposal.lead()) || clearedFor(actor, panels, declared, proposal))
                .sorted(java.util.Comparator.comparing(Proposal::id))
                .map(proposal -> check(header, specifications, proposal)).toList();
    }

    /**
     * What a panel member declares against: their panel's proposals by title and organisations, what
     * they declared, and the proposals they have still to declare against (before they may open them).
     */
    public record ToDeclare(String specification, Optional<List<String>> declared, List<Proposal> proposals,
                            List<String> awaiting) {
    }

    /** At most this many proposals are declared against at once: one store transaction holds them and the audit entry. */
    public static final int MOST_AT_ONCE = 99;

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
        java.util.Set<String> against = store.declaredAgainst(roundId).getOrDefault(memberId, java.util.Set.of());
        return new ToDeclare(panel.specification(), Optional.ofNullable(store.declarations(roundId).get(memberId)), proposals,
                proposals.stream().map(Proposal::id).filter(id -> !against.contains(id)).toList());
    }

    /**
     * A panel member's interests, declared against every proposal of their panel they have not yet
     * declared against: the interests they name, and no interest in the rest.
     */
    public List<String> declare(Actor actor, String roundId, String memberId, List<String> interests) {
        return declare(actor, roundId, memberId, Optional.empty(), interests);
    }

    /**
     * A panel member's declaration against {@code against} (when given: the proposals they were shown;
     * otherwise every proposal of their panel not yet declared against), with their interests among
     * them. Each proposal is declared against once, before the member may open it; an interest found
     * later is the manager's to record ({@link LateInterests}).
     */
    public List<String> declare(Actor actor, String roundId, String memberId, Optional<List<String>> against,
                                List<String> interests) {
        if (!actor.is(Role.PANEL_MEMBER, memberId)) {
            throw new ForbiddenException("A panel member declares their own interests only.");
        }
        RoundHeader header = rounds.header(roundId);
        Panel panel = panelOf(roundId, memberId);
        // After scoring, a member added to a panel left below quorum declares before scoring what waits for them.
        boolean waiting = header.stage().compareTo(Stage.SCORING) > 0 && !header.isPublished(panel.specification());
        if (header.stage() != Stage.PROPOSING && header.stage() != Stage.SCORING && !waiting) {
            throw new ConflictException("WRONG_STAGE", "Interests are declared once proposals are invited and"
                    + " before scoring ends; round \"" + roundId + "\" is " + header.stage().name().toLowerCase() + ".");
        }
        List<Problem> problems = new ArrayList<>();
        List<Proposal> proposals = store.proposals(roundId);
        java.util.Set<String> before = store.declaredAgainst(roundId).getOrDefault(memberId, java.util.Set.of());
        List<String> panelsOwn = proposals.stream().filter(p -> p.specification().equals(panel.specification()))
                .map(Proposal::id).sorted().toList();
        List<String> answering = against.orElseGet(() -> panelsOwn.stream().filter(id -> !before.contains(id))
                .limit(MOST_AT_ONCE).toList());
        for (int i = 0; i < answering.size(); i++) {
            String proposal = answering.get(i);
            if (answering.subList(0, i).contains(proposal)) {
                problems.add(new Problem("proposals[" + i + "]", "\"" + proposal + "\" is named twice"));
            } else if (!panelsOwn.contains(proposal)) {
                problems.add(new Problem("proposals[" + i + "]", "\"" + proposal + "\" is not a proposal before your panel"));
            } else if (before.contains(proposal)) {
                problems.add(new Problem("proposals[" + i + "]", "you declared against \"" + proposal + "\" already;"
                        + " ask the programme manager to record an interest found since"));
            }
        }
        if (answering.size() > MOST_AT_ONCE) {
            problems.add(new Problem("proposals", "at most " + MOST_AT_ONCE + " at once, got " + answering.size()));
        }
        for (int i = 0; i < interests.size(); i++) {
            String interest = interests.get(i);
            if (proposals.stream().noneMatch(p -> p.id().equals(interest))) {
                problems.add(new Problem("interests[" + i + "]", "\"" + interest + "\" is not a proposal of the round"));
            } else if (!answering.contains(interest)) {
                problems.add(new Problem("interests[" + i + "]", "\"" + interest + "\" is not among the proposals"
                        + " declared against now" + (before.contains(interest) ? " (you declared against it already;"
                        + " ask the programme manager to record an interest found since)" : "")));
            }
        }
        RoundService.refuseIfAny("declaration", problems);
        if (answering.isEmpty() && before.isEmpty() && interests.isEmpty()) {
            return interests; // a panel with no proposals yet: nothing to declare against
        }
        if (answering.isEmpty()) {
            throw new ConflictException("ALREADY_DECLARED", "Panel member \"" + memberId + "\" has declared against"
                    + " every proposal before their panel; ask the programme manager if an interest must be added.");
        }
        AuditEntry entry = AuditEntry.by(actor, clock.instant(), roundId, "INTERESTS_DECLARED", "panel member " + memberId,
                null, "against " + String.join(", ", answering) + ": "
                        + (interests.isEmpty() ? "no interests" : "interests in " + String.join(", ", interests)));
        if (!store.declare(roundId, panel.specification(), memberId, answering, interests, entry)) {
            throw new ConflictException("ALREADY_DECLARED", "Panel member \"" + memberId + "\" declared against some of "
                    + String.join(", ", answering) + " meanwhile; nothing was changed. Reload and declare again.");
        }
        return interests;
    }

    /**
     * A panel member's score of a proposal, once. A conflicted member's score is refused, and kept
     * only to be counted as refused (rule C5); a score of an ineligible proposal is refused too.
     */
    public Fraction score(Actor actor, String roundId, ScoreSheet sheet) {
        OwnStep own = ownStep(actor, roundId, sheet.member(), sheet.proposal(), "Scoring",
                "A panel member submits their own scores only.", sheet);
        RoundHeader header = own.header();
        Proposal proposal = own.proposal();
        Panel.Member member = own.member();
        if (header.stage() != Stage.SCORING && countedScores(roundId, proposal).size() >= header.setup().panelQuorum()) {
            throw new ConflictException("WRONG_STAGE", "Scoring has closed; after it a score is taken only for a"
                    + " proposal still below quorum, and \"" + proposal.id() + "\" has its quorum.");
        }
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

    /**
     * The panel's agreed score where its members disagreed widely (rule C8). Accepted only while the
     * proposal needs one (quorum reached and the counted scores further apart than the spread), from
     * a member of its panel who scored it and is not conflicted; it is pending, shown to the panel,
     * and takes effect only once the manager or a second such member confirms it.
     */
    public RecordedModeration moderate(Actor actor, String roundId, Moderation moderation) {
        OwnStep own = ownStep(actor, roundId, moderation.by(), moderation.proposal(), "Moderation",
                "A panel member records moderations in their own name only.", null);
        if (!moderation.score().isBetweenZeroAndOne()) {
            RoundService.refuseIfAny("moderation", List.of(new Problem("score", "must be from 0 to 1")));
        }
        List<ScoreSheet> counted = countedScores(roundId, own.proposal());
        mustNeedModeration(own.header(), own.proposal(), counted);
        mustHaveScored(own.member(), own.proposal(), counted, "records a moderation");
        AuditEntry entry = AuditEntry.by(actor, clock.instant(), roundId, "SCORE_MODERATED", "proposal "
                + moderation.proposal(), null, moderation.score().format() + " by " + moderation.by() + ": "
                + moderation.reason() + " (pending confirmation)");
        if (!store.putModeration(roundId, moderation, entry)) {
            throw new ConflictException("ALREADY_MODERATED", "Proposal \"" + moderation.proposal()
                    + "\" has a moderation record already.");
        }
        return RecordedModeration.pending(moderation);
    }

    /**
     * Confirms a proposal's pending moderation: by the programme manager, or by a second member of
     * its panel (not the one who recorded it) who scored it and is not conflicted.
     */
    public RecordedModeration confirmModeration(Actor actor, String roundId, String proposalId) {
        RoundHeader header = scoresTaken(roundId, "Confirming a moderation");
        Proposal proposal = find(roundId, proposalId);
        RecordedModeration recorded = store.moderations(roundId).stream()
                .filter(m -> m.moderation().proposal().equals(proposalId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Proposal \"" + proposalId + "\" has no moderation to confirm."));
        if (recorded.confirmed()) {
            throw new ConflictException("ALREADY_CONFIRMED", "The moderation of \"" + proposalId + "\" was confirmed by "
                    + recorded.confirmedBy() + " already.");
        }
        if (actor.is(Role.PANEL_MEMBER, recorded.moderation().by())) {
            throw new ForbiddenException("A moderation is confirmed by the programme manager or a second panel member,"
                    + " never by the member who recorded it.");
        }
        List<ScoreSheet> counted = countedScores(roundId, proposal);
        String confirmedBy;
        if (actor.has(Role.PROGRAMME_MANAGER)) {
            confirmedBy = actor.name();
        } else {
            Panel.Member member = panelMemberClearedFor(actor, roundId, proposal);
            mustHaveScored(member, proposal, counted, "confirms a moderation");
            confirmedBy = member.id();
        }
        mustNeedModeration(header, proposal, counted);
        Moderation moderation = recorded.moderation();
        AuditEntry entry = AuditEntry.by(actor, clock.instant(), roundId, "MODERATION_CONFIRMED", "proposal " + proposalId,
                moderation.score().format() + " by " + moderation.by() + ", pending",
                moderation.score().format() + " by " + moderation.by() + ", confirmed by " + confirmedBy);
        if (!store.confirmModeration(roundId, proposalId, confirmedBy, entry)) {
            throw new ConflictException("ALREADY_CONFIRMED", "The moderation of \"" + proposalId
                    + "\" was confirmed meanwhile, or scoring closed; reload it.");
        }
        return new RecordedModeration(recorded.moderation(), confirmedBy);
    }

    /** A proposal's moderation, pending or confirmed, to those who may see its scores. */
    public Optional<RecordedModeration> moderation(Actor actor, String roundId, String proposalId) {
        scores(actor, roundId, proposalId); // the same clearance, and blind until their own score is in
        return store.moderations(roundId).stream().filter(m -> m.moderation().proposal().equals(proposalId)).findFirst();
    }

    /**
     * Rule C8 as the panel's page shows it: the counted scores' lowest and highest, the spread the
     * round allows, whether a moderation is needed, and the members who may record it (those counted).
     */
    public record Spread(Fraction lowest, Fraction highest, Fraction allowed, boolean needsModeration,
                         List<String> mayModerate) {
        public Spread {
            mayModerate = List.copyOf(mayModerate);
        }
    }

    /** The spread of a proposal's counted scores, to those who may see its scores; empty before any is counted. */
    public Optional<Spread> spread(Actor actor, String roundId, String proposalId) {
        scores(actor, roundId, proposalId); // the same clearance, and blind until their own score is in
        RoundSetup setup = rounds.header(roundId).setup();
        List<ScoreSheet> counted = countedScores(roundId, find(roundId, proposalId));
        if (counted.isEmpty()) {
            return Optional.empty();
        }
        List<Fraction> scores = counted.stream().map(sheet -> sheet.score(setup)).toList();
        Fraction lowest = scores.stream().min(java.util.Comparator.naturalOrder()).orElseThrow();
        Fraction highest = scores.stream().max(java.util.Comparator.naturalOrder()).orElseThrow();
        boolean needed = counted.size() >= setup.panelQuorum()
                && highest.minus(lowest).compareTo(setup.moderationSpread()) > 0;
        return Optional.of(new Spread(lowest, highest, setup.moderationSpread(), needed,
                counted.stream().map(ScoreSheet::member).sorted().toList()));
    }

    /** The scores the rules count for a proposal: its panel's members who are not conflicted on it (rule C5). */
    /**
     * Scores and moderations are taken while scoring and, after it, only for a proposal still
     * undecided (the callers check that): its specification waits for them (rule C10), so a round
     * is never stuck on a proposal that was short of scores or moderation when it was decided.
     */
    private RoundHeader scoresTaken(String roundId, String what) {
        RoundHeader header = rounds.header(roundId);
        if (header.stage().compareTo(Stage.SCORING) < 0) {
            return rounds.at(roundId, Stage.SCORING, what);
        }
        return header;
    }

    /** The same, to the programme manager, an auditor or the specification's own sub-group. */
    public PanelCheck panelCheck(Actor actor, String roundId, String specificationId) {
        if (!actor.has(Role.PROGRAMME_MANAGER) && !actor.has(Role.AUDITOR)) {
            Specification specification = specification(roundId, specificationId);
            if (!actor.is(Role.SUB_GROUP, specification.issue())) {
                throw new ForbiddenException("A sub-group sees the panel of its own specification only.");
            }
        }
        return panelCheck(roundId, specificationId);
    }

    /** A specification's panel as its page shows it: below quorum (and by how many), and its mix. */
    public PanelCheck panelCheck(String roundId, String specificationId) {
        RoundHeader header = rounds.header(roundId);
        Panel panel = store.panels(roundId).stream().filter(p -> p.specification().equals(specificationId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Specification \"" + specificationId + "\" has no panel yet."));
        return PanelCheck.of(header.setup(), panel, store.proposals(roundId), store.declarations(roundId));
    }

    private List<ScoreSheet> countedScores(String roundId, Proposal proposal) {
        Map<String, List<String>> declared = store.declarations(roundId);
        Optional<Panel> panel = store.panels(roundId).stream()
                .filter(p -> p.specification().equals(proposal.specification())).findFirst();
        return store.scores(roundId).stream().filter(sheet -> sheet.proposal().equals(proposal.id()))
                .filter(sheet -> panel.flatMap(p -> p.member(sheet.member()))
                        .map(m -> new Panel.Member(m.id(), m.name(), m.organisation(),
                                declared.getOrDefault(m.id(), List.of())))
                        .filter(m -> !m.isConflictedOn(proposal)).isPresent())
                .toList();
    }

    private static void mustHaveScored(Panel.Member member, Proposal proposal, List<ScoreSheet> counted, String what) {
        if (counted.stream().noneMatch(sheet -> sheet.member().equals(member.id()))) {
            throw new ForbiddenException("Only a panel member who has scored \"" + proposal.id() + "\" " + what
                    + " on it; submit your score first.");
        }
    }

    /** Rule C8: a moderation only where quorum is reached (C7) and the counted scores differ by more than the spread. */
    private static void mustNeedModeration(RoundHeader header, Proposal proposal, List<ScoreSheet> counted) {
        RoundSetup setup = header.setup();
        if (counted.size() < setup.panelQuorum()) {
            throw new ConflictException("MODERATION_NOT_NEEDED", "Proposal \"" + proposal.id() + "\" has "
                    + counted.size() + " counted score" + (counted.size() == 1 ? "" : "s") + " and " + setup.panelQuorum()
                    + " are needed: a moderation comes only once quorum is reached and the scores differ widely.");
        }
        List<Fraction> scores = counted.stream().map(sheet -> sheet.score(setup)).toList();
        Fraction lowest = scores.stream().min(java.util.Comparator.naturalOrder()).orElseThrow();
        Fraction highest = scores.stream().max(java.util.Comparator.naturalOrder()).orElseThrow();
        if (highest.minus(lowest).compareTo(setup.moderationSpread()) <= 0) {
            throw new ConflictException("MODERATION_NOT_NEEDED", "The panel's scores of \"" + proposal.id()
                    + "\" range from " + lowest.format() + " to " + highest.format() + ", within the "
                    + setup.moderationSpread().format() + " allowed: its final score is their mean, and no moderation"
                    + " replaces it.");
        }
    }

    /**
     * Schedules (or notes) a panel's meeting with a proposal's proposers, by the manager or a member
     * cleared to read the proposal. A meeting's notes, once written, are never overwritten.
     */
    public Replaced<Meeting> meet(Actor actor, String roundId, Meeting meeting) {
        RoundHeader header = rounds.header(roundId);
        if (header.stage() != Stage.SCORING) {
            throw new ConflictException("WRONG_STAGE", "Panels meet proposers while scoring; round \"" + roundId
                    + "\" is " + header.stage().name().toLowerCase() + ".");
        }
        Proposal proposal = find(roundId, meeting.proposal());
        if (!actor.has(Role.PROGRAMME_MANAGER)) {
            panelMemberClearedFor(actor, roundId, proposal);
        }
        Optional<Meeting> before = store.meetings(roundId).stream()
                .filter(m -> m.proposal().equals(meeting.proposal()) && m.at().equals(meeting.at())).findFirst();
        AuditEntry entry = AuditEntry.by(actor, clock.instant(), roundId, "MEETING_NOTED", "proposal " + meeting.proposal(),
                before.map(AuditedAs::meeting).orElse(null), AuditedAs.meeting(meeting));
        if (!store.putMeeting(roundId, meeting, entry)) {
            throw new ConflictException("MEETING_NOTED", "The meeting on \"" + meeting.proposal() + "\" at "
                    + meeting.at() + " has its notes already; notes are never overwritten: add a meeting at another time.");
        }
        return new Replaced<>(before, meeting);
    }

    /**
     * The meetings a caller may see: all for the manager and auditors; for a panel member, those on
     * proposals they are cleared to read (on its panel, declared, not conflicted).
     */
    public List<Meeting> meetings(Actor actor, String roundId) {
        rounds.header(roundId);
        if (actor.has(Role.PROGRAMME_MANAGER) || actor.has(Role.AUDITOR)) {
            return store.meetings(roundId);
        }
        Declared declared = declared(roundId);
        List<Panel> panels = store.panels(roundId);
        Map<String, Proposal> proposals = new java.util.HashMap<>();
        store.proposals(roundId).forEach(p -> proposals.put(p.id(), p));
        return store.meetings(roundId).stream().filter(meeting -> proposals.containsKey(meeting.proposal())
                && clearedFor(actor, panels, declared, proposals.get(meeting.proposal()))).toList();
    }

    /** A panel member's own step on a proposal: the round as it stands, the proposal, and the member cleared for it. */
    private record OwnStep(RoundHeader header, Proposal proposal, Panel.Member member) {
    }

    /**
     * Refused unless the caller acts as {@code memberId} ({@code ownOnly} says why), scores are still
     * taken, and the member is cleared for the proposal; a conflicted member's {@code attempted} score
     * is kept to be counted as refused.
     */
    private OwnStep ownStep(Actor actor, String roundId, String memberId, String proposalId, String what, String ownOnly,
                            ScoreSheet attempted) {
        if (!actor.is(Role.PANEL_MEMBER, memberId)) {
            throw new ForbiddenException(ownOnly);
        }
        RoundHeader header = scoresTaken(roundId, what);
        Proposal proposal = find(roundId, proposalId);
        return new OwnStep(header, proposal, panelMemberClearedFor(actor, roundId, proposal, attempted));
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
        if (interests == null || !store.declaredAgainst(roundId).getOrDefault(member.id(), java.util.Set.of())
                .contains(proposal.id())) {
            throw new ForbiddenException("Declare your interests in \"" + proposal.id() + "\" first: you open no"
                    + " proposal before you have declared against it.");
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

    /** Each member's interests and the proposals they declared against. */
    private record Declared(Map<String, List<String>> interests, Map<String, java.util.Set<String>> against) {
    }

    private Declared declared(String roundId) {
        return new Declared(store.declarations(roundId), store.declaredAgainst(roundId));
    }

    private static boolean clearedFor(Actor actor, List<Panel> panels, Declared declared, Proposal proposal) {
        return panels.stream().filter(p -> p.specification().equals(proposal.specification()))
                .flatMap(p -> p.members().stream())
                .filter(m -> actor.is(Role.PANEL_MEMBER, m.id())
                        && declared.against().getOrDefault(m.id(), java.util.Set.of()).contains(proposal.id()))
                .anyMatch(m -> !new Panel.Member(m.id(), m.name(), m.organisation(),
                        declared.interests().getOrDefault(m.id(), List.of())).isConflictedOn(proposal));
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
