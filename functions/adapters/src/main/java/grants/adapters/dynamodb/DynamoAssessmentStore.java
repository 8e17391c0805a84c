package grants.adapters.dynamodb;

import grants.core.assessment.Assessment;
import grants.core.assessment.AssessmentStore;
import grants.core.assessment.CompetencyFramework;
import grants.core.audit.AuditEntry;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Comparator;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * Learning to Deliver's frameworks and assessments in the grants table ({@link AssessmentItems} has the
 * attributes):
 *
 * <pre>
 * pk                    sk                                       item
 * ASSESS#{programmeId}  FRAMEWORK#{version, 6 digits}            a framework version, written once
 * ASSESS#{programmeId}  ASSESSMENT#{partnershipId}#{assessment}  an assessment as submitted, and its signatures
 * </pre>
 *
 * Each write is one transaction with its audit entry: a version or an assessment only where none has
 * its key, a signature only over the item with as many signatures as was read.
 */
public final class DynamoAssessmentStore implements AssessmentStore {

    private final GrantsTable table;
    private final AuditTable audit;

    public DynamoAssessmentStore(GrantsTable table, AuditTable audit) {
        this.table = table;
        this.audit = audit;
    }

    @Override
    public boolean addFramework(CompetencyFramework framework, AuditEntry entry) {
        return Transactions.writeUnlessFirstConditionFails(table.client(), List.of(
                Transactions.putNew(table.name(), AssessmentItems.framework(framework)), audit.inTransaction(entry)));
    }

    @Override
    public Optional<CompetencyFramework> latestFramework(String programmeId) {
        return table.query(Keys.assess(programmeId), Keys.frameworkPrefix()).stream().map(AssessmentItems::framework)
                .max(Comparator.comparingInt(CompetencyFramework::version));
    }

    @Override
    public Optional<CompetencyFramework> framework(String programmeId, int version) {
        return table.get(Keys.assess(programmeId), Keys.framework(version)).map(AssessmentItems::framework);
    }

    @Override
    public boolean submit(Assessment assessment, AuditEntry entry) {
        return Transactions.writeUnlessFirstConditionFails(table.client(), List.of(
                Transactions.putNew(table.name(), AssessmentItems.assessment(assessment)), audit.inTransaction(entry)));
    }

    @Override
    public Optional<Assessment> assessment(String programmeId, String partnershipId, String assessmentId) {
        return table.get(Keys.assess(programmeId), Keys.assessment(partnershipId, assessmentId))
                .map(AssessmentItems::assessment);
    }

    @Override
    public List<Assessment> assessmentsOf(String programmeId, String partnershipId) {
        return oldestFirst(table.query(Keys.assess(programmeId), Keys.assessmentsOf(partnershipId)));
    }

    @Override
    public List<Assessment> assessments(String programmeId) {
        return oldestFirst(table.query(Keys.assess(programmeId), Keys.assessmentPrefix()));
    }

    @Override
    public boolean sign(Assessment before, Assessment after, AuditEntry entry) {
        return Transactions.writeUnlessFirstConditionFails(table.client(), List.of(
                Transactions.putAtVersion(table.name(), AssessmentItems.assessment(after), AssessmentItems.SIGNATURES,
                        AssessmentItems.signatures(before)), audit.inTransaction(entry)));
    }

    private static List<Assessment> oldestFirst(List<Map<String, AttributeValue>> items) {
        return AssessmentItems.assessments(items).stream()
                .sorted(Comparator.comparing(Assessment::submittedAt).thenComparing(Assessment::id)).toList();
    }
}
