package grants.core.commissioning;

import java.util.List;

/** What a sub-group asks for under one selected priority, and the most it may cost a year (rule C3). */
public record Specification(String id, String issue, String outcome, List<String> indicators,
                            long maxAnnualPence, String subGroup) {

    public Specification {
        indicators = List.copyOf(indicators);
    }
}
