package grants.core.access;

import grants.core.errors.GrantsException;

import java.util.List;

/** The request carries no verified identity. */
public class NotSignedInException extends GrantsException {

    public NotSignedInException() {
        super("NOT_SIGNED_IN", "Sign in first: this request carries no verified identity.", List.of());
    }
}
