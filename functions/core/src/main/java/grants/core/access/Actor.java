package grants.core.access;

import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, as their verified token says: the subject and email every change is recorded
 * under, their roles, and for a partnership member or an adviser whose partnership or adviser
 * record they are.
 */
public record Actor(String subject, String email, Set<Role> roles, Optional<String> partnershipId,
                    Optional<String> adviserId) {

    public Actor {
        roles = Set.copyOf(roles);
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
