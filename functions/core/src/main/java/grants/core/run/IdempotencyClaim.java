package grants.core.run;

/** The run a commit's Idempotency-Key stands for, and the programme input it was first used with. */
public record IdempotencyClaim(String runId, String inputHash) {
}
