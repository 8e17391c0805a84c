package grants.core.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A programme's competency framework at one version: a change is a new version, and an assessment
 * names the version it was made against, so old assessments keep their statements.
 */
public record CompetencyFramework(String programmeId, int version, List<Domain> domains, String setBy, Instant setAt) {

    public CompetencyFramework {
        domains = List.copyOf(domains);
    }

    public Optional<Domain> domainOf(String statementId) {
        return domains.stream().filter(domain -> domain.statements().stream()
                .anyMatch(statement -> statement.id().equals(statementId))).findFirst();
    }

    public List<Statement> statements() {
        return domains.stream().flatMap(domain -> domain.statements().stream()).toList();
    }
}
