package grants.core.monitoring;

import java.util.List;

/** Where reminders go (outbound port): live addresses only, those that have bounced left out. */
public interface Addressees {

    /** Nobody's address: for a function that sends no reminder (the daily run alone sends them). */
    Addressees NONE = new Addressees() {
        @java.lang.Override
        public List<String> leadContacts(String organisation) {
            return List.of();
        }

        @java.lang.Override
        public List<String> person(String personId) {
            return List.of();
        }
    };

    /** The addresses of the lead contacts of an organisation. */
    List<String> leadContacts(String organisation);

    /** The addresses of the lead contacts of an agreement's organisation, where the agreement came from. */
    default List<String> leadContactsOf(Agreement agreement) {
        return leadContacts(agreement.organisation());
    }

    /** The address of a person (an agreement's officer), or none. */
    List<String> person(String personId);
}
