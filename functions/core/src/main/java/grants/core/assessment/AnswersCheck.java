package grants.core.assessment;

import grants.core.errors.InvalidInputException;
import grants.core.errors.Problem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An assessment's answers against its framework: every statement scored once, 1 to 4, with evidence;
 * a joint review only for a partnership with an LAA. Each problem names its field; nothing is written.
 */
final class AnswersCheck {

    private static final int LONGEST_EVIDENCE = 2000;

    private AnswersCheck() {
    }

    static void check(CompetencyFramework framework, PartnershipFacts partnership, Kind kind, List<Answer> answers) {
        List<Problem> problems = new ArrayList<>();
        if (kind == Kind.JOINT_REVIEW && !partnership.laa()) {
            problems.add(new Problem("kind", partnership.name() + " has no Local Area Agreement, so its assessment is"
                    + " a self-assessment; a joint review is for partnerships with an LAA"));
        }
        Set<String> answered = new HashSet<>();
        for (int i = 0; i < answers.size(); i++) {
            Answer answer = answers.get(i);
            String at = "answers[" + i + "]";
            if (framework.domainOf(answer.statementId()).isEmpty()) {
                problems.add(new Problem(at + ".statement", "\"" + answer.statementId()
                        + "\" is not a statement of the framework"));
            } else if (!answered.add(answer.statementId())) {
                problems.add(new Problem(at + ".statement", "\"" + answer.statementId() + "\" is answered twice"));
            }
            if (answer.score() < Statement.LOWEST_SCORE || answer.score() > Statement.HIGHEST_SCORE) {
                problems.add(new Problem(at + ".score", "must be a score from 1 to 4"));
            }
            if (answer.evidence() == null || answer.evidence().isBlank()) {
                problems.add(new Problem(at + ".evidence", "must say what shows this score"));
            } else if (answer.evidence().length() > LONGEST_EVIDENCE) {
                problems.add(new Problem(at + ".evidence", "must be at most " + LONGEST_EVIDENCE + " characters"));
            }
        }
        List<String> missing = framework.statements().stream().map(Statement::id)
                .filter(id -> answers.stream().noneMatch(answer -> id.equals(answer.statementId()))).toList();
        if (!missing.isEmpty()) {
            problems.add(new Problem("answers", "has no answer for " + String.join(", ", missing)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The assessment is not complete; nothing was submitted.", problems);
        }
    }
}
