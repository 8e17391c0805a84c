package grants.core.rounds;

import grants.core.access.Actor;
import grants.core.access.ForbiddenException;
import grants.core.access.Role;
import grants.core.audit.AuditEntry;
import grants.core.commissioning.Contract;
import grants.core.commissioning.Decisions;
import grants.core.commissioning.ManagerDecision;
import grants.core.commissioning.Panel;
import grants.core.commissioning.ProposalOutcome;
import grants.core.commissioning.Round;
import grants.core.commissioning.RoundOutcome;
import grants.core.commissioning.ScoreSheet;
import grants.core.commissioning.Status;
import grants.core.errors.ConflictException;
import grants.core.errors.InvalidInputException;
import grants.core.errors.NotFoundException;
import grants.core.exports.ExportFile;
import grants.core.exports.ExportStore;
import grants.core.money.Money;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Deciding a round (rules C5 to C12 over everything recorded), the manager's overrides with their
 * reasons, and publication: contracts (C11), the finance export, and a letter to every proposer.
 * Nothing of a decision is shown to a proposer before publication.
 */
public final class RoundAwards {

    private final RoundStore store;
    private final RoundService rounds;
    private final RoundRenderer renderer;
    private final ExportStore exports;
    private final RoundMail mail;
    private final Clock clock;

    public RoundAwards(RoundStore store, RoundService rounds, RoundRenderer renderer, ExportStore exports, RoundMail mail,
                       Clock clock) {
        this.store = store;
        this.rounds = rounds;
        this.renderer = renderer;
        this.exports = exports;
        this.mail = mail;
        this.clock = clock;
    }

    /**
     * The round's whole record as the rules read it: panels carry their members' declared interests,
     * and only confirmed moderations count (a pending one leaves the proposal needing moderation).
     */
    public Round record(String roundId) {
        RoundHeader header = rounds.header(roundId);
        Map<String, List<String>> declared = store.declarations(roundId);
        List<Panel> panels = store.panels(roundId).stream().map(panel -> new Panel(panel.specification(),
                panel.members().stream().map(m -> new Panel.Member(m.id(), m.name(), m.organisation(),
                        declared.getOrDefault(m.id(), List.of()))).toList())).toList();
        List<ScoreSheet> scores = new ArrayList<>(store.scores(roundId));
        scores.addAll(store.refusedScores(roundId));
        return new Round(header.setup(), store.ballots(roundId), store.specifications(roundId), store.proposals(roundId),
                panels, scores, store.moderations(roundId).stream().filter(RecordedModeration::confirmed)
                .map(RecordedModeration::moderation).toList());
    }

    /**
     * Works out the awards by the rules and the manager's decisions so far; the round is then DECIDED,
     * the move recorded (with what was awarded) in the same transaction. Deciding again changes nothing.
     */
    public RoundOutcome decide(Actor actor, String roundId) {
        RoundHeader header = rounds.header(roundId);
        if (header.stage() != Stage.SCORING && header.stage() != Stage.DECIDED && header.stage() != Stage.PUBLISHED) {
            throw new ConflictException("WRONG_STAGE", "A round is decided once scoring has begun; round \"" + roundId
                    + "\" is " + header.stage().name().toLowerCase() + ".");
        }
        RoundOutcome outcome = outcome(roundId);
        if (header.stage() == Stage.SCORING) {
            AuditEntry entry = AuditEntry.by(actor, clock.instant(), roundId, "ROUND_DECIDED", "round " + roundId, "SCORING",
                    Money.pounds(outcome.awardedAnnualPence()) + " a year awarded to " + outcome.contracts().size()
                            + " proposals (not yet published)");
            if (!store.advance(header.at(Stage.DECIDED), Stage.SCORING, entry)) {
                throw RoundService.movedOn(roundId);
            }
        }
        return outcome;
    }

    /** The outcome of what is recorded, without moving the round on. */
    public RoundOutcome outcome(String roundId) {
        return Decisions.decide(record(roundId), decisions(roundId));
    }

    /** The manager's decisions so far, by proposal. */
    private Map<String, ManagerDecision> decisions(String roundId) {
        return store.decisions(roundId).stream()
                .collect(Collectors.toMap(ManagerDecision::proposal, Function.identity()));
    }

    /** The manager's decision against the rules' recommendation, only with a reason; refused if it cannot stand. */
    public ProposalOutcome override(Actor actor, String roundId, ManagerDecision decision) {
        RoundHeader header = rounds.header(roundId);
        if (header.stage() != Stage.PUBLISHED) {
            rounds.at(roundId, Stage.DECIDED, "Overriding a recommendation");
        }
        if (decision.reason() == null || decision.reason().isBlank()) {
            throw InvalidInputException.of("reason", "is required: an override is only ever taken with its reason");
        }
        // The round is read once: the outcome before the override and the one after come from the same record.
        Round record = record(roundId);
        Map<String, ManagerDecision> decisions = decisions(roundId);
        ProposalOutcome current = find(Decisions.decide(record, decisions), decision.proposal());
        if (header.isPublished(current.proposal().specification())) {
            throw new ConflictException("ALREADY_PUBLISHED", "The decisions of specification \""
                    + current.proposal().specification() + "\" are published; they are final.");
        }
        if (current.status() == Status.INELIGIBLE || current.status() == Status.NOT_DECIDED
                || current.status() == Status.NEEDS_MODERATION || current.status() == Status.PENDING) {
            throw new ConflictException("CANNOT_OVERRIDE", "Proposal \"" + decision.proposal() + "\" is "
                    + current.status() + ": only a decided, eligible proposal's award can be overridden.");
        }
        decisions.put(decision.proposal(), decision);
        ProposalOutcome after = find(Decisions.decide(record, decisions), decision.proposal());
        if (decision.decision() == ManagerDecision.Decision.AWARD && after.status() != Status.AWARDED) {
            throw new ConflictException("DOES_NOT_FIT", "Proposal \"" + decision.proposal() + "\" asks for more than is"
                    + " left of its specification's maximum even when awarded first; decline another award first.");
        }
        AuditEntry entry = AuditEntry.by(actor, clock.instant(), roundId, "RECOMMENDATION_OVERRIDDEN", "proposal "
                + decision.proposal(), current.status().name(), decision.decision() + " (now " + after.status() + "): "
                + decision.reason());
        if (!store.putDecision(roundId, decision, entry)) {
            throw RoundService.movedOn(roundId);
        }
        return after;
    }

    /**
     * Publishes the decisions: the contracts, then finance's files, then the round moves to PUBLISHED
     * and a letter goes to every proposer. Nothing is shown until PUBLISHED (contracts are listed, and
     * links to the files given, only then), and a publication cut short is completed by repeating it:
     * contracts and files are written again with the same bytes, letters queued once by their keys. So
     * a published round never has files without contracts, nor contracts without files. Rule C10:
     * a specification still waiting for a proposal's scores or moderation is left out (its proposals
     * PENDING in the files, its proposers not written to); publishing again once they arrive publishes it.
     */
    public RoundOutcome publish(Actor actor, String roundId) {
        RoundHeader header = rounds.header(roundId);
        if (header.stage() != Stage.DECIDED && header.stage() != Stage.PUBLISHED) {
            throw new ConflictException("WRONG_STAGE", "Decisions are published once the round is decided; round \""
                    + roundId + "\" is " + header.stage().name().toLowerCase() + ".");
        }
        RoundOutcome outcome = outcome(roundId);
        List<String> ready = readySpecifications(outcome);
        boolean more = !header.publishedSpecifications().containsAll(ready);
        if (header.stage() == Stage.DECIDED || more) {
            // Contracts of specifications published earlier are unchanged: nothing of theirs can change after.
            if (!store.putContracts(roundId, outcome.contracts())) {
                throw RoundService.movedOn(roundId);
            }
            for (ExportFile file : renderer.render(outcome, LocalDate.now(clock))) {
                exports.put(RoundRenderer.prefix(roundId) + file.name(), file);
            }
            AuditEntry entry = AuditEntry.by(actor, clock.instant(), roundId, "DECISIONS_PUBLISHED", "round " + roundId,
                    header.stage().name(), outcome.contracts().size() + " contracts, "
                            + Money.pounds(outcome.awardedTotalPence()) + " in all; letters to "
                            + outcome.proposals().size() + " proposers");
            if (!store.advance(rounds.header(roundId).published(ready), header.stage(), entry)) {
                throw RoundService.movedOn(roundId);
            }
        }
        mail.decisionsPublished(rounds.header(roundId), published(outcome, rounds.header(roundId)));
        return outcome;
    }

    /** The specifications with every eligible proposal decided (rule C10): their decisions can be published. */
    public static List<String> readySpecifications(RoundOutcome outcome) {
        java.util.Set<String> waiting = waitingSpecifications(outcome);
        return outcome.specifications().stream().map(grants.core.commissioning.Specification::id)
                .filter(id -> !waiting.contains(id)).toList();
    }

    /** The specifications still waiting for a proposal's scores or moderation. */
    public static java.util.Set<String> waitingSpecifications(RoundOutcome outcome) {
        return outcome.proposals().stream().filter(p -> p.status() == Status.NEEDS_MODERATION
                        || p.status() == Status.NOT_DECIDED || p.status() == Status.PENDING)
                .map(p -> p.proposal().specification()).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** The outcome limited to the proposals of published specifications: only they are told. */
    private static RoundOutcome published(RoundOutcome outcome, RoundHeader header) {
        return new RoundOutcome(outcome.setup(), outcome.priorities(), outcome.specifications(),
                outcome.proposals().stream().filter(p -> header.isPublished(p.proposal().specification())).toList(),
                outcome.budgets(), outcome.awardedAnnualPence(), outcome.contracts());
    }

    /** A proposer's own decision, once published; before that nothing of it is disclosed. */
    public ProposalOutcome decisionFor(Actor actor, String roundId, String proposalId) {
        RoundHeader header = rounds.header(roundId);
        boolean staff = actor.has(Role.PROGRAMME_MANAGER) || actor.has(Role.AUDITOR);
        if (!staff && header.stage() != Stage.PUBLISHED) {
            throw notPublished(roundId);
        }
        ProposalOutcome outcome = find(outcome(roundId), proposalId);
        if (!staff && !header.isPublished(outcome.proposal().specification())) {
            throw notPublished(roundId);
        }
        if (!staff && !actor.proposesFor(outcome.proposal().lead())) {
            throw new ForbiddenException("A proposer sees the decisions on their own organisation's proposals only.");
        }
        return outcome;
    }

    /** Nothing of a decision is shown before publication: the state, not the caller's role, is why. */
    public static ConflictException notPublished(String roundId) {
        return new ConflictException("NOT_PUBLISHED", "Decisions of round \"" + roundId + "\" are not published yet.");
    }

    public List<Contract> contracts(String roundId) {
        if (rounds.header(roundId).stage() != Stage.PUBLISHED) {
            throw new NotFoundException("Round \"" + roundId + "\" has no contracts until its decisions are published.");
        }
        return store.contracts(roundId);
    }

    private static ProposalOutcome find(RoundOutcome outcome, String proposalId) {
        return outcome.proposals().stream().filter(p -> p.proposal().id().equals(proposalId)).findFirst()
                .orElseThrow(() -> new NotFoundException("There is no proposal \"" + proposalId + "\"."));
    }
}
