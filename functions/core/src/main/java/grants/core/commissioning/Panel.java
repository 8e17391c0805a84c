package grants.core.commissioning;

import java.util.List;
import java.util.Optional;

/** The selection panel of one specification. */
public record Panel(String specification, List<Member> members) {

    public Panel {
        members = List.copyOf(members);
    }

    /** A panel member, with the proposals they declared an interest in. */
    public record Member(String id, String name, String organisation, List<String> interests) {

        public Member {
            interests = List.copyOf(interests);
        }

        /** Rule C5: a declared interest, or their organisation leads or partners the proposal. */
        public boolean isConflictedOn(Proposal proposal) {
            return interests.contains(proposal.id()) || proposal.involves(organisation);
        }
    }

    public Optional<Member> member(String id) {
        return members.stream().filter(member -> member.id().equals(id)).findFirst();
    }
}
