package grants.core.support;

/**
 * An adviser offered for a booking: why, in words ("Matches governance and accountability, your weakest
 * domain (score 1.5 of 4); 12 days left"), and the days they still have.
 */
public record Suggestion(Adviser adviser, String domain, String reason, int remainingHalfDays) {
}
