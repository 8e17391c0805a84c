package grants.core.rounds;

import grants.core.access.Actor;
import grants.core.access.ForbiddenException;
import grants.core.audit.AuditEntry;
import grants.core.commissioning.Contract;
import grants.core.errors.ConflictException;
import grants.core.errors.NotFoundException;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * A lead organisation accepts its contract once the decisions are published (the seed's "contracts
 * agreed with the lead organisations"): once, by a proposer of that organisation, audited in the
 * same write; the contract then shows who accepted it and when.
 */
public final class ContractAcceptances {

    private final RoundStore store;
    private final RoundService rounds;
    private final Clock clock;

    public ContractAcceptances(RoundStore store, RoundService rounds, Clock clock) {
        this.store = store;
        this.rounds = rounds;
        this.clock = clock;
    }

    /** A contract with its acceptance, if given. */
    public record Accepted(Contract contract, Optional<Acceptance> acceptance) {
    }

    public Accepted accept(Actor actor, String roundId, String contractId) {
        rounds.at(roundId, Stage.PUBLISHED, "Accepting a contract");
        Contract contract = store.contracts(roundId).stream().filter(c -> c.id().equals(contractId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Round \"" + roundId + "\" has no contract \"" + contractId + "\"."));
        if (!actor.proposesFor(contract.leadOrganisation())) {
            throw new ForbiddenException("A contract is accepted by its lead organisation only.");
        }
        Optional<Acceptance> before = acceptance(roundId, contractId);
        if (before.isPresent()) {
            throw alreadyAccepted(before.get());
        }
        Acceptance acceptance = new Acceptance(contractId, contract.leadOrganisation(), clock.instant(), actor.name());
        AuditEntry entry = AuditEntry.by(actor, clock.instant(), roundId, "CONTRACT_ACCEPTED", "contract " + contractId,
                "not accepted", "accepted for " + contract.leadOrganisation() + " by " + actor.name());
        if (!store.acceptContract(roundId, acceptance, entry)) {
            throw acceptance(roundId, contractId).map(ContractAcceptances::alreadyAccepted)
                    .orElseGet(() -> RoundService.movedOn(roundId));
        }
        return new Accepted(contract, Optional.of(acceptance));
    }

    /** Every contract with its acceptance: to whoever may see the contracts. */
    public List<Accepted> contracts(String roundId, List<Contract> contracts) {
        List<Acceptance> acceptances = store.acceptances(roundId);
        return contracts.stream().map(contract -> new Accepted(contract, acceptances.stream()
                .filter(a -> a.contractId().equals(contract.id())).findFirst())).toList();
    }

    private Optional<Acceptance> acceptance(String roundId, String contractId) {
        return store.acceptances(roundId).stream().filter(a -> a.contractId().equals(contractId)).findFirst();
    }

    private static ConflictException alreadyAccepted(Acceptance acceptance) {
        return new ConflictException("ALREADY_ACCEPTED", "Contract \"" + acceptance.contractId() + "\" was accepted by "
                + acceptance.by() + " at " + acceptance.at() + " already.");
    }
}
