package grants.core.support;

import grants.core.errors.InvalidInputException;
import grants.core.errors.Problem;

import java.util.ArrayList;
import java.util.List;

/**
 * The controlled list of adviser specialisms: the programme's workshop topics and competency
 * domains (the Learning to Deliver seed), and the policy areas the advisers were bought for.
 * Booking matches a partnership's weakest domains against these, so free text is refused.
 */
public final class Specialisms {

    /** Each specialism as stored and sent: lower-case words, in the order the console shows them. */
    public static final List<String> ALL = List.of(
            "performance management", "governance and accountability", "involving the voluntary sector",
            "economic development", "leadership of partnerships",
            "health", "crime and community safety", "housing", "education and skills", "employment and enterprise",
            "environment", "children and young people", "older people", "transport", "culture and sport");

    private Specialisms() {
    }

    /** Refuses, naming each field such as {@code specialisms[1]}, any specialism not on the list or given twice. */
    public static void check(List<String> specialisms) {
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < specialisms.size(); i++) {
            String specialism = specialisms.get(i);
            if (!ALL.contains(specialism)) {
                problems.add(new Problem("specialisms[" + i + "]", "\"" + specialism
                        + "\" is not one of the specialisms: " + String.join(", ", ALL)));
            } else if (specialisms.indexOf(specialism) < i) {
                problems.add(new Problem("specialisms[" + i + "]", "\"" + specialism + "\" is given twice"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The adviser's specialisms are not all on the list; nothing was written.",
                    problems);
        }
    }
}
