package grants.core.allocation;

import grants.core.programme.Submission;

import java.util.Map;

/**
 * What each partnership's improvement project rests on, by its confirmed assessments where it has
 * any (outbound port: assessing answers it; allocation never reads assessments themselves). The seed's
 * basis check takes these over the programme document's {@code basis}.
 */
public interface AssessedBases {

    /** Before any assessment counts: the programme document's basis stands for everyone. */
    AssessedBases NONE = programmeId -> Map.of();

    /** By partnership id: the basis its confirmed assessments show. */
    Map<String, Submission.Basis> of(String programmeId);
}
