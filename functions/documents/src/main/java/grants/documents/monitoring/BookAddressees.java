package grants.documents.monitoring;

import grants.core.monitoring.Addressees;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Where a replayed document's reminders go: its people's addresses, lead contacts by the
 * organisation they act for, less every address a {@code bounce} event has marked.
 */
public final class BookAddressees implements Addressees {

    private final MonitoringBook book;
    private final Set<String> bounced = new ConcurrentSkipListSet<>();

    public BookAddressees(MonitoringBook book) {
        this.book = book;
    }

    public void bounce(String email) {
        bounced.add(email);
    }

    @Override
    public List<String> leadContacts(String organisation) {
        return book.people().values().stream().filter(p -> p.organisation().filter(organisation::equals).isPresent())
                .map(MonitoringBook.Person::email).filter(email -> !bounced.contains(email)).sorted().toList();
    }

    @Override
    public List<String> person(String personId) {
        MonitoringBook.Person person = book.people().get(personId);
        return person == null || bounced.contains(person.email()) ? List.of() : List.of(person.email());
    }
}
