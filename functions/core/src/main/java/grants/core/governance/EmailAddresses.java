package grants.core.governance;

import java.util.Optional;

/**
 * Where a person is emailed (outbound port): the address the register's people list gives them, or the
 * one kept for them. None for someone nobody gave an address.
 */
@FunctionalInterface
public interface EmailAddresses {

    Optional<String> of(String personId);

    /** Nobody has an address: every escalation names its recipients as without one, and no email is queued. */
    EmailAddresses NONE = personId -> Optional.empty();
}
