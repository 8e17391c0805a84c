package grants.core.rounds;

/** Where a live round is; each stage is opened by the programme manager closing the one before. */
public enum Stage {
    /** Board members place their dots; nobody sees the tally. */
    VOTING,
    /** Priorities selected; sub-groups write specifications and the panels are named. */
    SPECIFYING,
    /** Specifications published; lead organisations propose until the closing date. */
    PROPOSING,
    /** Proposals closed; panels declare interests, score, moderate and meet proposers. */
    SCORING,
    /** The rules' awards are worked out; the manager may override with a reason. Nothing disclosed yet. */
    DECIDED,
    /** Decisions published: letters sent, contracts made, finance has its files. */
    PUBLISHED
}
