package grants.documents.governance;

import grants.core.governance.Body;
import grants.core.governance.GovernanceSettings;
import grants.core.governance.Meeting;
import grants.core.reporting.Indicator;
import grants.core.reporting.Person;
import grants.documents.reporting.RegisterBook;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A governance book (governance-rules.md, "Input: a governance book") read whole by {@link GovernanceBookJson}:
 * a register, with its bodies, their meetings and what people did. Every list but {@code events} is kept in
 * one order whatever the book's (G13): bodies by id, meetings by date then body, days sorted.
 */
public record GovernanceBook(RegisterBook register, GovernanceSettings settings, List<LocalDate> bankHolidays,
                             Set<LocalDate> sweepOutages, Map<String, Optional<String>> organisations,
                             List<Body> bodies, List<Meeting> meetings, List<GovernanceEvent> events, LocalDate asOf) {

    public GovernanceBook {
        bankHolidays = bankHolidays.stream().distinct().sorted().toList();
        sweepOutages = new TreeSet<>(sweepOutages);
        organisations = new TreeMap<>(organisations);
        bodies = bodies.stream().sorted(Comparator.comparing(Body::id)).toList();
        meetings = meetings.stream().sorted(Comparator.comparing(Meeting::date).thenComparing(Meeting::body)).toList();
        events = List.copyOf(events);
    }

    public String registerId() {
        return register.registerId();
    }

    /** The people who may record decisions (the clerk): the register's managers, by id. */
    public Set<String> managers() {
        return register.people().stream().filter(p -> p.kind() == Person.Kind.MANAGER).map(Person::id)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Each indicator's owner. */
    public Map<String, String> indicatorOwners() {
        return register.indicators().stream().collect(Collectors.toMap(Indicator::id, Indicator::owner, (a, b) -> a,
                TreeMap::new));
    }

    /** The day governance starts: the first meeting of a body or the first event. */
    public LocalDate governanceStarts() {
        return Stream.concat(meetings.stream().map(Meeting::date), events.stream().map(GovernanceEvent::on))
                .min(LocalDate::compareTo).orElse(asOf);
    }
}
