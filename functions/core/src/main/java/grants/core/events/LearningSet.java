package grants.core.events;

import java.util.List;
import java.util.Locale;

/**
 * An Action Learning Set: a group of partnerships' representatives (by address, as they sign in) with an
 * adviser who facilitates it. Its notes are for its members and facilitator only.
 */
public record LearningSet(String id, String name, String facilitator, List<Member> members) {

    public LearningSet {
        members = List.copyOf(members);
    }

    public record Member(String partnershipId, String name, String email) {
    }

    public boolean hasMember(String email) {
        return email != null && members.stream().anyMatch(member ->
                member.email().strip().toLowerCase(Locale.ROOT).equals(email.strip().toLowerCase(Locale.ROOT)));
    }
}
