package grants.core.rounds;

import grants.core.access.Actor;
import grants.core.access.ForbiddenException;
import grants.core.access.Role;
import grants.core.audit.AuditEntry;
import grants.core.commissioning.Ballot;
import grants.core.commissioning.Panel;
import grants.core.commissioning.Priorities;
import grants.core.commissioning.RoundSetup;
import grants.core.commissioning.RoundValidator;
import grants.core.commissioning.Specification;
import grants.core.errors.ConflictException;
import grants.core.errors.InvalidInputException;
import grants.core.errors.NotFoundException;
import grants.core.errors.Problem;
import grants.core.money.Money;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A round from set-up to publication of its specifications: the set-up, the dot vote and its
 * close (rule C2), the sub-groups' specifications (C3), the panels, and the call for proposals
 * sent to the mailing list. Each stage refuses what its stage does not allow, naming why. A change
 * the store makes in one transaction carries its audit entry into it.
 */
public final class RoundService {

    private final RoundStore store;
    private final RoundMail mail;
    private final Clock clock;

    public RoundService(RoundStore store, RoundMail mail, Clock clock) {
        this.store = store;
        this.mail = mail;
        this.clock = clock;
    }

    public RoundHeader header(String roundId) {
        return store.header(roundId).orElseThrow(() -> new NotFoundException("There is no round \"" + roundId + "\"."));
    }

    /** Every round, with its stage. */
    public List<RoundHeader> rounds() {
        return store.roundIds().stream().map(this::header).toList();
    }

    /** Sets a round up, or replaces its set-up while voting has not started. */
    public RoundHeader setUp(Actor actor, RoundSetup setup) {
        refuseIfAny("round set-up", RoundValidator.setupProblems(setup));
        RoundHeader fresh = RoundHeader.open(setup);
        if (store.create(fresh, AuditEntry.by(actor, clock.instant(), setup.roundId(), "ROUND_SET_UP", "round "
                + setup.roundId(), null, describe(setup)))) {
            return fresh;
        }
        RoundHeader current = header(setup.roundId());
        if (current.stage() != Stage.VOTING || !store.ballots(setup.roundId()).isEmpty()) {
            throw new ConflictException("ROUND_STARTED", "Round \"" + setup.roundId() + "\" has ballots already; its"
                    + " set-up can no longer change.");
        }
        if (!store.advance(fresh, Stage.VOTING, AuditEntry.by(actor, clock.instant(), setup.roundId(), "ROUND_SET_UP",
                "round " + setup.roundId(), describe(current.setup()), describe(setup)))) {
            throw movedOn(setup.roundId());
        }
        return fresh;
    }

    /** A board member's own ballot, replacing any they cast before, until voting closes (rule C1). */
    public Ballot vote(Actor actor, String roundId, Ballot ballot) {
        if (!actor.is(Role.BOARD_MEMBER, ballot.voter())) {
            throw new ForbiddenException("A board member casts their own ballot only.");
        }
        RoundHeader header = at(roundId, Stage.VOTING, "Voting");
        refuseIfAny("ballot", RoundValidator.ballotProblems(header.setup(), ballot, "body"));
        // The dots are the voter's secret until the close; the trail records that they voted.
        AuditEntry entry = AuditEntry.by(actor, clock.instant(), roundId, "BALLOT_CAST", "ballot of " + ballot.voter(),
                null, ballot.dots().size() + " dots");
        if (!store.putBallot(roundId, ballot, entry)) {
            throw new ConflictException("VOTING_CLOSED", "Voting in round \"" + roundId + "\" has closed; your ballot"
                    + " was not counted.");
        }
        return ballot;
    }

    /** Board members see only their own ballot while voting is open. */
    public Optional<Ballot> ownBallot(Actor actor, String roundId) {
        return store.ballots(roundId).stream().filter(ballot -> actor.is(Role.BOARD_MEMBER, ballot.voter())).findFirst();
    }

    /** The tally, once voting has closed; nobody sees it before. */
    public Priorities tally(String roundId) {
        RoundHeader header = header(roundId);
        if (header.stage() == Stage.VOTING) {
            throw new ConflictException("VOTING_OPEN", "Nobody sees the tally of round \"" + roundId
                    + "\" before voting closes.");
        }
        return Priorities.count(header.setup(), store.ballots(roundId));
    }

    /**
     * Closes voting and selects the priorities by rule C2, recording any tie the survey broke. The
     * stage moves first, so a ballot racing the close is refused by its own conditional write; a
     * close interrupted after that is finished by closing again.
     */
    public Priorities closeVoting(Actor actor, String roundId) {
        RoundHeader header = header(roundId);
        boolean interrupted = header.stage() == Stage.SPECIFYING && header.selected().isEmpty();
        if (!interrupted) {
            header = at(roundId, Stage.VOTING, "Closing the vote");
            if (!store.advance(header.at(Stage.SPECIFYING), Stage.VOTING)) {
                throw movedOn(roundId);
            }
        }
        Priorities priorities = Priorities.count(header.setup(), store.ballots(roundId));
        RoundHeader closed = new RoundHeader(header.setup(), Stage.SPECIFYING, priorities.selected(), priorities.tieNote(),
                null);
        AuditEntry entry = AuditEntry.by(actor, clock.instant(), roundId, "VOTING_CLOSED", "round " + roundId, "VOTING",
                "selected " + String.join(", ", priorities.selected()) + ". " + priorities.tieNote());
        // Over the set-up read, as publishing is: a theme added between the two writes is never overwritten.
        if (!store.replaceIfUnchanged(closed, header.at(Stage.SPECIFYING), entry)) {
            throw movedOn(roundId);
        }
        return priorities;
    }

    /**
     * A sub-group's specification for its own priority (or the manager's), within the fund (rule
     * C3). A specification belongs to its priority: once written, only a specification of the same
     * priority replaces it, so one sub-group can never overwrite another's.
     */
    public Replaced<Specification> specify(Actor actor, String roundId, Specification specification) {
        if (!actor.has(Role.PROGRAMME_MANAGER) && !actor.is(Role.SUB_GROUP, specification.issue())) {
            throw new ForbiddenException("A sub-group writes the specification of its own priority only.");
        }
        RoundHeader header = at(roundId, Stage.SPECIFYING, "Specifying");
        List<Specification> stored = store.specifications(roundId);
        Optional<Specification> before = stored.stream().filter(other -> other.id().equals(specification.id())).findFirst();
        before.filter(existing -> !existing.issue().equals(specification.issue())).ifPresent(existing -> {
            throw anotherPriorities(specification, "the " + existing.issue() + " priority's");
        });
        List<Specification> others = new ArrayList<>(stored.stream()
                .filter(other -> !other.id().equals(specification.id())).toList());
        others.add(specification);
        List<Problem> problems = RoundValidator.specificationProblems(header.setup(), header.selected(), others, false)
                .stream().map(problem -> problem.field().startsWith("specifications[" + (others.size() - 1) + "]")
                        ? new Problem(problem.field().replaceFirst("specifications\\[\\d+]\\.", ""), problem.problem())
                        : problem)
                .filter(problem -> !problem.field().startsWith("specifications["))
                .map(problem -> problem.field().equals("specifications")
                        ? new Problem("maxAnnualAllocation", problem.problem()) : problem)
                .toList();
        refuseIfAny("specification", problems);
        AuditEntry entry = AuditEntry.by(actor, clock.instant(), roundId, "SPECIFICATION_WRITTEN", "specification "
                + specification.id(), before.map(AuditedAs::specification).orElse(null),
                AuditedAs.specification(specification));
        if (!store.putSpecification(roundId, specification, entry)) {
            if (header(roundId).stage() != Stage.SPECIFYING) {
                throw movedOn(roundId);
            }
            // The stage held, so the store's owner condition refused it: another priority took the id meanwhile.
            throw anotherPriorities(specification, "another priority's");
        }
        return new Replaced<>(before, specification);
    }

    private static ForbiddenException anotherPriorities(Specification specification, String owner) {
        return new ForbiddenException("Specification \"" + specification.id() + "\" is " + owner + ";"
                + " a sub-group writes the specification of its own priority only, and never replaces another's.");
    }

    /** Names a specification's selection panel: experts and voluntary and community members. */
    public Replaced<Panel> namePanel(Actor actor, String roundId, Panel panel) {
        RoundHeader header = at(roundId, Stage.SPECIFYING, "Naming panels");
        List<Problem> problems = new ArrayList<>();
        if (store.specifications(roundId).stream().noneMatch(s -> s.id().equals(panel.specification()))) {
            problems.add(new Problem("specification", "\"" + panel.specification() + "\" has no specification yet"));
        }
        if (panel.members().isEmpty()) {
            problems.add(new Problem("members", "must name at least one member"));
        }
        List<Panel> stored = store.panels(roundId);
        Optional<Panel> before = stored.stream().filter(p -> p.specification().equals(panel.specification())).findFirst();
        List<Panel> otherPanels = stored.stream().filter(p -> !p.specification().equals(panel.specification())).toList();
        for (int i = 0; i < panel.members().size(); i++) {
            Panel.Member member = panel.members().get(i);
            if (header.setup().organisation(member.organisation()).isEmpty()) {
                problems.add(new Problem("members[" + i + "].organisation", "\"" + member.organisation()
                        + "\" is not an organisation of the round"));
            }
            boolean elsewhere = otherPanels.stream().anyMatch(p -> p.member(member.id()).isPresent());
            if (elsewhere) {
                problems.add(new Problem("members[" + i + "].id", "\"" + member.id() + "\" is on another panel"));
            }
        }
        refuseIfAny("panel", problems);
        Panel undeclared = new Panel(panel.specification(), panel.members().stream()
                .map(m -> new Panel.Member(m.id(), m.name(), m.organisation(), List.of())).toList());
        AuditEntry entry = AuditEntry.by(actor, clock.instant(), roundId, "PANEL_NAMED", "panel of "
                + panel.specification(), before.map(AuditedAs::panel).orElse(null), AuditedAs.panel(undeclared));
        if (!store.putPanel(roundId, undeclared, entry)) {
            throw movedOn(roundId);
        }
        return new Replaced<>(before, undeclared);
    }

    /** A specification's panel as named, with any members added since. */
    public Panel panel(String roundId, String specificationId) {
        header(roundId);
        return store.panels(roundId).stream().filter(p -> p.specification().equals(specificationId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Specification \"" + specificationId + "\" has no panel yet."));
    }

    /**
     * Adds a member to a specification's panel, by the programme manager or the specification's
     * sub-group, from naming panels until the specification's decisions are published: the way
     * forward when conflicts leave a panel below quorum (rule C7). The new member declares their
     * interests and scores as the others do.
     */
    public Panel addPanelMember(Actor actor, String roundId, String specificationId, Panel.Member member) {
        Specification specification = store.specifications(roundId).stream().filter(s -> s.id().equals(specificationId))
                .findFirst().orElseThrow(() -> new NotFoundException("There is no specification \"" + specificationId + "\"."));
        if (!actor.has(Role.PROGRAMME_MANAGER) && !actor.is(Role.SUB_GROUP, specification.issue())) {
            throw new ForbiddenException("The programme manager or the specification's own sub-group adds panel members.");
        }
        RoundHeader header = header(roundId);
        if (header.stage().compareTo(Stage.SPECIFYING) < 0 || header.isPublished(specificationId)) {
            throw new ConflictException("WRONG_STAGE", "Panel members are added from naming panels until the"
                    + " specification's decisions are published; round \"" + roundId + "\" is "
                    + header.stage().name().toLowerCase() + (header.isPublished(specificationId)
                    ? " and \"" + specificationId + "\" is published." : "."));
        }
        List<Panel> stored = store.panels(roundId);
        Panel panel = stored.stream().filter(p -> p.specification().equals(specificationId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Specification \"" + specificationId + "\" has no panel yet;"
                        + " name it first."));
        List<Problem> problems = new ArrayList<>();
        if (member.id() == null || member.id().isBlank()) {
            problems.add(new Problem("id", "is required"));
        } else if (stored.stream().anyMatch(p -> p.member(member.id()).isPresent())) {
            problems.add(new Problem("id", "\"" + member.id() + "\" is on a panel already"));
        }
        if (member.organisation() == null || header.setup().organisation(member.organisation()).isEmpty()) {
            problems.add(new Problem("organisation", "\"" + member.organisation() + "\" is not an organisation of the round"));
        }
        refuseIfAny("member", problems);
        List<Panel.Member> members = new ArrayList<>(panel.members());
        members.add(new Panel.Member(member.id(), member.name(), member.organisation(), List.of()));
        Panel added = new Panel(specificationId, members);
        AuditEntry entry = AuditEntry.by(actor, clock.instant(), roundId, "PANEL_MEMBER_ADDED", "panel of "
                + specificationId, AuditedAs.panel(panel), AuditedAs.panel(added));
        if (!store.addPanelMember(roundId, panel, added, entry)) {
            throw movedOn(roundId);
        }
        return added;
    }

    /**
     * Publishes the specifications to the mailing list with the closing date for proposals. Every
     * selected priority must have its specification and a panel.
     */
    public RoundHeader publish(Actor actor, String roundId, LocalDate closingDate) {
        RoundHeader header = at(roundId, Stage.SPECIFYING, "Publishing");
        List<Specification> specifications = store.specifications(roundId);
        List<Problem> problems = new ArrayList<>(RoundValidator.specificationProblems(header.setup(), header.selected(),
                specifications, true));
        List<Panel> panels = store.panels(roundId);
        for (Specification specification : specifications) {
            if (panels.stream().noneMatch(p -> p.specification().equals(specification.id()))) {
                problems.add(new Problem("panels", "specification \"" + specification.id() + "\" has no panel yet"));
            }
        }
        if (!closingDate.isAfter(LocalDate.now(clock))) {
            problems.add(new Problem("closingDate", "must be after today, " + LocalDate.now(clock)));
        }
        refuseIfAny("publication", problems);
        RoundHeader published = new RoundHeader(header.setup(), Stage.PROPOSING, header.selected(), header.tieNote(),
                closingDate);
        AuditEntry entry = AuditEntry.by(actor, clock.instant(), roundId, "SPECIFICATIONS_PUBLISHED", "round " + roundId,
                "SPECIFYING", "sent to " + published.setup().mailingList().size() + " addresses, closing " + closingDate);
        // Over the set-up read: a cross-cutting theme added meanwhile is neither lost nor left out of the call.
        if (!store.replaceIfUnchanged(published, header, entry)) {
            if (header(roundId).stage() != Stage.SPECIFYING) {
                throw movedOn(roundId);
            }
            throw new ConflictException("SETUP_CHANGED", "Round \"" + roundId + "\"'s set-up changed (a cross-cutting"
                    + " theme was added) while the specifications were being published; nothing was published. Reload"
                    + " the round, check the specifications against its themes, and publish again.");
        }
        mail.specificationsPublished(published, specifications);
        return published;
    }

    /** Closes proposals once the closing date has passed; panels then score. */
    public RoundHeader closeProposals(Actor actor, String roundId) {
        RoundHeader header = at(roundId, Stage.PROPOSING, "Closing proposals");
        if (!LocalDate.now(clock).isAfter(header.closingDate())) {
            throw new ConflictException("BEFORE_CLOSING_DATE", "Proposals may be sent until " + header.closingDate()
                    + "; close them after that day.");
        }
        RoundHeader scoring = header.at(Stage.SCORING);
        AuditEntry entry = AuditEntry.by(actor, clock.instant(), roundId, "PROPOSALS_CLOSED", "round " + roundId,
                "PROPOSING", "SCORING");
        if (!store.advance(scoring, Stage.PROPOSING, entry)) {
            throw movedOn(roundId);
        }
        return scoring;
    }

    /** The specifications, for anyone once published. */
    public List<Specification> publishedSpecifications(String roundId) {
        RoundHeader header = header(roundId);
        if (header.stage().compareTo(Stage.PROPOSING) < 0) {
            throw new NotFoundException("Round \"" + roundId + "\" has published no specifications yet.");
        }
        return store.specifications(roundId);
    }

    /** A set-up in the audit trail's words. */
    private static String describe(RoundSetup setup) {
        return setup.name() + ": " + Money.pounds(setup.fund().annualPence()) + " a year for " + setup.fund().years()
                + " years, " + setup.issues().size() + " issues, " + setup.voters().size() + " board members";
    }

    RoundHeader at(String roundId, Stage stage, String what) {
        RoundHeader header = header(roundId);
        if (header.stage() != stage) {
            throw new ConflictException("WRONG_STAGE", what + " happens while round \"" + roundId + "\" is "
                    + stage.name().toLowerCase() + "; it is " + header.stage().name().toLowerCase() + ".");
        }
        return header;
    }

    static ConflictException movedOn(String roundId) {
        return new ConflictException("ROUND_MOVED_ON", "Round \"" + roundId + "\" moved on to another stage while this"
                + " was being done; nothing was changed. Reload it and try again.");
    }

    static void refuseIfAny(String what, List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The " + what + " was refused: " + problems.size()
                    + (problems.size() == 1 ? " problem" : " problems") + " found; nothing was changed.", problems);
        }
    }
}
