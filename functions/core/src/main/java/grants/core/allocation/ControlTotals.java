package grants.core.allocation;

/**
 * The figures finance reconciles a run against. Conservation (R8):
 * {@code finalGrantsPence + unallocatedPence == baseGrantsPence}.
 */
public record ControlTotals(int rows, int funded, int withdrawn, int notParticipating,
                            long baseGrantsPence, long poolPence, long redistributionPence,
                            long finalGrantsPence, long unallocatedPence, String csvSha256) {
}
