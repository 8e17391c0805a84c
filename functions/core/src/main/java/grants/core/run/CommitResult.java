package grants.core.run;

/** A committed run, and whether it was committed by an earlier request with the same Idempotency-Key. */
public record CommitResult(AllocationRun run, boolean replayed) {
}
