package grants.core.support;

import java.util.List;

/**
 * What a partnership most needs help with, weakest first (inbound to support, narrow on purpose):
 * assessing implements it, so support never reads assessments themselves.
 */
public interface PartnershipNeeds {

    /** The partnership's domains by its latest confirmed scores, weakest first; empty before any counts. */
    List<Need> weakestFirst(String programmeId, String partnershipId);

    /**
     * One domain's need: how a sentence names it ("governance and accountability"), its score as a
     * person reads it ("1.5"), the score's exact value as a fraction for ordering, and the specialisms
     * that help with it.
     */
    record Need(String domain, String scoreWords, long scoreNumerator, long scoreDenominator,
                List<String> specialisms) {

        public Need {
            specialisms = List.copyOf(specialisms);
        }
    }
}
