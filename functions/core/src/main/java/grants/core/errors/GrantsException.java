package grants.core.errors;

import java.util.List;

/** A failure the caller can act on; {@link #code()} is stable, the message is for people. */
public abstract class GrantsException extends RuntimeException {

    private final String code;
    private final List<Problem> details;

    protected GrantsException(String code, String message, List<Problem> details) {
        super(message);
        this.code = code;
        this.details = List.copyOf(details);
    }

    public String code() {
        return code;
    }

    public List<Problem> details() {
        return details;
    }
}
