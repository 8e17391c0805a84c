package grants.core.assessment;

import grants.core.errors.InvalidInputException;
import grants.core.errors.Problem;
import grants.core.support.Specialisms;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What a framework must be before it is kept, each problem named by its field; nothing is written otherwise. */
final class FrameworkCheck {

    private static final int LONGEST_TEXT = 500;

    private FrameworkCheck() {
    }

    static void check(List<Domain> domains) {
        List<Problem> problems = new ArrayList<>();
        if (domains.isEmpty()) {
            problems.add(new Problem("domains", "must name at least one domain"));
        }
        Set<String> domainIds = new HashSet<>();
        Set<String> statementIds = new HashSet<>();
        for (int d = 0; d < domains.size(); d++) {
            Domain domain = domains.get(d);
            String at = "domains[" + d + "]";
            if (!Domains.ALL.contains(domain.id())) {
                problems.add(new Problem(at + ".id", "\"" + domain.id() + "\" is not one of the domains: "
                        + String.join(", ", Domains.ALL)));
            } else if (!domainIds.add(domain.id())) {
                problems.add(new Problem(at + ".id", "\"" + domain.id() + "\" is given twice"));
            }
            text(problems, at + ".title", domain.title());
            if (domain.statements().isEmpty()) {
                problems.add(new Problem(at + ".statements", "must have at least one statement"));
            }
            for (int s = 0; s < domain.statements().size(); s++) {
                Statement statement = domain.statements().get(s);
                String field = at + ".statements[" + s + "]";
                if (statement.id() == null || !statement.id().matches("[a-z0-9][a-z0-9-]{0,39}")) {
                    problems.add(new Problem(field + ".id", "must be lower-case letters, digits and hyphens"));
                } else if (!statementIds.add(statement.id())) {
                    problems.add(new Problem(field + ".id", "\"" + statement.id() + "\" is given twice"));
                }
                text(problems, field + ".text", statement.text());
            }
            for (int i = 0; i < domain.specialisms().size(); i++) {
                String specialism = domain.specialisms().get(i);
                if (!Specialisms.ALL.contains(specialism)) {
                    problems.add(new Problem(at + ".specialisms[" + i + "]", "\"" + specialism
                            + "\" is not one of the specialisms: " + String.join(", ", Specialisms.ALL)));
                }
            }
            for (int i = 0; i < domain.workshopTopics().size(); i++) {
                if (!Domains.ALL.contains(domain.workshopTopics().get(i))) {
                    problems.add(new Problem(at + ".workshopTopics[" + i + "]", "\"" + domain.workshopTopics().get(i)
                            + "\" is not one of the domains: " + String.join(", ", Domains.ALL)));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The competency framework is not complete; nothing was changed.", problems);
        }
    }

    private static void text(List<Problem> problems, String field, String text) {
        if (text == null || text.isBlank()) {
            problems.add(new Problem(field, "must not be empty"));
        } else if (text.length() > LONGEST_TEXT) {
            problems.add(new Problem(field, "must be at most " + LONGEST_TEXT + " characters"));
        }
    }
}
