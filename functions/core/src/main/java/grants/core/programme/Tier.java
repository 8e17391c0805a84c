package grants.core.programme;

/** Rule R1: metropolitan and unitary partnerships are single tier; counties and districts two tier. */
public enum Tier {
    SINGLE_TIER,
    TWO_TIER
}
