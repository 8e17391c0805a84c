package grants.core.governance;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An item's quorum as G3 counts it: the voting members present, less those conflicted on the item,
 * whether they declared (and withdrew) or work for the organisation the item is about and did not
 * say so ({@code undeclared}). Quorate when at least the body's quorum is left.
 */
public record Quorum(List<String> voting, List<String> conflicted, List<String> undeclared, int quorateMembers,
                     int needed) {

    public Quorum {
        voting = List.copyOf(voting);
        conflicted = List.copyOf(conflicted);
        undeclared = List.copyOf(undeclared);
    }

    public boolean quorate() {
        return quorateMembers >= needed;
    }

    /**
     * @param aboutOrganisation the organisation an item is about, if it is about one (not an indicator)
     */
    public static Quorum of(Body body, Meeting meeting, Set<String> declared, Optional<String> aboutOrganisation) {
        List<String> voting = meeting.voting(body);
        List<String> undeclared = voting.stream().filter(person -> !declared.contains(person))
                .filter(person -> worksFor(body, person, aboutOrganisation)).toList();
        List<String> conflicted = voting.stream()
                .filter(person -> declared.contains(person) || undeclared.contains(person)).toList();
        return new Quorum(voting, conflicted, undeclared, voting.size() - conflicted.size(), body.quorum());
    }

    private static boolean worksFor(Body body, String person, Optional<String> organisation) {
        return organisation.isPresent() && body.member(person).flatMap(Body.Member::organisation)
                .filter(organisation.get()::equals).isPresent();
    }
}
