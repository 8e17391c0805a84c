package grants.core.monitoring;

import java.util.Optional;

/**
 * Someone acting on agreements, as monitoring sees them: their person id, what they are, and for
 * a lead contact the organisation they act for. An agreement's officer is the person it names.
 */
public record Participant(String id, Kind kind, Optional<String> organisation) {

    /** {@code OTHER}: someone monitoring gives nothing to do, such as an auditor. */
    public enum Kind { MANAGER, OFFICER, FINANCE, SUB_GROUP, LEAD_CONTACT, OTHER }

    boolean is(Kind wanted) {
        return kind == wanted;
    }

    boolean isLeadContactOf(String organisationId) {
        return kind == Kind.LEAD_CONTACT && organisation.filter(organisationId::equals).isPresent();
    }

    boolean isOfficerOf(Agreement agreement) {
        return kind != Kind.LEAD_CONTACT && kind != Kind.OTHER && id.equals(agreement.officer());
    }

    boolean managesOrPays() {
        return kind == Kind.MANAGER || kind == Kind.FINANCE;
    }
}
