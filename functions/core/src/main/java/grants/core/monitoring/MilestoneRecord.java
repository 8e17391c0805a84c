package grants.core.monitoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A milestone, its current due date, and whether it was achieved (with evidence) or waived (with a reason). */
public record MilestoneRecord(Agreement.Milestone milestone, LocalDate due, List<Variation> variations,
                              Optional<Act> achieved, Optional<Act> waived) {

    public MilestoneRecord {
        variations = List.copyOf(variations);
    }

    public static MilestoneRecord planned(Agreement.Milestone milestone) {
        return new MilestoneRecord(milestone, milestone.due(), List.of(), Optional.empty(), Optional.empty());
    }

    public String id() {
        return milestone.id();
    }

    public MilestoneState stateOn(LocalDate day) {
        if (achieved.isPresent()) {
            return MilestoneState.ACHIEVED;
        }
        if (waived.isPresent()) {
            return MilestoneState.WAIVED;
        }
        return day.isAfter(due) ? MilestoneState.LATE : MilestoneState.PLANNED;
    }

    boolean isDone() {
        return achieved.isPresent() || waived.isPresent();
    }

    MilestoneRecord achievedBy(Act act) {
        return new MilestoneRecord(milestone, due, variations, Optional.of(act), waived);
    }

    MilestoneRecord waivedBy(Act act) {
        return new MilestoneRecord(milestone, due, variations, achieved, Optional.of(act));
    }

    MilestoneRecord varied(Variation variation) {
        List<Variation> more = new ArrayList<>(variations);
        more.add(variation);
        return new MilestoneRecord(milestone, variation.to(), more, achieved, waived);
    }
}
