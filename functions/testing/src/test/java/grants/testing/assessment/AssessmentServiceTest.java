package grants.testing.assessment;

import grants.core.access.Actor;
import grants.core.access.ForbiddenException;
import grants.core.access.Role;
import grants.core.assessment.Answer;
import grants.core.assessment.Assessment;
import grants.core.assessment.AssessmentService;
import grants.core.assessment.CompetencyFramework;
import grants.core.assessment.Domain;
import grants.core.assessment.Domains;
import grants.core.assessment.Kind;
import grants.core.assessment.Mean;
import grants.core.assessment.NeedsFromAssessments;
import grants.core.assessment.PartnershipFacts;
import grants.core.assessment.Profile;
import grants.core.assessment.Profiles;
import grants.core.assessment.RegionalTable;
import grants.core.assessment.Statement;
import grants.core.assessment.Wave;
import grants.core.audit.AuditEntry;
import grants.core.errors.ConflictException;
import grants.core.errors.InvalidInputException;
import grants.core.errors.Problem;
import grants.core.run.AllocationService;
import grants.core.run.CommitRequest;
import grants.core.support.Adviser;
import grants.core.support.AdviserSuggestions;
import grants.core.support.BookingRequest;
import grants.core.support.Suggestion;
import grants.core.support.SupportService;
import grants.testing.InMemoryAssessmentStore;
import grants.testing.InMemoryAuditTrail;
import grants.testing.InMemoryPartnerships;
import grants.testing.InMemoryProgrammeStore;
import grants.testing.InMemoryRunStore;
import grants.testing.InMemorySupportStore;
import grants.testing.SettableClock;
import grants.testing.TestProgrammes;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Learning to Deliver's self-assessment on in-memory stores: the manager's framework in versions, a
 * representative's assessment confirmed by the Project Champion (and co-signed for a joint review),
 * kept as submitted; the profile's exact figures, the regional table, and the advisers it suggests.
 */
class AssessmentServiceTest {

    private static final String L2D = "l2d-2007-08";
    private static final Actor MANAGER = person("manager", Role.PROGRAMME_MANAGER, null);
    private static final Actor RUGBY_LEAD = person("project.lead@rugby.lsp.example", Role.PARTNERSHIP_MEMBER, "rugby");
    private static final Actor RUGBY_CHAMPION = person("champion@rugby.lsp.example", Role.PARTNERSHIP_MEMBER, "rugby");
    private static final Actor COVENTRY_LEAD = person("project.lead@coventry.lsp.example", Role.PARTNERSHIP_MEMBER, "coventry");
    private static final Actor COVENTRY_CHAMPION = person("champion@coventry.lsp.example", Role.PARTNERSHIP_MEMBER, "coventry");
    private static final Actor REVIEWER = person("reviewer@gowm.example", Role.GOVERNMENT_REVIEWER, null);

    /** Governance and accountability (2 statements), economic development (1), being strategic (3). */
    static final List<Domain> FRAMEWORK = List.of(
            new Domain(Domains.GOVERNANCE_AND_ACCOUNTABILITY, "Governance and accountability", List.of(
                    new Statement("roles-clear", "Partners' roles and responsibilities are clear and written down."),
                    new Statement("scrutiny", "Decisions are open to scrutiny by the public and elected members.")),
                    List.of("governance and accountability"), List.of(Domains.GOVERNANCE_AND_ACCOUNTABILITY)),
            new Domain(Domains.ECONOMIC_DEVELOPMENT, "Economic development", List.of(
                    new Statement("economy-plan", "The partnership's plan sets out how the local economy will grow.")),
                    List.of("economic development", "employment and enterprise"), List.of(Domains.ECONOMIC_DEVELOPMENT)),
            new Domain(Domains.STRATEGIC, "Strategic?", List.of(
                    new Statement("objectives", "The strategic objectives of the plan are clear."),
                    new Statement("aligned", "The strategy is aligned with national and regional strategies."),
                    new Statement("projects", "Projects contribute to the strategic objectives.")),
                    List.of("leadership of partnerships"), List.of(Domains.LEADERSHIP_OF_PARTNERSHIPS)));

    private final SettableClock clock = new SettableClock(Instant.parse("2007-06-01T09:00:00Z"));
    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    private final InMemoryAssessmentStore store = new InMemoryAssessmentStore(trail);
    private final InMemoryPartnerships partnerships = new InMemoryPartnerships()
            .add(L2D, new PartnershipFacts("rugby", "Rugby", false, true, List.of("champion@rugby.lsp.example")))
            .add(L2D, new PartnershipFacts("coventry", "Coventry", true, false, List.of("champion@coventry.lsp.example")));
    private final AssessmentService assessments = new AssessmentService(store, partnerships, clock);
    private final Profiles profiles = new Profiles(store, assessments, partnerships);

    static Actor person(String email, Role role, String partnership) {
        return new Actor("sub-" + email, email, Set.of(role), Optional.ofNullable(partnership), Optional.empty(), Set.of(L2D));
    }

    /** Scores in the framework's statement order: roles-clear, scrutiny, economy-plan, objectives, aligned, projects. */
    static List<Answer> scored(int... scores) {
        List<String> ids = List.of("roles-clear", "scrutiny", "economy-plan", "objectives", "aligned", "projects");
        return java.util.stream.IntStream.range(0, scores.length)
                .mapToObj(i -> new Answer(ids.get(i), scores[i], "Minutes of the board, " + ids.get(i))).toList();
    }

    private Assessment submitAndConfirmRugby(String id, Wave wave, int... scores) {
        assessments.submit(RUGBY_LEAD, L2D, "rugby", id, wave, Kind.SELF, scored(scores));
        return assessments.confirm(RUGBY_CHAMPION, L2D, "rugby", id);
    }

    /** The audit trail's actions, oldest first (the trail pages newest first). */
    private List<String> actions() {
        List<String> newestFirst = trail.page(L2D, Optional.empty(), 100).entries().stream().map(AuditEntry::action).toList();
        return java.util.stream.IntStream.range(0, newestFirst.size()).mapToObj(i -> newestFirst.get(newestFirst.size() - 1 - i))
                .toList();
    }

    @Test
    void theManagersFrameworkIsKeptInVersionsAndAnAssessmentKeepsTheVersionItWasMadeAgainst() {
        CompetencyFramework first = assessments.setFramework(MANAGER, L2D, FRAMEWORK);
        assertThat(assessments.setFramework(MANAGER, L2D, FRAMEWORK).version()).as("sent again: no new version").isEqualTo(1);
        assessments.submit(RUGBY_LEAD, L2D, "rugby", "rugby-baseline", Wave.BASELINE, Kind.SELF, scored(1, 2, 3, 2, 3, 3));

        CompetencyFramework second = assessments.setFramework(MANAGER, L2D, FRAMEWORK.subList(0, 2));

        assertThat(first.version()).isEqualTo(1);
        assertThat(second.version()).isEqualTo(2);
        assertThat(assessments.framework(L2D).statements()).hasSize(3);
        assertThat(store.framework(L2D, 1)).contains(first);
        assertThat(assessments.assessment(L2D, "rugby", "rugby-baseline").frameworkVersion()).isEqualTo(1);
        assertThat(actions()).containsExactly("FRAMEWORK_SET", "ASSESSMENT_SUBMITTED", "FRAMEWORK_SET");
    }

    @Test
    void aFrameworkWithAnUnknownDomainOrSpecialismIsRefusedByFieldAndNothingIsKept() {
        List<Domain> wrong = List.of(new Domain("astrology", "Astrology", List.of(new Statement("stars", "We read them.")),
                List.of("health", "palmistry"), List.of(Domains.STRATEGIC)));

        assertThatThrownBy(() -> assessments.setFramework(MANAGER, L2D, wrong)).isInstanceOfSatisfying(
                InvalidInputException.class, refused -> assertThat(refused.details()).extracting(Problem::field)
                        .containsExactly("domains[0].id", "domains[0].specialisms[1]"));
        assertThat(store.latestFramework(L2D)).isEmpty();
        assertThat(actions()).isEmpty();
    }

    @Test
    void aSelfAssessmentIsConfirmedByTheChampionAndAJointReviewAlsoCoSignedByTheGovernmentReviewer() {
        assessments.setFramework(MANAGER, L2D, FRAMEWORK);

        Assessment submitted = assessments.submit(RUGBY_LEAD, L2D, "rugby", "rugby-baseline", Wave.BASELINE, Kind.SELF,
                scored(1, 2, 3, 2, 3, 3));
        Assessment confirmed = assessments.confirm(RUGBY_CHAMPION, L2D, "rugby", "rugby-baseline");
        Assessment joint = assessments.submit(COVENTRY_LEAD, L2D, "coventry", "coventry-baseline", Wave.BASELINE,
                Kind.JOINT_REVIEW, scored(3, 3, 2, 4, 4, 4));
        Assessment championed = assessments.confirm(COVENTRY_CHAMPION, L2D, "coventry", "coventry-baseline");
        Assessment coSigned = assessments.coSign(REVIEWER, L2D, "coventry", "coventry-baseline");

        assertThat(submitted.status()).isEqualTo(Assessment.Status.AWAITING_CHAMPION);
        assertThat(confirmed.status()).isEqualTo(Assessment.Status.CONFIRMED);
        assertThat(confirmed.confirmed().orElseThrow().by()).isEqualTo("champion@rugby.lsp.example");
        assertThat(joint.status()).isEqualTo(Assessment.Status.AWAITING_CHAMPION);
        assertThat(championed.status()).isEqualTo(Assessment.Status.AWAITING_CO_SIGNATURE);
        assertThat(coSigned.status()).isEqualTo(Assessment.Status.CONFIRMED);
        assertThat(store.assessment(L2D, "coventry", "coventry-baseline")).contains(coSigned);
        assertThat(actions()).containsExactly("FRAMEWORK_SET", "ASSESSMENT_SUBMITTED", "ASSESSMENT_CONFIRMED",
                "ASSESSMENT_SUBMITTED", "ASSESSMENT_CONFIRMED", "ASSESSMENT_CO_SIGNED");
    }

    @Test
    void anIncompleteAssessmentIsRefusedNamingEachFieldAndNothingIsSubmitted() {
        assessments.setFramework(MANAGER, L2D, FRAMEWORK);
        List<Answer> answers = List.of(new Answer("roles-clear", 2, " "), new Answer("scrutiny", 5, "Minutes"),
                new Answer("economy-plan", 2, "The plan"), new Answer("objectives", 2, "The plan"),
                new Answer("aligned", 0, "The plan"));

        assertThatThrownBy(() -> assessments.submit(RUGBY_LEAD, L2D, "rugby", "rugby-baseline", Wave.BASELINE,
                Kind.JOINT_REVIEW, answers)).isInstanceOfSatisfying(InvalidInputException.class, refused ->
                assertThat(refused.details()).extracting(Problem::field).containsExactly("kind", "answers[0].evidence",
                        "answers[1].score", "answers[4].score", "answers"));
        assertThat(store.assessments(L2D)).isEmpty();
        assertThat(actions()).containsExactly("FRAMEWORK_SET");
    }

    @Test
    void onlyTheRepresentativesAndTheChampionAndTheReviewerDoTheirPart() {
        assessments.setFramework(MANAGER, L2D, FRAMEWORK);
        assertThatThrownBy(() -> assessments.submit(COVENTRY_LEAD, L2D, "rugby", "by-coventry", Wave.BASELINE, Kind.SELF,
                scored(1, 2, 3, 2, 3, 3))).isInstanceOf(ForbiddenException.class);
        assessments.submit(RUGBY_LEAD, L2D, "rugby", "rugby-baseline", Wave.BASELINE, Kind.SELF, scored(1, 2, 3, 2, 3, 3));

        assertThatThrownBy(() -> assessments.confirm(RUGBY_LEAD, L2D, "rugby", "rugby-baseline"))
                .as("the representative is not the Project Champion").isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> assessments.confirm(COVENTRY_CHAMPION, L2D, "rugby", "rugby-baseline"))
                .as("another partnership's champion").isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> assessments.coSign(REVIEWER, L2D, "rugby", "rugby-baseline"))
                .isInstanceOfSatisfying(ConflictException.class, refused -> assertThat(refused.code()).isEqualTo("NOT_A_JOINT_REVIEW"));
        assertThat(assessments.assessment(L2D, "rugby", "rugby-baseline").status()).isEqualTo(Assessment.Status.AWAITING_CHAMPION);
    }

    @Test
    void theConsoleOffersConfirmingOnlyToThePartnershipsOwnChampionWhomConfirmAccepts() {
        assessments.setFramework(MANAGER, L2D, FRAMEWORK);
        assessments.submit(RUGBY_LEAD, L2D, "rugby", "rugby-baseline", Wave.BASELINE, Kind.SELF, scored(1, 2, 3, 2, 3, 3));

        assertThat(assessments.mayConfirm(RUGBY_CHAMPION, L2D, "rugby")).as("Rugby's champion").isTrue();
        assertThat(assessments.mayConfirm(RUGBY_LEAD, L2D, "rugby")).as("another member of Rugby").isFalse();
        assertThat(assessments.mayConfirm(COVENTRY_CHAMPION, L2D, "rugby")).as("another partnership's champion").isFalse();
        assertThat(assessments.mayConfirm(MANAGER, L2D, "rugby")).as("the manager").isFalse();
        assertThat(assessments.confirm(RUGBY_CHAMPION, L2D, "rugby", "rugby-baseline").status())
                .as("the one offered it may press it").isEqualTo(Assessment.Status.CONFIRMED);
    }

    @Test
    void aSubmittedAssessmentIsKeptAsSubmittedAndASecondViewIsANewAssessment() {
        assessments.setFramework(MANAGER, L2D, FRAMEWORK);
        Assessment first = assessments.submit(RUGBY_LEAD, L2D, "rugby", "rugby-baseline", Wave.BASELINE, Kind.SELF,
                scored(1, 2, 3, 2, 3, 3));

        Assessment retried = assessments.submit(RUGBY_LEAD, L2D, "rugby", "rugby-baseline", Wave.BASELINE, Kind.SELF,
                scored(1, 2, 3, 2, 3, 3));
        assertThatThrownBy(() -> assessments.submit(RUGBY_LEAD, L2D, "rugby", "rugby-baseline", Wave.BASELINE, Kind.SELF,
                scored(4, 4, 4, 4, 4, 4))).isInstanceOfSatisfying(ConflictException.class,
                refused -> assertThat(refused.code()).isEqualTo("ASSESSMENT_ALREADY_SUBMITTED"));
        assessments.submit(RUGBY_LEAD, L2D, "rugby", "rugby-baseline-2", Wave.BASELINE, Kind.SELF, scored(4, 4, 4, 4, 4, 4));

        assertThat(retried).isEqualTo(first);
        assertThat(assessments.assessment(L2D, "rugby", "rugby-baseline").answers()).isEqualTo(scored(1, 2, 3, 2, 3, 3));
        assertThat(assessments.assessmentsOf(L2D, "rugby")).hasSize(2);
        assertThat(actions()).containsExactly("FRAMEWORK_SET", "ASSESSMENT_SUBMITTED", "ASSESSMENT_SUBMITTED");
    }

    @Test
    void theProfileGivesEachDomainsExactMeanAtTheBaselineAndTheEndFromConfirmedAssessmentsOnly() {
        assessments.setFramework(MANAGER, L2D, FRAMEWORK);
        submitAndConfirmRugby("rugby-baseline", Wave.BASELINE, 1, 2, 3, 2, 3, 3);
        clock.set(Instant.parse("2008-03-01T09:00:00Z"));
        submitAndConfirmRugby("rugby-end", Wave.END, 3, 4, 3, 3, 3, 4);
        assessments.submit(RUGBY_LEAD, L2D, "rugby", "rugby-end-unconfirmed", Wave.END, Kind.SELF, scored(1, 1, 1, 1, 1, 1));

        Profile profile = profiles.profile(L2D, "rugby");

        assertThat(profile.domains()).extracting(d -> d.domain().id() + " " + d.baseline().map(Mean::words).orElse("-")
                        + " -> " + d.end().map(Mean::words).orElse("-"))
                .containsExactly("governance-and-accountability 1.5 -> 3.5", "economic-development 3 -> 3",
                        "strategic 2 2/3 -> 3 1/3");
        assertThat(profile.end().orElseThrow().id()).as("the unconfirmed one does not count").isEqualTo("rugby-end");
    }

    @Test
    void theRegionalTableListsAssessedPartnershipsByDomainAndWarnsOfAnLaaAssessedAlone() {
        assessments.setFramework(MANAGER, L2D, FRAMEWORK);
        submitAndConfirmRugby("rugby-baseline", Wave.BASELINE, 1, 2, 3, 2, 3, 3);
        assessments.submit(COVENTRY_LEAD, L2D, "coventry", "coventry-self", Wave.BASELINE, Kind.SELF, scored(3, 3, 2, 4, 4, 4));
        assessments.confirm(COVENTRY_CHAMPION, L2D, "coventry", "coventry-self");

        RegionalTable table = profiles.table(L2D);

        assertThat(table.rows()).extracting(row -> row.partnership().name()).containsExactly("Coventry", "Rugby");
        assertThat(table.csvRows()).contains(List.of("rugby", "Rugby", "governance-and-accountability",
                "Governance and accountability", "1.5", ""), List.of("coventry", "Coventry", "strategic", "Strategic?", "4", ""));
        assertThat(table.regionalMean(Domains.GOVERNANCE_AND_ACCOUNTABILITY).orElseThrow().words()).as("(3 + 1.5) / 2")
                .isEqualTo("2.25");
        assertThat(table.regionalMean(Domains.STRATEGIC).orElseThrow().words()).as("(4 + 8/3) / 2").isEqualTo("3 1/3");
        assertThat(table.warnings()).containsExactly("Partnerships with an LAA assessed by a self-assessment only, not a"
                + " joint Government/Partnership review: Coventry.");
    }

    @Test
    void bookingSuggestsAdvisersForTheWeakestDomainsWithDaysLeftBestFirstWithTheReason() {
        InMemoryProgrammeStore programmes = new InMemoryProgrammeStore();
        InMemoryRunStore runs = new InMemoryRunStore();
        AllocationService allocations = TestProgrammes.allocations(programmes, runs, clock);
        allocations.putProgramme(L2D, TestProgrammes.programme(TestProgrammes.WEST_MIDLANDS, L2D));
        allocations.commit(L2D, CommitRequest.confirming(allocations.dryRun(L2D).inputHash()), Optional.empty());
        SupportService support = new SupportService(programmes, runs, new InMemorySupportStore(), clock, new Random(3));
        support.putAdviser(L2D, new Adviser("governance-a", "Ann Governance", List.of("governance and accountability"), 24));
        support.putAdviser(L2D, new Adviser("governance-b", "Bob Governance", List.of("governance and accountability"), 40));
        support.putAdviser(L2D, new Adviser("governance-spent", "Cy Spent", List.of("governance and accountability"), 2));
        support.putAdviser(L2D, new Adviser("leader", "Di Leader", List.of("leadership of partnerships", "health"), 40));
        support.putAdviser(L2D, new Adviser("health", "Ed Health", List.of("health"), 40));
        support.book(RUGBY_LEAD, L2D, new BookingRequest("governance-spent", "rugby", null, LocalDate.of(2007, 9, 3), 2,
                "governance"), Optional.empty());
        assessments.setFramework(MANAGER, L2D, FRAMEWORK);
        submitAndConfirmRugby("rugby-baseline", Wave.BASELINE, 1, 2, 3, 2, 3, 3);

        List<Suggestion> suggested = new AdviserSuggestions(support, new NeedsFromAssessments(profiles))
                .forPartnership(L2D, "rugby");

        assertThat(suggested).extracting(s -> s.adviser().name() + ": " + s.reason()).containsExactly(
                "Bob Governance: Matches governance and accountability, your weakest domain (score 1.5 of 4); 20 days left",
                "Ann Governance: Matches governance and accountability, your weakest domain (score 1.5 of 4); 12 days left",
                "Di Leader: Matches being strategic, your second weakest domain (score 2 2/3 of 4); 20 days left");
        assertThat(suggested).as("no days left, or no match").extracting(s -> s.adviser().id())
                .doesNotContain("governance-spent", "health");
    }
}
