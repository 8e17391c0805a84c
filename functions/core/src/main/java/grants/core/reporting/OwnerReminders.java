package grants.core.reporting;

import grants.core.audit.AuditEntry;
import grants.core.calendar.WorkingDays;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Owners reminded that a quarter's figures are due (issue 24). A quarter's figures are due by the day
 * its board pack is frozen: the day before the first board meeting that reviews it (P8). Each owner of
 * an indicator with no figure for that quarter yet is reminded the register's
 * {@link Register#ownerReminderWorkingDays()} working days before (bank holidays counted; 0: on the due
 * day itself). Run daily: a reminder whose day has come and whose due day has not
 * passed is handled once, through the {@link FigureReminderLedger}; a missed day is caught up by the next
 * run; nothing is sent once the figure is in, nor for a quarter before the indicator's baseline.
 */
public final class OwnerReminders {

    /** Who the audit trail says handled a reminder. */
    static final String ACTOR = "report-daily-run";

    private final ReportingStore registers;
    private final FigureReminderLedger ledger;
    private final Supplier<WorkingDays> calendar;
    private final Clock clock;

    /** @param calendar the working days as they stand at the run (the bank holidays are data, read each run) */
    public OwnerReminders(ReportingStore registers, FigureReminderLedger ledger, Supplier<WorkingDays> calendar,
                          Clock clock) {
        this.registers = registers;
        this.ledger = ledger;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** Today's run over every register: the reminders this run handled (none that another run got to first). */
    public List<FigureReminder.Handled> run() {
        LocalDate today = LocalDate.now(clock);
        WorkingDays workingDays = calendar.get();
        List<FigureReminder.Handled> handled = new ArrayList<>();
        for (String registerId : registers.registerIds()) {
            registers.register(registerId).ifPresent(register -> {
                Set<String> inLedger = ledger.ledger(registerId).stream().map(entry -> entry.reminder().id())
                        .collect(Collectors.toSet());
                for (FigureReminder reminder : due(register, registers.observations(registerId), workingDays, today)) {
                    if (!inLedger.contains(reminder.id())) {
                        handle(register, reminder, today).ifPresent(handled::add);
                    }
                }
            });
        }
        return handled;
    }

    /**
     * The reminders of a register to handle on {@code today}: for each quarter a meeting reviews, on the
     * first such meeting, each owned indicator without a figure for it, planned on or before today with
     * its due day not yet passed. By planned day, then id.
     */
    public static List<FigureReminder> due(Register register, List<Observation> observations, WorkingDays workingDays,
                                           LocalDate today) {
        Map<Period, Meeting> firstReview = new TreeMap<>();
        register.meetings().forEach(meeting -> firstReview.putIfAbsent(meeting.reviews(), meeting)); // sorted by date
        Set<String> withFigure = observations.stream().map(o -> o.indicator() + "/" + o.period())
                .collect(Collectors.toSet());
        List<FigureReminder> due = new ArrayList<>();
        firstReview.forEach((quarter, meeting) -> {
            LocalDate dueOn = meeting.figuresAsOf();
            int days = register.ownerReminderWorkingDays();
            LocalDate plannedOn = days == 0 ? dueOn : workingDays.after(dueOn, -days);
            if (today.isBefore(plannedOn) || today.isAfter(dueOn)) {
                return;
            }
            for (Indicator indicator : register.indicators()) {
                boolean before = indicator.baseline() != null && quarter.isBefore(indicator.baseline().period());
                if (indicator.owner() != null && !before && !withFigure.contains(indicator.id() + "/" + quarter)) {
                    due.add(new FigureReminder(register.registerId(), indicator.id(), indicator.reference(), quarter,
                            indicator.owner(), meeting.date(), dueOn, plannedOn));
                }
            }
        });
        return due.stream().sorted(Comparator.comparing(FigureReminder::plannedOn)
                .thenComparing(FigureReminder::id)).toList();
    }

    /** One reminder into the ledger, with its audit entry; empty if another run got there first. */
    private Optional<FigureReminder.Handled> handle(Register register, FigureReminder reminder, LocalDate today) {
        Optional<String> address = register.person(reminder.ownerId()).map(Person::email)
                .filter(email -> !email.isBlank());
        FigureReminder.Handled handled = new FigureReminder.Handled(reminder, today,
                address.isPresent() ? FigureReminder.Handled.Outcome.SENT : FigureReminder.Handled.Outcome.NO_CONTACT,
                address.map(List::of).orElse(List.of()));
        AuditEntry audit = new AuditEntry(register.registerId(), clock.instant(), ACTOR, null,
                "FIGURE_REMINDER_" + handled.outcome(), "reminder " + reminder.id(), null,
                (handled.outcome() == FigureReminder.Handled.Outcome.SENT ? "sent to the owner " : "not sent: no address for ")
                        + reminder.ownerId() + ": " + FigureReminderEmails.sentence(reminder)
                        + (handled.caughtUp() ? " (caught up: planned for " + reminder.plannedOn() + ")" : ""));
        return ledger.record(handled, audit) ? Optional.of(handled) : Optional.empty();
    }
}
