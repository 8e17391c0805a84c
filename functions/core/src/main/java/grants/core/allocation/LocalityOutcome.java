package grants.core.allocation;

/**
 * Rule R4 for one locality: {@code qualifying} of {@code districts} districts shared their project
 * within the locality; the condition is met when {@code 2q > n}.
 */
public record LocalityOutcome(String county, String countyName, int districts, int qualifying,
                              long baseGrantsPence, long finalGrantsPence) {

    public boolean conditionMet() {
        return 2 * qualifying > districts;
    }

    /** The fewest qualifying districts that would have met the condition. */
    public int qualifyingNeeded() {
        return districts / 2 + 1;
    }
}
