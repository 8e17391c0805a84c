package grants.core.commissioning;

/** A panel's agreed score for a proposal whose members disagreed widely (rule C8), with why. */
public record Moderation(String proposal, Fraction score, String by, String reason) {
}
