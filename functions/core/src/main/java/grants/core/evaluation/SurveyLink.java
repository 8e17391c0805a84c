package grants.core.evaluation;

import java.time.LocalDate;

/**
 * What a link's token opens, kept under the token's hash: one invitation, until the survey's closing
 * date. An invitation may have several (the first email and each reminder carry a fresh one); answering
 * through any of them spends them all.
 */
public record SurveyLink(String tokenHash, String programmeId, Wave wave, String contactKey, String partnershipId,
                         LocalDate lastDay) {
}
