package grants.core.assessment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Profiles and the regional table, from confirmed assessments: each assessment's statements are
 * read through the framework version it was made against, and shown under the latest framework's domains.
 */
public final class Profiles {

    private final AssessmentStore store;
    private final AssessmentService service;
    private final Partnerships partnerships;

    public Profiles(AssessmentStore store, AssessmentService service, Partnerships partnerships) {
        this.store = store;
        this.service = service;
        this.partnerships = partnerships;
    }

    public Profile profile(String programmeId, String partnershipId) {
        PartnershipFacts partnership = service.partnership(programmeId, partnershipId);
        return profile(service.framework(programmeId), partnership, store.assessmentsOf(programmeId, partnershipId));
    }

    /** Every partnership with a confirmed assessment, by name; and the basis warnings of the whole programme. */
    public RegionalTable table(String programmeId) {
        CompetencyFramework framework = service.framework(programmeId);
        Map<String, List<Assessment>> byPartnership = new LinkedHashMap<>();
        store.assessments(programmeId).forEach(assessment ->
                byPartnership.computeIfAbsent(assessment.partnershipId(), id -> new ArrayList<>()).add(assessment));
        List<PartnershipFacts> all = partnerships.all(programmeId);
        List<Profile> rows = all.stream().filter(p -> byPartnership.getOrDefault(p.id(), List.of()).stream()
                        .anyMatch(Assessment::counts))
                .map(p -> profile(framework, p, byPartnership.get(p.id())))
                .sorted(Comparator.comparing(profile -> profile.partnership().name())).toList();
        return new RegionalTable(framework, rows, BasisCheck.warnings(all, byPartnership));
    }

    private Profile profile(CompetencyFramework latest, PartnershipFacts partnership, List<Assessment> assessments) {
        Optional<Assessment> baseline = latestCounting(assessments, Wave.BASELINE);
        Optional<Assessment> end = latestCounting(assessments, Wave.END);
        Map<String, Mean> baselineMeans = baseline.map(this::means).orElse(Map.of());
        Map<String, Mean> endMeans = end.map(this::means).orElse(Map.of());
        List<Profile.DomainScores> domains = latest.domains().stream().map(domain -> new Profile.DomainScores(domain,
                Optional.ofNullable(baselineMeans.get(domain.id())), Optional.ofNullable(endMeans.get(domain.id()))))
                .toList();
        return new Profile(partnership, domains, baseline, end);
    }

    private static Optional<Assessment> latestCounting(List<Assessment> assessments, Wave wave) {
        return assessments.stream().filter(a -> a.wave() == wave && a.counts())
                .max(Comparator.comparing(Assessment::submittedAt).thenComparing(Assessment::id));
    }

    /** Each domain's mean over the assessment's statements, read through the framework it was made against. */
    private Map<String, Mean> means(Assessment assessment) {
        CompetencyFramework framework = store.framework(assessment.programmeId(), assessment.frameworkVersion())
                .orElseThrow(() -> new IllegalStateException("assessment " + assessment.id() + " names framework version "
                        + assessment.frameworkVersion() + ", which is not kept"));
        Map<String, Mean> means = new LinkedHashMap<>();
        for (Answer answer : assessment.answers()) {
            framework.domainOf(answer.statementId()).ifPresent(domain -> means.merge(domain.id(),
                    Mean.of(answer.score()), (sum, one) -> sum.plus(answer.score())));
        }
        return means;
    }
}
