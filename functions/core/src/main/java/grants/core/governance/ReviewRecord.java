package grants.core.governance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scrutiny review of a theme group (G9): scoped to some of its indicators, then evidence, then
 * findings that cite it, then a report agreed by a scrutiny body, whose recommendations are answered.
 * Nothing is added to it once reported.
 */
public record ReviewRecord(String id, String body, List<String> indicators, Act scoped, List<Evidence> evidence,
                           List<Finding> findings, Optional<Reported> report, long version) {

    public enum EvidenceKind { ORAL, WRITTEN, DATA, VISIT }

    public record Evidence(String id, EvidenceKind kind, String summary, LocalDate on, String by) {
    }

    public record Finding(String id, String text, List<String> evidence, LocalDate on, String by) {
        public Finding {
            evidence = List.copyOf(evidence);
        }
    }

    /** The report as agreed: the decision, its day, and its recommendations' ids. */
    public record Reported(String decision, LocalDate on, List<String> recommendations) {
        public Reported {
            recommendations = recommendations.stream().sorted().toList();
        }
    }

    public ReviewRecord {
        indicators = List.copyOf(indicators);
        evidence = List.copyOf(evidence);
        findings = List.copyOf(findings);
    }

    public static ReviewRecord scoped(String id, String group, List<String> indicators, Act scoped) {
        return new ReviewRecord(id, group, indicators, scoped, List.of(), List.of(), Optional.empty(), 1);
    }

    /** Its state at the end of {@code day}, given its recommendations' states then. */
    public ReviewState stateOn(LocalDate day, Map<String, RecommendationState> recommendations) {
        Optional<Reported> reported = report.filter(r -> !r.on().isAfter(day));
        if (reported.isEmpty()) {
            return evidence.stream().anyMatch(e -> !e.on().isAfter(day)) ? ReviewState.GATHERING : ReviewState.SCOPED;
        }
        List<RecommendationState> states = reported.get().recommendations().stream().map(recommendations::get)
                .toList();
        if (states.stream().allMatch(RecommendationState::isSettled)) {
            return ReviewState.CLOSED;
        }
        return states.stream().noneMatch(s -> s == RecommendationState.AWAITING_RESPONSE
                || s == RecommendationState.RESPONSE_OVERDUE) ? ReviewState.RESPONDED : ReviewState.REPORTED;
    }

    public ReviewRecord add(Evidence more) {
        requireNotReported(more.id());
        return new ReviewRecord(id, body, indicators, scoped, append(evidence, more), findings, report, version + 1);
    }

    /** A finding cites at least one evidence of this review (else NO_EVIDENCE). */
    public ReviewRecord add(Finding more) {
        requireNotReported(more.id());
        if (more.evidence().isEmpty() || !more.evidence().stream().allMatch(this::hasEvidence)) {
            throw new RefusedException(Refusal.NO_EVIDENCE, more.id());
        }
        return new ReviewRecord(id, body, indicators, scoped, evidence, append(findings, more), report, version + 1);
    }

    /** Checks a report of it before it is agreed: FINAL, EMPTY_REPORT, then OUT_OF_SCOPE (G12's order). */
    void checkReport(String decision, Terms.Report terms, List<String> allowedAddressees) {
        requireNotReported(decision);
        if (findings.isEmpty()) {
            throw new RefusedException(Refusal.EMPTY_REPORT, decision);
        }
        for (Terms.ReportRecommendation recommendation : terms.recommendations()) {
            if (findings.stream().noneMatch(f -> f.id().equals(recommendation.finding()))
                    || !allowedAddressees.contains(recommendation.to())) {
                throw new RefusedException(Refusal.OUT_OF_SCOPE, decision);
            }
        }
    }

    public ReviewRecord reported(Reported agreed) {
        return new ReviewRecord(id, body, indicators, scoped, evidence, findings, Optional.of(agreed), version + 1);
    }

    public boolean hasEvidence(String evidenceId) {
        return evidence.stream().anyMatch(e -> e.id().equals(evidenceId));
    }

    private void requireNotReported(String subject) {
        if (report.isPresent()) {
            throw new RefusedException(Refusal.FINAL, subject);
        }
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> longer = new ArrayList<>(list);
        longer.add(item);
        return longer;
    }
}
