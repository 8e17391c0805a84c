package grants.core.errors;

import java.util.List;

/** The request cannot be applied to the current state (a concurrent change, or a reused key). */
public class ConflictException extends GrantsException {

    public ConflictException(String code, String message) {
        super(code, message, List.of());
    }
}
