package grants.core.governance;

import java.time.LocalDate;
import java.util.List;

/** A meeting of a body on a day, and who was there (members, observers, the clerk, witnesses). */
public record Meeting(String body, LocalDate date, List<String> present) {

    public Meeting {
        present = present.stream().distinct().sorted().toList();
    }

    /** Its body's chair and members who were present: observers and absent members never count (G3). */
    public List<String> voting(Body of) {
        return present.stream().filter(of::votes).toList();
    }
}
