package grants.core.commissioning;

import java.util.List;

/**
 * What the rules decided for one proposal and why: its gateway failures, the counted scores, the
 * mean and final score (null where not computed), its status, its award, and a sentence a
 * proposer can read.
 */
public record ProposalOutcome(Proposal proposal, List<Eligibility.Failure> failures, int scorers,
                              int conflictedExcluded, Fraction meanScore, Fraction finalScore,
                              Moderation moderation, Status status, long awardAnnualPence, long awardTotalPence,
                              String reason, ManagerDecision override) {

    public ProposalOutcome {
        failures = List.copyOf(failures);
    }

    public boolean eligible() {
        return failures.isEmpty();
    }

    public String problems() {
        return String.join(";", failures.stream().map(Eligibility.Failure::field).toList());
    }
}
