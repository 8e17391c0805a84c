package grants.core.access;

import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, as their verified token says: the subject and email every change is recorded
 * under, their roles, for a partnership member or an adviser whose partnership or adviser record
 * they are, and the programmes their roles apply to (none named: every programme).
 */
public record Actor(String subject, String email, Set<Role> roles, Optional<String> partnershipId,
                    Optional<String> adviserId, Set<String> programmes) {

    public Actor {
        roles = Set.copyOf(roles);
        programmes = Set.copyOf(programmes);
    }

    /** Roles that apply to every programme. */
    public Actor(String subject, String email, Set<Role> roles, Optional<String> partnershipId,
                 Optional<String> adviserId) {
        this(subject, email, roles, partnershipId, adviserId, Set.of());
    }

    /** Whether their roles apply to this programme. */
    public boolean worksOn(String programmeId) {
        return programmes.isEmpty() || programmes.contains(programmeId);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isMemberOf(String partnership) {
        return has(Role.PARTNERSHIP_MEMBER) && partnershipId.filter(partnership::equals).isPresent();
    }

    public boolean isAdviser(String adviser) {
        return has(Role.ADVISER) && adviserId.filter(adviser::equals).isPresent();
    }

    /** How a person reads it in the audit trail. */
    public String name() {
        return email == null || email.isBlank() ? subject : email;
    }

    /** Someone acting for the system itself, such as the local runner's operator. */
    public static Actor system(String who, Role... roles) {
        return new Actor(who, who, Set.of(roles), Optional.empty(), Optional.empty());
    }
}
