package grants.core.assessment;

import java.util.List;
import java.util.Map;

/**
 * The competency domains a framework may have, by id: the governance seed's four questions
 * ("Strategic? Inclusive? Efficient? Action focussed?") and the Learning to Deliver seed's workshop
 * topics. The ids are plain strings so that workshops (events) can name a domain as their topic
 * without knowing this package.
 */
public final class Domains {

    public static final String STRATEGIC = "strategic";
    public static final String INCLUSIVE = "inclusive";
    public static final String EFFICIENT = "efficient";
    public static final String ACTION_FOCUSSED = "action-focussed";
    public static final String PERFORMANCE_MANAGEMENT = "performance-management";
    public static final String GOVERNANCE_AND_ACCOUNTABILITY = "governance-and-accountability";
    public static final String INVOLVING_THE_VOLUNTARY_SECTOR = "involving-the-voluntary-sector";
    public static final String ECONOMIC_DEVELOPMENT = "economic-development";
    public static final String LEADERSHIP_OF_PARTNERSHIPS = "leadership-of-partnerships";

    /** Each domain's id and how a sentence names it, in the order pages show them. */
    private static final Map<String, String> WORDS = Map.of(
            STRATEGIC, "being strategic", INCLUSIVE, "being inclusive", EFFICIENT, "being efficient",
            ACTION_FOCUSSED, "being action focussed", PERFORMANCE_MANAGEMENT, "performance management",
            GOVERNANCE_AND_ACCOUNTABILITY, "governance and accountability",
            INVOLVING_THE_VOLUNTARY_SECTOR, "involving the voluntary sector",
            ECONOMIC_DEVELOPMENT, "economic development", LEADERSHIP_OF_PARTNERSHIPS, "leadership of partnerships");

    public static final List<String> ALL = List.of(STRATEGIC, INCLUSIVE, EFFICIENT, ACTION_FOCUSSED,
            PERFORMANCE_MANAGEMENT, GOVERNANCE_AND_ACCOUNTABILITY, INVOLVING_THE_VOLUNTARY_SECTOR,
            ECONOMIC_DEVELOPMENT, LEADERSHIP_OF_PARTNERSHIPS);

    private Domains() {
    }

    /** How a sentence names the domain: "governance and accountability". */
    public static String words(String domainId) {
        return WORDS.getOrDefault(domainId, domainId);
    }
}
