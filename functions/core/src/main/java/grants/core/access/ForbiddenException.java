package grants.core.access;

import grants.core.errors.GrantsException;

import java.util.List;

/** The caller is known, and their role does not allow this: nothing was changed. */
public class ForbiddenException extends GrantsException {

    public ForbiddenException(String message) {
        super("FORBIDDEN", message, List.of());
    }
}
