package grants.core.ledger;

/**
 * What has happened to a budget line, kept on the line beside its budget so that a commitment can be
 * refused by one conditional write: committed (less what was released, plus finance's adjustments),
 * paid (of what was committed), carried in from or out to another call, and overspend approved.
 */
public record LineTotals(long committedPence, long paidPence, long carriedInPence, long carriedOutPence,
                         long overspendApprovedPence) {

    public static final LineTotals NONE = new LineTotals(0, 0, 0, 0, 0);

    /** What the line may still commit before it needs an approved overspend: budget = committed + remaining. */
    public long remaining(long budgetPence) {
        return budgetPence + carriedInPence - carriedOutPence - committedPence;
    }

    /** How far below zero a commitment may take it: the overspend approved, and no further. */
    public boolean canCommit(long budgetPence, long pence) {
        return remaining(budgetPence) - pence >= -overspendApprovedPence;
    }

    LineTotals committed(long pence) {
        return new LineTotals(committedPence + pence, paidPence, carriedInPence, carriedOutPence, overspendApprovedPence);
    }

    LineTotals paid(long pence) {
        return new LineTotals(committedPence, paidPence + pence, carriedInPence, carriedOutPence, overspendApprovedPence);
    }

    LineTotals carriedIn(long pence) {
        return new LineTotals(committedPence, paidPence, carriedInPence + pence, carriedOutPence, overspendApprovedPence);
    }

    LineTotals carriedOut(long pence) {
        return new LineTotals(committedPence, paidPence, carriedInPence, carriedOutPence + pence, overspendApprovedPence);
    }

    LineTotals overspendApproved(long pence) {
        return new LineTotals(committedPence, paidPence, carriedInPence, carriedOutPence, overspendApprovedPence + pence);
    }
}
