package grants.core.governance;

import grants.core.calendar.WorkingDays;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An action and everything done to it, each with its day, so its standing at the end of any day can
 * be worked out (G5, and G10's "as it stood"). {@code source} is the decision or recommendation that
 * made it; {@code decidedBy} the body that may vary or drop it besides the board (G2).
 */
public record ActionRecord(String id, String source, String decidedBy, String owner, LocalDate madeOn,
                           LocalDate originalDue, String criterion, List<DueChange> variations, List<Act> updates,
                           Optional<Act> completed, Optional<Act> dropped, Optional<LocalDate> escalatedOn,
                           long version) {

    /** A variation decided on a day: the new due date, and the decision that made it. */
    public record DueChange(String decision, LocalDate on, LocalDate due, String reason) {
    }

    public ActionRecord {
        variations = List.copyOf(variations);
        updates = List.copyOf(updates);
    }

    public static ActionRecord made(String id, String source, String decidedBy, String owner, LocalDate madeOn,
                                    LocalDate due, String criterion) {
        return new ActionRecord(id, source, decidedBy, owner, madeOn, due, criterion, List.of(), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), 1);
    }

    /** The due date as it stands now, after every variation. */
    public LocalDate due() {
        return variations.isEmpty() ? originalDue : variations.get(variations.size() - 1).due();
    }

    /** The due date as it stood at the end of {@code day}. */
    public LocalDate dueOn(LocalDate day) {
        LocalDate due = originalDue;
        for (DueChange change : variations) {
            if (!change.on().isAfter(day)) {
                due = change.due();
            }
        }
        return due;
    }

    public ActionState stateOn(LocalDate day) {
        if (completed.filter(c -> !c.on().isAfter(day)).isPresent()) {
            return ActionState.COMPLETED;
        }
        if (dropped.filter(d -> !d.on().isAfter(day)).isPresent()) {
            return ActionState.DROPPED;
        }
        return updates.stream().anyMatch(u -> !u.on().isAfter(day)) ? ActionState.IN_PROGRESS : ActionState.OPEN;
    }

    public boolean isOpenOn(LocalDate day) {
        ActionState state = stateOn(day);
        return state == ActionState.OPEN || state == ActionState.IN_PROGRESS;
    }

    /** Open and past its due date at the end of {@code day}, by the calendar (a Friday's is overdue on Saturday). */
    public boolean overdueOn(LocalDate day) {
        return isOpenOn(day) && day.isAfter(dueOn(day));
    }

    /** The working days after the due date up to and including {@code day}; 0 unless overdue. */
    public int workingDaysOverdue(LocalDate day, WorkingDays calendar) {
        return overdueOn(day) ? calendar.countAfterUpTo(dueOn(day), day) : 0;
    }

    /** For a completed action, the working days after its due date up to its completion (0 if on time). */
    public int workingDaysLate(WorkingDays calendar) {
        return completed.map(c -> calendar.countAfterUpTo(dueOn(c.on()), c.on())).orElse(0);
    }

    /** The day it was completed or dropped, if it was. */
    public Optional<LocalDate> closedOn() {
        return completed.or(() -> dropped).map(Act::on);
    }

    public boolean escalatedBy(LocalDate day) {
        return escalatedOn.filter(on -> !on.isAfter(day)).isPresent();
    }

    // ---- changes: each refused with its G12 reason, in G12's order ----

    /** An update by its owner: from then on it is IN_PROGRESS. */
    public ActionRecord update(String by, Act update) {
        requireOwnerAndOpen(by, update.on());
        return next(variations, append(updates, update), completed, dropped, escalatedOn);
    }

    /** Completed by its owner, with evidence. */
    public ActionRecord complete(String by, Act evidence) {
        requireOwnerAndOpen(by, evidence.on());
        if (evidence.words().isBlank()) {
            throw new RefusedException(Refusal.NO_EVIDENCE, id);
        }
        return next(variations, updates, Optional.of(evidence), dropped, escalatedOn);
    }

    /** A new due date (the decision has checked who, SMART and the reason). */
    public ActionRecord vary(DueChange change) {
        requireOpen(change.on());
        return next(append(variations, change), updates, completed, dropped, escalatedOn);
    }

    public ActionRecord drop(Act reason) {
        requireOpen(reason.on());
        return next(variations, updates, completed, Optional.of(reason), escalatedOn);
    }

    /** Escalated by the daily run, once (G6). */
    public ActionRecord escalate(LocalDate on) {
        if (escalatedOn.isPresent()) {
            throw new IllegalStateException("action " + id + " is escalated once only");
        }
        return next(variations, updates, completed, dropped, Optional.of(on));
    }

    void requireOpen(LocalDate day) {
        if (!isOpenOn(day)) {
            throw new RefusedException(Refusal.FINAL, id);
        }
    }

    private void requireOwnerAndOpen(String by, LocalDate day) {
        if (!owner.equals(by)) {
            throw new RefusedException(Refusal.NOT_ALLOWED, id);
        }
        requireOpen(day);
    }

    private ActionRecord next(List<DueChange> variations, List<Act> updates, Optional<Act> completed,
                              Optional<Act> dropped, Optional<LocalDate> escalatedOn) {
        return new ActionRecord(id, source, decidedBy, owner, madeOn, originalDue, criterion, variations, updates,
                completed, dropped, escalatedOn, version + 1);
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> longer = new ArrayList<>(list);
        longer.add(item);
        return longer;
    }
}
