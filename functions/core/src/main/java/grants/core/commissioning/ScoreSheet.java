package grants.core.commissioning;

import java.util.Map;
import java.util.TreeMap;

/** One panel member's whole-number score of each criterion for one proposal. */
public record ScoreSheet(String member, String proposal, Map<String, Integer> criteria) {

    public ScoreSheet {
        criteria = new TreeMap<>(criteria);
    }

    /** Rule C6: sum(weight x score) / (sum(weights) x scale). */
    public Fraction score(RoundSetup setup) {
        long weighted = 0;
        for (RoundSetup.Criterion criterion : setup.criteria()) {
            weighted += (long) criterion.weight() * criteria.getOrDefault(criterion.id(), 0);
        }
        return Fraction.of(weighted, setup.maximumWeightedScore());
    }
}
