package grants.core.errors;

import java.util.List;

/** An input larger than the store can hold in one piece. */
public class TooLargeException extends GrantsException {

    public TooLargeException(String message) {
        super("TOO_LARGE", message, List.of());
    }
}
