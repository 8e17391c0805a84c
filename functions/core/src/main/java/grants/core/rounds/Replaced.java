package grants.core.rounds;

import java.util.Optional;

/** A record as written, with the one it replaced (empty when it is new), so the audit trail keeps both. */
public record Replaced<T>(Optional<T> before, T after) {
}
