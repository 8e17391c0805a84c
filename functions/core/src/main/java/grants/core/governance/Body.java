package grants.core.governance;

import java.util.List;
import java.util.Optional;

/**
 * A body of the partnership: the board, the scrutiny panel or a theme group, with its members. A
 * body whose {@code decisionMaking} is false (scrutiny is advisory) recommends, notes and reports,
 * never decides actions (G2). Each member's organisation is what the clerk records for conflicts (G3).
 */
public record Body(String id, String name, Kind kind, Optional<String> theme, boolean decisionMaking, int quorum,
                   List<Member> members) {

    public enum Kind { BOARD, THEME_GROUP, SCRUTINY }

    public enum Role { CHAIR, MEMBER, OBSERVER }

    public record Member(String person, Role role, Optional<String> organisation) {
    }

    public Body {
        members = List.copyOf(members);
    }

    /** Its chair, who is told of an escalation with the owner (G6). */
    public Optional<String> chair() {
        return members.stream().filter(m -> m.role() == Role.CHAIR).map(Member::person).findFirst();
    }

    public Optional<Member> member(String person) {
        return members.stream().filter(m -> m.person().equals(person)).findFirst();
    }

    /** A member who may vote: its chair or a member, never an observer. */
    public boolean votes(String person) {
        return member(person).filter(m -> m.role() != Role.OBSERVER).isPresent();
    }
}
