package grants.core.run;

import grants.core.programme.AdditionalFund;
import grants.core.programme.Contact;
import grants.core.programme.Programme;

import java.util.List;
import java.util.OptionalLong;

/**
 * What is said of a run's programme beyond its partnerships: the finance email's name, recipients and
 * other funds, and the budget lines the ledger opens from it (the grant budget, the other funds). A
 * national programme's snapshot is tens of megabytes, this a few hundred bytes.
 */
public record ProgrammeOutline(String programmeId, String name, List<Contact> financeContacts,
                               List<AdditionalFund> additionalFunds, OptionalLong grantBudgetPence) {

    public ProgrammeOutline {
        financeContacts = List.copyOf(financeContacts);
        additionalFunds = List.copyOf(additionalFunds);
    }

    public static ProgrammeOutline of(Programme programme) {
        return new ProgrammeOutline(programme.programmeId(), programme.name(), programme.financeContacts(),
                programme.additionalFunds(), programme.grantBudgetPence());
    }
}
