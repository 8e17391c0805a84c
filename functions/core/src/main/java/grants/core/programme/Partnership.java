package grants.core.programme;

import java.util.List;

/**
 * A Local Strategic Partnership. {@code county} is the id of its county, for districts only.
 * {@code type} is null only while a programme is being validated and its type was unreadable.
 * The finance fields are optional: {@code orgId} a registered organisation identifier such as
 * {@code GB-LAE-BIR}, {@code accountableBody} the body paid on the partnership's behalf (the
 * partnership's name when absent), {@code areaCode} the ONS code of its area.
 */
public record Partnership(String id, String name, PartnershipType type, String county, boolean laa,
                          List<Contact> contacts, String orgId, String accountableBody, String areaCode) {

    public Partnership {
        contacts = List.copyOf(contacts);
    }

    public Tier tier() {
        return type.tier();
    }

    public String payee() {
        return accountableBody != null ? accountableBody : name;
    }
}
