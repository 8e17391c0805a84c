package grants.testing;

import grants.core.monitoring.Addressees;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** {@link Addressees} in memory: people's addresses, lead contacts by organisation, and the addresses that bounced. */
public final class InMemoryAddressees implements Addressees {

    private final Map<String, String> addressOf = new TreeMap<>();
    private final Map<String, Set<String>> leadContactsOf = new TreeMap<>();
    private final Set<String> bounced = new TreeSet<>();

    public synchronized InMemoryAddressees person(String personId, String email) {
        addressOf.put(personId, email);
        return this;
    }

    public synchronized InMemoryAddressees leadContact(String personId, String email, String organisation) {
        person(personId, email);
        leadContactsOf.computeIfAbsent(organisation, o -> new TreeSet<>()).add(personId);
        return this;
    }

    public synchronized void bounce(String email) {
        bounced.add(email);
    }

    @Override
    public synchronized List<String> leadContacts(String organisation) {
        return leadContactsOf.getOrDefault(organisation, Set.of()).stream().map(addressOf::get)
                .filter(email -> !bounced.contains(email)).sorted().toList();
    }

    @Override
    public synchronized List<String> person(String personId) {
        String email = addressOf.get(personId);
        return email == null || bounced.contains(email) ? List.of() : List.of(email);
    }
}
