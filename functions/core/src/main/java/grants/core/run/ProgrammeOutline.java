package grants.core.run;

import grants.core.programme.AdditionalFund;
import grants.core.programme.Contact;
import grants.core.programme.Programme;

import java.util.List;

/**
 * What a run's announcement says of its programme (the finance email's name, recipients and other
 * funds), without its partnerships: a national programme's snapshot is tens of megabytes, this a few
 * hundred bytes.
 */
public record ProgrammeOutline(String programmeId, String name, List<Contact> financeContacts,
                               List<AdditionalFund> additionalFunds) {

    public ProgrammeOutline {
        financeContacts = List.copyOf(financeContacts);
        additionalFunds = List.copyOf(additionalFunds);
    }

    public static ProgrammeOutline of(Programme programme) {
        return new ProgrammeOutline(programme.programmeId(), programme.name(), programme.financeContacts(),
                programme.additionalFunds());
    }
}
