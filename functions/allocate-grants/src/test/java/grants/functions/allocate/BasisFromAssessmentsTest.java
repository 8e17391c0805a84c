package grants.functions.allocate;

import grants.adapters.wiring.ProgrammePartnerships;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.assessment.Answer;
import grants.core.assessment.AssessmentService;
import grants.core.assessment.Domain;
import grants.core.assessment.Domains;
import grants.core.assessment.Kind;
import grants.core.assessment.Statement;
import grants.core.assessment.Wave;
import grants.testing.TestProgrammes;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's basis check reads the assessments where they exist (DynamoDB Local): West Midlands follows
 * the seed and its preview warns of nothing; once Coventry (an LAA) has only a confirmed self-assessment,
 * the preview names it; once its joint review is confirmed and co-signed, the warning goes (the
 * profile's use case tests that a joint review counts only once co-signed).
 */
class BasisFromAssessmentsTest {

    private static final String L2D = "l2d-2007-08";
    private static final String WARNING = "Partnerships with an LAA whose improvement project rests on a self-assessment,"
            + " not on a joint Government/Partnership review: Coventry.";

    private final ApiOnTheEmulators api = new ApiOnTheEmulators(BasisFromAssessmentsTest.class);
    private final AssessmentService assessments = new AssessmentService(api.wiring().assessments(),
            new ProgrammePartnerships(api.wiring().programmes()), api.wiring().clock());

    /** The preview's warnings, as the manager's dry run answers them. */
    private List<String> previewWarnings() {
        List<String> texts = new java.util.ArrayList<>();
        ApiOnTheEmulators.body(api.call("POST /programmes/{programmeId}/allocation-runs", Map.of("programmeId", L2D),
                "{\"mode\":\"DRY_RUN\"}")).path("warnings").forEach(warning -> texts.add(warning.asText()));
        return texts;
    }

    private static Actor coventry(String email, Role role) {
        return new Actor("sub-" + email, email, Set.of(role), Optional.of("coventry").filter(id -> role == Role.PARTNERSHIP_MEMBER),
                Optional.empty(), Set.of(L2D));
    }

    private void assess(String id, Kind kind) {
        assessments.submit(coventry("project.lead@coventry.lsp.example", Role.PARTNERSHIP_MEMBER), L2D, "coventry", id,
                Wave.BASELINE, kind, List.of(new Answer("roles-clear", 3, "Terms of reference agreed.")));
        assessments.confirm(coventry("champion@coventry.lsp.example", Role.PARTNERSHIP_MEMBER), L2D, "coventry", id);
    }

    @Test
    void theBasisCheckReadsConfirmedAssessmentsOverTheProgrammeDocument() {
        TestProgrammes.allocations(api.wiring().programmes(), api.wiring().runs(), api.wiring().clock())
                .putProgramme(L2D, TestProgrammes.programme(TestProgrammes.WEST_MIDLANDS, L2D));
        assessments.setFramework(Actor.system("manager@westmidlands.example", Role.PROGRAMME_MANAGER), L2D, List.of(
                new Domain(Domains.GOVERNANCE_AND_ACCOUNTABILITY, "Governance and accountability",
                        List.of(new Statement("roles-clear", "Roles are clear.")), List.of(), List.of())));
        List<String> before = previewWarnings();

        assess("coventry-self", Kind.SELF);
        List<String> selfOnly = previewWarnings();
        assess("coventry-joint", Kind.JOINT_REVIEW);
        assessments.coSign(coventry("reviewer@gowm.example", Role.GOVERNMENT_REVIEWER), L2D, "coventry", "coventry-joint");
        List<String> jointCoSigned = previewWarnings();

        assertThat(before).doesNotContain(WARNING);
        assertThat(selfOnly).contains(WARNING);
        assertThat(jointCoSigned).doesNotContain(WARNING);
    }
}
