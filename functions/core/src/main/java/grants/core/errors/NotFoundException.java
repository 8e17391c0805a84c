package grants.core.errors;

import java.util.List;

public class NotFoundException extends GrantsException {

    public NotFoundException(String message) {
        super("NOT_FOUND", message, List.of());
    }
}
