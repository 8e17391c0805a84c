package grants.core.notices;

/** Waits until one more email may be sent without passing the configured rate (outbound port where shared). */
public interface SendRate {

    void acquire();
}
