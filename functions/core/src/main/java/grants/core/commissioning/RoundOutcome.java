package grants.core.commissioning;

import java.util.List;

/**
 * A round decided: the priorities, every proposal's outcome, each specification's budget, the
 * fund's, and the contracts. Rule C12 holds of every one: awarded plus left equals the maximum.
 */
public record RoundOutcome(RoundSetup setup, Priorities priorities, List<Specification> specifications,
                           List<ProposalOutcome> proposals, List<SpecificationBudget> budgets, long awardedAnnualPence,
                           List<Contract> contracts) {

    public RoundOutcome {
        specifications = List.copyOf(specifications);
        proposals = List.copyOf(proposals);
        budgets = List.copyOf(budgets);
        contracts = List.copyOf(contracts);
    }

    /** A specification's maximum a year, what was awarded against it, and what is left. */
    public record SpecificationBudget(Specification specification, long awardedAnnualPence) {

        public long leftAnnualPence() {
            return specification.maxAnnualPence() - awardedAnnualPence;
        }
    }

    public long unawardedAnnualPence() {
        return setup.fund().annualPence() - awardedAnnualPence;
    }

    public long awardedTotalPence() {
        return contracts.stream().mapToLong(Contract::totalPence).sum();
    }

    public long count(Status status) {
        return proposals.stream().filter(outcome -> outcome.status() == status).count();
    }
}
