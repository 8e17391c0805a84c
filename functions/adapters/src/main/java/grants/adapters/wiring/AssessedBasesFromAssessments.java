package grants.adapters.wiring;

import grants.core.allocation.AssessedBases;
import grants.core.assessment.Assessment;
import grants.core.assessment.AssessmentStore;
import grants.core.assessment.Kind;
import grants.core.programme.Submission;

import java.util.HashMap;
import java.util.Map;

/**
 * The seed's basis check from the partnerships' confirmed assessments: a confirmed joint review is an
 * LAA review, a confirmed self-assessment (and no joint review) a self-assessment; a partnership with
 * none confirmed is left to the programme document.
 */
public final class AssessedBasesFromAssessments implements AssessedBases {

    private final AssessmentStore assessments;

    public AssessedBasesFromAssessments(AssessmentStore assessments) {
        this.assessments = assessments;
    }

    @Override
    public Map<String, Submission.Basis> of(String programmeId) {
        Map<String, Submission.Basis> bases = new HashMap<>();
        for (Assessment assessment : assessments.assessments(programmeId)) {
            if (assessment.counts()) {
                bases.merge(assessment.partnershipId(), assessment.kind() == Kind.JOINT_REVIEW
                        ? Submission.Basis.LAA_REVIEW : Submission.Basis.SELF_ASSESSMENT,
                        (kept, next) -> kept == Submission.Basis.LAA_REVIEW ? kept : next);
            }
        }
        return bases;
    }
}
