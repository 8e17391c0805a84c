package grants.core.reporting;

import grants.core.errors.InvalidInputException;
import grants.core.errors.Problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The indicator register a manager keeps: themes (in the order the pack follows), outcomes, the
 * people it names, indicators and board meetings, and how many working days before a quarter's figures
 * are due their owners are reminded ({@code ownerReminderWorkingDays}). Figures and narratives are kept
 * beside it. Each change makes the next {@code version}; nothing here is typed that the rules compute.
 */
public record Register(String registerId, String note, List<Theme> themes, List<Outcome> outcomes,
                       List<Person> people, List<Indicator> indicators, List<Meeting> meetings,
                       int ownerReminderWorkingDays, long version) {

    /** Owners are reminded a working week before their figures are due, unless the manager says otherwise. */
    public static final int DEFAULT_OWNER_REMINDER_WORKING_DAYS = 5;

    /** At most a month of working days: a reminder further ahead would come before most quarters had ended. */
    public static final int MOST_OWNER_REMINDER_WORKING_DAYS = 20;

    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,64}");

    public Register {
        themes = List.copyOf(themes);
        outcomes = List.copyOf(outcomes);
        people = List.copyOf(people);
        indicators = List.copyOf(indicators);
        meetings = meetings.stream().sorted(Comparator.comparing(Meeting::date)).toList();
    }

    public static Register empty(String registerId, String note) {
        return empty(registerId, note, DEFAULT_OWNER_REMINDER_WORKING_DAYS);
    }

    public static Register empty(String registerId, String note, int ownerReminderWorkingDays) {
        if (registerId == null || !ID.matcher(registerId).matches()) {
            throw InvalidInputException.of("registerId", "must be 1 to 64 of a-z 0-9 -");
        }
        requireReminderDays(ownerReminderWorkingDays);
        return new Register(registerId, note, List.of(), List.of(), List.of(), List.of(), List.of(),
                ownerReminderWorkingDays, 1);
    }

    /** Owners reminded {@code days} working days before their figures are due (0: on the due day itself). */
    public Register withOwnerReminderWorkingDays(int days) {
        requireReminderDays(days);
        return new Register(registerId, note, themes, outcomes, people, indicators, meetings, days, version + 1);
    }

    private static void requireReminderDays(int days) {
        require(days >= 0 && days <= MOST_OWNER_REMINDER_WORKING_DAYS, "ownerReminderWorkingDays",
                "must be a whole number of working days from 0 to " + MOST_OWNER_REMINDER_WORKING_DAYS);
    }

    public Optional<Indicator> indicator(String id) {
        return indicators.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    public Optional<Person> person(String id) {
        return people.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public Optional<Outcome> outcome(String id) {
        return outcomes.stream().filter(o -> o.id().equals(id)).findFirst();
    }

    public Optional<Theme> theme(String id) {
        return themes.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public Optional<Meeting> meeting(java.time.LocalDate date) {
        return meetings.stream().filter(m -> m.date().equals(date)).findFirst();
    }

    /** The theme an indicator reports under, through its outcome. */
    public Theme themeOf(Indicator indicator) {
        return theme(outcome(indicator.outcome()).orElseThrow().theme()).orElseThrow();
    }

    /** Where the theme stands in the register's order (P8). */
    public int themeRank(Theme theme) {
        return themes.indexOf(theme);
    }

    /** Its indicators as packs and open data list them: by theme in register order, then reference (P8). */
    public List<Indicator> indicatorsInOrder() {
        return indicators.stream().sorted(Comparator.comparingInt((Indicator i) -> themeRank(themeOf(i)))
                .thenComparing(Indicator::reference, NaturalOrder.INSTANCE)).toList();
    }

    public Register withTheme(Theme theme) {
        require(theme.id() != null && ID.matcher(theme.id()).matches(), "theme.id", "must be 1 to 64 of a-z 0-9 -");
        require(theme.title() != null && !theme.title().isBlank(), "theme.title", "is required");
        return next(replaced(themes, theme, Theme::id), outcomes, people, indicators, meetings);
    }

    public Register withOutcome(Outcome outcome) {
        require(outcome.id() != null && ID.matcher(outcome.id()).matches(), "outcome.id", "must be 1 to 64 of a-z 0-9 -");
        require(theme(outcome.theme()).isPresent(), "outcome.theme", "must be a theme of the register");
        return next(themes, replaced(outcomes, outcome, Outcome::id), people, indicators, meetings);
    }

    public Register withPerson(Person person) {
        require(person.id() != null && ID.matcher(person.id()).matches(), "person.id", "must be 1 to 64 of a-z 0-9 -");
        require(person.name() != null && !person.name().isBlank(), "person.name", "is required");
        require(person.kind() != null, "person.role", "must be OWNER, BOARD, SCRUTINY or MANAGER");
        return next(themes, outcomes, replaced(people, person, Person::id), indicators, meetings);
    }

    /**
     * Adds or changes an indicator. Once it has figures ({@code hasFigures}), its measure, accumulation
     * and polarity are refused any change: the figures were recorded as that measure.
     */
    public Register withIndicator(Indicator indicator, boolean hasFigures) {
        List<Problem> problems = new ArrayList<>(indicator.problems("indicator"));
        if (indicator.outcome() != null && outcome(indicator.outcome()).isEmpty()) {
            problems.add(new Problem("indicator.outcome", "must be an outcome of the register"));
        }
        if (indicator.owner() != null && person(indicator.owner()).isEmpty()) {
            problems.add(new Problem("indicator.owner", "must be a person of the register"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The indicator was refused: " + problems.size() + " problem(s).", problems);
        }
        Optional<Indicator> before = indicator(indicator.id());
        if (hasFigures && before.isPresent() && (before.get().measure() != indicator.measure()
                || before.get().accumulation() != indicator.accumulation()
                || before.get().polarity() != indicator.polarity())) {
            throw new RefusedException(Refusal.LOCKED, "indicator " + indicator.id());
        }
        return next(themes, outcomes, people, replaced(indicators, indicator, Indicator::id), meetings);
    }

    /** A board meeting; the quarter it reviews must have ended by its date. */
    public Register withMeeting(Meeting meeting) {
        require(meeting.reviews().endedBefore(meeting.date()), "meeting.reviews",
                "must be a quarter that has ended by the meeting's date");
        require(meeting(meeting.date()).isEmpty(), "meeting.date", "already has a meeting");
        List<Meeting> all = new ArrayList<>(meetings);
        all.add(meeting);
        return next(themes, outcomes, people, indicators, all);
    }

    private Register next(List<Theme> t, List<Outcome> o, List<Person> p, List<Indicator> i, List<Meeting> m) {
        return new Register(registerId, note, t, o, p, i, m, ownerReminderWorkingDays, version + 1);
    }

    /** The list with {@code item} in place of the one with its id, or added at the end. */
    private static <T> List<T> replaced(List<T> items, T item, Function<T, String> id) {
        List<T> all = new ArrayList<>(items);
        int at = -1;
        for (int i = 0; i < all.size(); i++) {
            if (id.apply(all.get(i)).equals(id.apply(item))) {
                at = i;
            }
        }
        if (at < 0) {
            all.add(item);
        } else {
            all.set(at, item);
        }
        return all;
    }

    private static void require(boolean holds, String field, String problem) {
        if (!holds) {
            throw InvalidInputException.of(field, problem);
        }
    }
}
