package grants.core.access;

import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, as their verified token says: the subject and email every change is recorded
 * under, their roles, for a partnership member or an adviser whose partnership or adviser record
 * they are, and the programmes (or rounds) their roles apply to: none named means none, and
 * {@link #EVERY_PROGRAMME} every one (fails closed). In a commissioning round, {@code personId} is
 * a board member's voter id, a panel member's id or the issue a sub-group specifies, and
 * {@code organisationId} the organisation a proposer leads for. On a request these are the
 * caller's {@link Binding} in the programme or round the request names.
 */
public record Actor(String subject, String email, Set<Role> roles, Optional<String> partnershipId,
                    Optional<String> adviserId, Set<String> programmes, Optional<String> personId,
                    Optional<String> organisationId) {

    /** The scope of a binding that applies in every programme and round. */
    public static final String EVERY_PROGRAMME = "*";

    public Actor {
        roles = Set.copyOf(roles);
        programmes = Set.copyOf(programmes);
    }

    /** Someone outside commissioning rounds. */
    public Actor(String subject, String email, Set<Role> roles, Optional<String> partnershipId,
                 Optional<String> adviserId, Set<String> programmes) {
        this(subject, email, roles, partnershipId, adviserId, programmes, Optional.empty(), Optional.empty());
    }

    /** Someone not signed in, reading what is public: no role, no identity. */
    public static final Actor ANONYMOUS = new Actor("anonymous", null, Set.of(), Optional.empty(), Optional.empty(),
            Set.of());

    /** Roles that apply to every programme ({@link #EVERY_PROGRAMME}). */
    public Actor(String subject, String email, Set<Role> roles, Optional<String> partnershipId,
                 Optional<String> adviserId) {
        this(subject, email, roles, partnershipId, adviserId, Set.of(EVERY_PROGRAMME));
    }

    /** Whether their roles apply to this programme or round: only if bound there, or everywhere. */
    public boolean worksOn(String programmeId) {
        return programmes.contains(EVERY_PROGRAMME) || programmes.contains(programmeId);
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

    /** Whether they act in a round as this person (board member, panel member, sub-group) with this role. */
    public boolean is(Role role, String person) {
        return has(role) && personId.filter(person::equals).isPresent();
    }

    /** Whether they propose for this organisation. */
    public boolean proposesFor(String organisation) {
        return has(Role.PROPOSER) && organisationId.filter(organisation::equals).isPresent();
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
