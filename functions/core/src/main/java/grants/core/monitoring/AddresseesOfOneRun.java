package grants.core.monitoring;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The addresses one daily run writes to, each looked up once: a thousand reminders of one round read
 * its organisations once, and a national programme's grants load the programme once, not once per
 * reminder. Made afresh for every run, so that a changed or bounced address counts from the next.
 */
final class AddresseesOfOneRun implements Addressees {

    private record Organisation(Agreement.Source source, String trail, String organisation) {
    }

    private final Addressees addressees;
    private final Map<Organisation, List<String>> leadContacts = new ConcurrentHashMap<>();
    private final Map<String, List<String>> people = new ConcurrentHashMap<>();

    AddresseesOfOneRun(Addressees addressees) {
        this.addressees = addressees;
    }

    @java.lang.Override
    public List<String> leadContacts(String organisation) {
        return addressees.leadContacts(organisation);
    }

    @java.lang.Override
    public List<String> leadContactsOf(Agreement agreement) {
        return leadContacts.computeIfAbsent(new Organisation(agreement.source(), agreement.trail(), agreement.organisation()),
                key -> addressees.leadContactsOf(agreement));
    }

    @java.lang.Override
    public List<String> person(String personId) {
        return people.computeIfAbsent(personId, addressees::person);
    }
}
