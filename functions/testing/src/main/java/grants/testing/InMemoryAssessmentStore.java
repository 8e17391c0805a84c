package grants.testing;

import grants.core.assessment.Assessment;
import grants.core.assessment.AssessmentStore;
import grants.core.assessment.CompetencyFramework;
import grants.core.audit.AuditEntry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Frameworks and assessments in memory, with the Dynamo store's refusals: a version or an id is
 * taken once, a signature only over what was read; each change's audit entry only with it.
 */
public final class InMemoryAssessmentStore implements AssessmentStore {

    private final Map<String, TreeMap<Integer, CompetencyFramework>> frameworks = new LinkedHashMap<>();
    private final Map<String, Assessment> assessments = new LinkedHashMap<>();
    private final InMemoryAuditTrail trail;

    public InMemoryAssessmentStore(InMemoryAuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public synchronized boolean addFramework(CompetencyFramework framework, AuditEntry entry) {
        TreeMap<Integer, CompetencyFramework> versions = frameworks.computeIfAbsent(framework.programmeId(),
                id -> new TreeMap<>());
        if (versions.containsKey(framework.version())) {
            return false;
        }
        versions.put(framework.version(), framework);
        trail.append(entry);
        return true;
    }

    @Override
    public synchronized Optional<CompetencyFramework> latestFramework(String programmeId) {
        TreeMap<Integer, CompetencyFramework> versions = frameworks.get(programmeId);
        return versions == null || versions.isEmpty() ? Optional.empty() : Optional.of(versions.lastEntry().getValue());
    }

    @Override
    public synchronized Optional<CompetencyFramework> framework(String programmeId, int version) {
        return Optional.ofNullable(frameworks.getOrDefault(programmeId, new TreeMap<>()).get(version));
    }

    @Override
    public synchronized boolean submit(Assessment assessment, AuditEntry entry) {
        String key = key(assessment.programmeId(), assessment.partnershipId(), assessment.id());
        if (assessments.containsKey(key)) {
            return false;
        }
        assessments.put(key, assessment);
        trail.append(entry);
        return true;
    }

    @Override
    public synchronized Optional<Assessment> assessment(String programmeId, String partnershipId, String assessmentId) {
        return Optional.ofNullable(assessments.get(key(programmeId, partnershipId, assessmentId)));
    }

    @Override
    public synchronized List<Assessment> assessmentsOf(String programmeId, String partnershipId) {
        return assessments(programmeId).stream().filter(a -> a.partnershipId().equals(partnershipId)).toList();
    }

    @Override
    public synchronized List<Assessment> assessments(String programmeId) {
        List<Assessment> all = new ArrayList<>();
        assessments.values().stream().filter(a -> a.programmeId().equals(programmeId)).forEach(all::add);
        all.sort(Comparator.comparing(Assessment::submittedAt).thenComparing(Assessment::id));
        return all;
    }

    @Override
    public synchronized boolean sign(Assessment before, Assessment after, AuditEntry entry) {
        String key = key(before.programmeId(), before.partnershipId(), before.id());
        if (!before.equals(assessments.get(key))) {
            return false;
        }
        assessments.put(key, after);
        trail.append(entry);
        return true;
    }

    private static String key(String programmeId, String partnershipId, String assessmentId) {
        return programmeId + "/" + partnershipId + "/" + assessmentId;
    }
}
