package grants.documents.reporting;

import grants.core.reporting.Figure;
import grants.core.reporting.Indicator;
import grants.core.reporting.Meeting;
import grants.core.reporting.Observation;
import grants.core.reporting.Outcome;
import grants.core.reporting.Period;
import grants.core.reporting.Person;
import grants.core.reporting.Theme;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A register document (performance-rules.md, "Input: a register") read whole by {@link RegisterBookJson}:
 * the register a manager keeps, then what its people did, each entry on its day. Actuals and narratives
 * stay entries: a replay sends each to the function as its person, who may be refused (P10).
 */
public record RegisterBook(String registerId, Optional<String> note, OptionalInt ownerReminderWorkingDays,
                           List<Theme> themes, List<Outcome> outcomes,
                           List<Person> people, List<Indicator> indicators, List<Actual> actuals,
                           List<Story> narratives, List<Meeting> meetings) {

    /** An actual as the document lists it: recorded by someone on a day, perhaps to be refused. */
    public record Actual(String indicator, Period period, Figure figure, Observation.Finality finality,
                         String recordedBy, LocalDate recordedOn, Optional<String> revisionReason) {
    }

    /** The owner's (or someone's) "what we've achieved" and "what next" for a quarter. */
    public record Story(String indicator, Period period, String achieved, String next, String by, LocalDate on) {
    }

    /** The register's lists as given (the reader gives them unmodifiable); what people did, copied; meetings by date. */
    public RegisterBook {
        actuals = List.copyOf(actuals);
        narratives = List.copyOf(narratives);
        meetings = meetings.stream().sorted(Comparator.comparing(Meeting::date)).toList();
    }

    public Optional<Person> person(String id) {
        return people.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public Optional<Meeting> meeting(LocalDate date) {
        return meetings.stream().filter(m -> m.date().equals(date)).findFirst();
    }

    /** The day the register is set up: the first of the financial year of its earliest baseline, entry or meeting. */
    public LocalDate firstDay() {
        LocalDate first = LocalDate.MAX;
        for (Indicator indicator : indicators) {
            first = min(first, indicator.baseline().period().firstDay());
        }
        for (Actual actual : actuals) {
            first = min(first, actual.recordedOn());
        }
        for (Story story : narratives) {
            first = min(first, story.on());
        }
        for (Meeting meeting : meetings) {
            first = min(first, meeting.date());
        }
        return first.equals(LocalDate.MAX) ? LocalDate.of(2000, 4, 1) : first;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
