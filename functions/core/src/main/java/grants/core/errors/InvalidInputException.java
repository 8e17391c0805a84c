package grants.core.errors;

import java.util.List;

/** Input refused whole: every problem found is listed, and nothing was written. */
public class InvalidInputException extends GrantsException {

    public InvalidInputException(String message, List<Problem> problems) {
        super("VALIDATION_FAILED", message, problems);
    }

    public static InvalidInputException of(String field, String problem) {
        return new InvalidInputException(field + " " + problem, List.of(new Problem(field, problem)));
    }
}
