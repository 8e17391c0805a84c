package grants.core.assessment;

/**
 * Who assessed: the partnership alone, or a joint Government/Partnership review (the seed's basis
 * for a partnership with a Local Area Agreement), co-signed by a government reviewer.
 */
public enum Kind {
    SELF, JOINT_REVIEW
}
