package grants.documents.monitoring;

import grants.core.calendar.WorkingDays;
import grants.core.monitoring.Agreement;
import grants.core.monitoring.MonitoringSettings;
import grants.core.monitoring.Participant;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A monitoring document ({@code monitoring-rules.md}, "Agreements"), read whole and checked: the
 * agreements in force, the people and organisations, the days the daily run missed and finance paid,
 * and what people did, in order. {@link MonitoringBookJson} reads it; the replay lives it through.
 */
public record MonitoringBook(String bookId, Optional<String> note, MonitoringSettings settings,
                             SortedSet<LocalDate> bankHolidays, Map<String, Person> people,
                             Map<String, Organisation> organisations, List<Agreement> agreements,
                             SortedSet<LocalDate> sweepOutages, SortedSet<LocalDate> paymentRuns,
                             List<BookEvent> events, LocalDate asOf) {

    /** Someone of the document: their role, and for a lead contact the organisation they act for. */
    public record Person(String id, String name, String email, Participant.Kind role, Optional<String> organisation) {

        public Participant participant() {
            return new Participant(id, role, organisation);
        }
    }

    public record Organisation(String id, String name) {
    }

    /** Every list but {@code events} kept in the one order of its ids, so a shuffled document reads the same (M16). */
    public MonitoringBook {
        bankHolidays = new TreeSet<>(bankHolidays);
        people = new TreeMap<>(people);
        organisations = new TreeMap<>(organisations);
        agreements = agreements.stream().sorted(java.util.Comparator.comparing(Agreement::id)).toList();
        sweepOutages = new TreeSet<>(sweepOutages);
        paymentRuns = new TreeSet<>(paymentRuns);
        events = List.copyOf(events);
    }

    public WorkingDays calendar() {
        return new WorkingDays(bankHolidays);
    }

    /** The first day anything happens: the earliest start or event. */
    public LocalDate firstDay() {
        LocalDate first = asOf;
        for (Agreement agreement : agreements) {
            first = agreement.start().isBefore(first) ? agreement.start() : first;
        }
        return events.isEmpty() || !events.get(0).on().isBefore(first) ? first : events.get(0).on();
    }

    /** The events of one day, in the order they happened. */
    public List<BookEvent> eventsOn(LocalDate day) {
        return events.stream().filter(event -> event.on().equals(day)).toList();
    }

    public Agreement agreement(String agreementId) {
        return agreements.stream().filter(a -> a.id().equals(agreementId)).findFirst().orElseThrow();
    }
}
