package grants.core.run;

import grants.core.allocation.Allocation;

import java.util.List;
import java.util.Optional;

/**
 * A run computed and not stored. {@code comparedWith} is the latest committed run, if any, and
 * {@code differences} lists every partnership in either run, ordered by id.
 */
public record DryRun(String programmeId, String inputHash, String rulesVersion, Allocation allocation,
                     Optional<String> comparedWith, List<RunDifference> differences) {
}
