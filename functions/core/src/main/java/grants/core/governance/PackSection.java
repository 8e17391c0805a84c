package grants.core.governance;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A board pack's governance section (G10) as the board reads it: the rows of {@link GovernanceSection}
 * in its order, actions then recommendations, each with who owns or answers it, what it asks, the
 * body that decided it, its state and its standing in words ("Due 15 January 2010, 12 working days
 * overdue, in progress"), as they stood at the end of the day before the meeting.
 */
public record PackSection(LocalDate meeting, LocalDate asAt, Optional<LocalDate> previousBoardMeeting,
                          List<Item> actions, List<Item> recommendations) {

    /**
     * One row: {@code who} is an action's owner or the person a recommendation is made to (a person id);
     * {@code what} its criterion or text; {@code decidedBy} the name of the body that decided it;
     * {@code overdue} an open action past its due date; {@code escalatedOn} the day the daily run escalated it.
     */
    public record Item(int position, Terms.Kind kind, String id, String state, String words, String who,
                       String what, String decidedBy, boolean overdue, Optional<LocalDate> escalatedOn) {
    }

    public PackSection {
        actions = List.copyOf(actions);
        recommendations = List.copyOf(recommendations);
    }
}
