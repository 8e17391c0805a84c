package grants.functions.governance;

import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.errors.NotFoundException;
import grants.core.reporting.Person;
import grants.core.reporting.ReportingService;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * The names of a register's people by their ids, so that governance's papers and public log say
 * "Sandra Mills", not {@code owner-sandra}. Governance keeps person ids only; the register (reporting's)
 * keeps their names. Read as a reader bound everywhere, never as the caller; a register not kept yet
 * has no names, and an id is then shown as it is.
 */
final class RegisterNames {

    private static final Actor READER = Actor.system("govern-boards", Role.AUDITOR);

    private final ReportingService reporting;

    RegisterNames(ReportingService reporting) {
        this.reporting = reporting;
    }

    Map<String, String> of(String registerId) {
        try {
            return reporting.register(READER, registerId).people().stream()
                    .collect(Collectors.toMap(Person::id, Person::name, (first, second) -> first));
        } catch (NotFoundException noRegister) {
            return Map.of();
        }
    }
}
