package grants.core.programme;

import java.util.List;

/**
 * A Local Strategic Partnership. {@code county} is the id of its county, for districts only.
 * {@code type} is null only while a programme is being validated and its type was unreadable.
 */
public record Partnership(String id, String name, PartnershipType type, String county, boolean laa,
                          List<Contact> contacts) {

    public Partnership {
        contacts = List.copyOf(contacts);
    }

    public Tier tier() {
        return type.tier();
    }
}
