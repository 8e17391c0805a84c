package grants.core.commissioning;

import java.util.List;

/** A board member's dots, each on a different issue (rule C1). */
public record Ballot(String voter, List<String> dots) {

    public Ballot {
        dots = List.copyOf(dots);
    }
}
