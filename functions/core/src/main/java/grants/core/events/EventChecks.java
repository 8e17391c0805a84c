package grants.core.events;

import grants.core.errors.InvalidInputException;
import grants.core.errors.Problem;
import grants.core.money.Days;
import grants.core.money.Money;
import grants.core.support.Adviser;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads an {@link EventForm} into an event, naming every bad field at once, or refusing it whole. */
final class EventChecks {

    static final int MOST_PLACES = 40;
    static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern ADDRESS = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");

    private final List<Problem> problems = new ArrayList<>();

    private EventChecks() {
    }

    /** @param advisers the programme's advisers by id; @param sets the programme's Action Learning Sets' ids */
    static LearningEvent read(String eventId, EventForm form, Map<String, Adviser> advisers, Set<String> sets) {
        EventChecks checks = new EventChecks();
        if (eventId == null || !ID.matcher(eventId).matches()) {
            checks.problem("eventId", "must be lower-case letters, digits and single hyphens, such as workshop-2008-03");
        }
        EventKind kind = checks.kind(form.kind());
        String title = checks.required("title", form.title(), 120);
        String topic = form.topic() == null || !ID.matcher(form.topic().strip()).matches() ? null : form.topic().strip();
        if (topic == null) {
            checks.problem("topic", "must be a competency domain's id, such as performance-management");
        }
        LocalDate date = checks.date(form.date());
        LocalTime starts = checks.time("starts", form.starts());
        LocalTime ends = checks.time("ends", form.ends());
        if (starts != null && ends != null && !ends.isAfter(starts)) {
            checks.problem("ends", "must be after the start time");
        }
        String place = blankToNull(form.place());
        String link = blankToNull(form.onlineLink());
        if (place == null && link == null) {
            checks.problem("place", "or an online link must be given");
        }
        if (link != null && (!link.startsWith("https://") || link.chars().anyMatch(Character::isWhitespace))) {
            checks.problem("onlineLink", "must be a web address starting https://");
        }
        int capacity = checks.capacity(form.capacity());
        List<String> facilitators = checks.facilitators(form.facilitators(), advisers);
        int halfDays = checks.halfDays(form.facilitatorDays());
        for (int i = 0; i < form.presenters().size(); i++) {
            if (form.presenters().get(i) == null || form.presenters().get(i).isBlank()) {
                checks.problem("presenters[" + i + "]", "must be a name");
            }
        }
        String setId = blankToNull(form.setId());
        if (kind == EventKind.ACTION_LEARNING_SET && (setId == null || !sets.contains(setId))) {
            checks.problem("setId", "must name one of the programme's Action Learning Sets");
        } else if (kind != null && kind != EventKind.ACTION_LEARNING_SET && setId != null) {
            checks.problem("setId", "is only for an Action Learning Set's meeting");
        }
        Optional<Long> cost = checks.cost(form.cost());
        if (!checks.problems.isEmpty()) {
            throw new InvalidInputException("The event has " + checks.problems.size() + " problem(s).", checks.problems);
        }
        return new LearningEvent(eventId, kind, title, topic, date, starts, ends, place, link, capacity, facilitators,
                halfDays, form.presenters().stream().map(String::strip).toList(), setId, cost);
    }

    /** An event's cost, optional: pounds and pence ("1250.00"), more than nothing. */
    private Optional<Long> cost(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            long pence = Money.parsePence(text.strip());
            if (pence > 0) {
                return Optional.of(pence);
            }
            problem("cost", "must be more than 0.00 (leave it out if the event costs nothing)");
        } catch (IllegalArgumentException bad) {
            problem("cost", bad.getMessage());
        }
        return Optional.empty();
    }

    static boolean isAddress(String email) {
        return email != null && ADDRESS.matcher(email.strip()).matches();
    }

    private void problem(String field, String problem) {
        problems.add(new Problem(field, problem));
    }

    private EventKind kind(String text) {
        try {
            return EventKind.valueOf(text == null ? "" : text.strip());
        } catch (IllegalArgumentException unknown) {
            problem("kind", "must be WORKSHOP, ACTION_LEARNING_SET or REGIONAL_SEMINAR");
            return null;
        }
    }

    private String required(String field, String text, int longest) {
        if (text == null || text.isBlank()) {
            problem(field, "must be given");
            return null;
        }
        if (text.strip().length() > longest) {
            problem(field, "must be " + longest + " characters or fewer");
        }
        return text.strip();
    }

    private LocalDate date(String text) {
        try {
            return LocalDate.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException bad) {
            problem("date", "must be a real date, such as 2008-03-12");
            return null;
        }
    }

    private LocalTime time(String field, String text) {
        try {
            return LocalTime.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException bad) {
            problem(field, "must be a time of day, such as 10:00");
            return null;
        }
    }

    private int capacity(String text) {
        try {
            int places = Integer.parseInt(text == null ? "" : text.strip());
            if (places >= 1 && places <= MOST_PLACES) {
                return places;
            }
        } catch (NumberFormatException notWhole) {
            // named below
        }
        problem("capacity", "must be a whole number of places from 1 to " + MOST_PLACES);
        return 0;
    }

    private List<String> facilitators(List<String> ids, Map<String, Adviser> advisers) {
        if (ids.isEmpty()) {
            problem("facilitators", "must name at least one adviser");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (id == null || !advisers.containsKey(id)) {
                problem("facilitators[" + i + "]", "names no adviser of this programme");
            } else if (!seen.add(id)) {
                problem("facilitators[" + i + "]", "names an adviser twice");
            }
        }
        return ids.stream().map(id -> id == null ? "" : id).toList();
    }

    private int halfDays(String text) {
        try {
            int halfDays = Days.parseHalfDays(text == null ? "" : text.strip());
            if (halfDays > 0) {
                return halfDays;
            }
            problem("facilitatorDays", "must be more than zero, in half-day steps (0.5, 1.0 ...)");
        } catch (RuntimeException bad) {
            problem("facilitatorDays", "must be days in half-day steps, such as 0.5 or 1.0");
        }
        return 0;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
