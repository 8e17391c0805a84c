package grants.core.access;

import grants.core.errors.GrantsException;

import java.util.List;

/** The request carries no verified identity. */
public class NotSignedInException extends GrantsException {

    public NotSignedInException() {
        super("NOT_SIGNED_IN", "Sign in first: this request carries no verified identity.", List.of());
    }

    /** A verified token of a kind this API does not take from this caller, such as a person's access token. */
    public NotSignedInException(String why) {
        super("NOT_SIGNED_IN", why, List.of());
    }
}
