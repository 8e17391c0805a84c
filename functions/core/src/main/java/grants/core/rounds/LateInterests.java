package grants.core.rounds;

import grants.core.access.Actor;
import grants.core.access.ForbiddenException;
import grants.core.access.Role;
import grants.core.audit.AuditEntry;
import grants.core.commissioning.Panel;
import grants.core.commissioning.Proposal;
import grants.core.errors.ConflictException;
import grants.core.errors.InvalidInputException;
import grants.core.errors.NotFoundException;

import java.time.Clock;
import java.util.List;

/**
 * An interest a panel member declared late (they found it after declaring against the proposal, or
 * told the manager only after scoring), recorded by the programme manager with its reason, audited
 * in the same write. From then on the member is conflicted on the proposal (rule C5): their score of
 * it is not counted but counted as excluded, and their moderation of it does not count.
 */
public final class LateInterests {

    private final RoundStore store;
    private final RoundService rounds;
    private final Clock clock;

    public LateInterests(RoundStore store, RoundService rounds, Clock clock) {
        this.store = store;
        this.rounds = rounds;
        this.clock = clock;
    }

    /** While scoring or decided (before publication), the manager records it; the member's interests after it. */
    public List<String> record(Actor actor, String roundId, String memberId, String proposalId, String reason) {
        if (!actor.has(Role.PROGRAMME_MANAGER)) {
            throw new ForbiddenException("The programme manager records a late-declared interest.");
        }
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "is required: say how and when the interest was declared");
        }
        RoundHeader header = rounds.header(roundId);
        if (header.stage() != Stage.PROPOSING && header.stage() != Stage.SCORING && header.stage() != Stage.DECIDED) {
            throw new ConflictException("WRONG_STAGE", "A late interest is recorded once proposals are in and before"
                    + " the decisions are published; round \"" + roundId + "\" is " + header.stage().name().toLowerCase() + ".");
        }
        Proposal proposal = store.proposals(roundId).stream().filter(p -> p.id().equals(proposalId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Round \"" + roundId + "\" has no proposal \"" + proposalId + "\"."));
        Panel panel = store.panels(roundId).stream().filter(p -> p.specification().equals(proposal.specification()))
                .findFirst().orElseThrow(() -> new NotFoundException("No panel scores \"" + proposalId + "\"."));
        if (panel.member(memberId).isEmpty()) {
            throw new NotFoundException("\"" + memberId + "\" is not on the panel for \"" + proposal.specification() + "\".");
        }
        AuditEntry entry = AuditEntry.by(actor, clock.instant(), roundId, "LATE_INTEREST_RECORDED", "panel member "
                + memberId, "no interest declared in " + proposalId, "interest in " + proposalId
                + " (declared late; their score of it is not counted): " + reason.strip());
        if (!store.addLateInterest(roundId, memberId, proposalId, header.stage(), entry)) {
            if (store.declarations(roundId).getOrDefault(memberId, List.of()).contains(proposalId)) {
                throw new ConflictException("INTEREST_RECORDED", "\"" + memberId + "\" has an interest in \"" + proposalId
                        + "\" recorded already.");
            }
            throw RoundService.movedOn(roundId);
        }
        return store.declarations(roundId).getOrDefault(memberId, List.of());
    }
}
