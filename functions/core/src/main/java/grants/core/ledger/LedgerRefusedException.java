package grants.core.ledger;

import grants.core.errors.ConflictException;

/** A ledger write refused by a rule; {@link #code()} is one of {@link Refusal}'s names. Nothing was written. */
public class LedgerRefusedException extends ConflictException {

    public LedgerRefusedException(Refusal refusal, String message) {
        super(refusal.name(), message);
    }

    /** Why the ledger refuses. */
    public enum Refusal {
        /** No line of the scope and year pays for it (or every line that might is ring-fenced to another topic). */
        NO_LINE,
        /** It would take the line below zero (beyond any overspend approved): the line and the shortfall named. */
        OVER_BUDGET,
        /** A payment against a commitment the ledger does not hold. */
        NOT_COMMITTED,
        /** A payment or release beyond what is left of its commitment. */
        OVERPAID,
        /** A line's budget set below what is already committed of it. */
        BELOW_COMMITTED,
        /** An overspend approved by the person who asked for it. */
        SAME_PERSON,
        /** An overspend already approved. */
        ALREADY_APPROVED,
        /** Another change to the line came first: read it again. */
        CHANGED_MEANWHILE
    }
}
