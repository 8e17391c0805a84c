package grants.core.governance;

import java.time.LocalDate;
import java.util.List;

/**
 * A board meeting's exceptions (G8), listed first on its page: each with whether the meeting has a
 * decision about its indicator yet, and the ids of those it has not, sorted.
 */
public record BoardExceptions(LocalDate meeting, List<Listed> exceptions) {

    public record Listed(PackExceptions.PackException exception, boolean decided) {
    }

    public BoardExceptions {
        exceptions = List.copyOf(exceptions);
    }

    public static BoardExceptions of(LocalDate meeting, List<PackExceptions.PackException> pack,
                                     List<Decision> decisionsAtMeeting) {
        return new BoardExceptions(meeting, pack.stream().map(e -> new Listed(e, decisionsAtMeeting.stream()
                .anyMatch(d -> d.about().filter(e.indicator()::equals).isPresent()))).toList());
    }

    public long decided() {
        return exceptions.stream().filter(Listed::decided).count();
    }

    public List<String> undecided() {
        return exceptions.stream().filter(e -> !e.decided()).map(e -> e.exception().indicator()).sorted().toList();
    }
}
