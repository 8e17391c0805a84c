package grants.core.commissioning;

/**
 * A programme manager's decision against the rules' recommendation for one proposal, which is
 * only ever taken with a reason and recorded in the audit trail.
 */
public record ManagerDecision(String proposal, Decision decision, String reason, String by) {

    public enum Decision {
        /** Award a decided, fundable or not, eligible proposal in full, if it fits what is left. */
        AWARD,
        /** Do not fund a proposal the rules would award; the next proposal is tried in its place. */
        DECLINE
    }
}
