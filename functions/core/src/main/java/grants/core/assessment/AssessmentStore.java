package grants.core.assessment;

import grants.core.audit.AuditEntry;

import java.util.List;
import java.util.Optional;

/**
 * Where frameworks and assessments are kept (outbound port). Each write carries its audit entry into
 * its transaction, and each is conditional, so a race never overwrites what another wrote.
 */
public interface AssessmentStore {

    /** Stores a new version; false (nothing written) if that version is already taken. */
    boolean addFramework(CompetencyFramework framework, AuditEntry entry);

    Optional<CompetencyFramework> latestFramework(String programmeId);

    Optional<CompetencyFramework> framework(String programmeId, int version);

    /** Stores a new assessment; false (nothing written) if one has its id. */
    boolean submit(Assessment assessment, AuditEntry entry);

    Optional<Assessment> assessment(String programmeId, String partnershipId, String assessmentId);

    /** Every assessment of the partnership, oldest first. */
    List<Assessment> assessmentsOf(String programmeId, String partnershipId);

    /** Every assessment of the programme. */
    List<Assessment> assessments(String programmeId);

    /**
     * Adds a signature, only if the stored assessment is still {@code before} (so no two people sign
     * the same place, and the answers never change); false (nothing written) if it is not.
     */
    boolean sign(Assessment before, Assessment after, AuditEntry entry);
}
