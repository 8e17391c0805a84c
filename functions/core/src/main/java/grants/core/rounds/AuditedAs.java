package grants.core.rounds;

import grants.core.commissioning.Panel;
import grants.core.commissioning.Proposal;
import grants.core.commissioning.Specification;
import grants.core.money.Money;

import java.util.stream.Collectors;

/** How the audit trail describes a round's records: enough to see what a replacement changed. */
final class AuditedAs {

    private AuditedAs() {
    }

    static String specification(Specification specification) {
        return specification.issue() + ", at most " + Money.pounds(specification.maxAnnualPence()) + " a year: "
                + specification.outcome() + "; indicators: " + String.join("; ", specification.indicators());
    }

    static String panel(Panel panel) {
        return panel.members().stream().map(m -> m.id() + " (" + m.organisation() + ")").collect(Collectors.joining(", "));
    }

    static String meeting(Meeting meeting) {
        return meeting.at() + " for " + meeting.minutes() + " minutes" + (meeting.note() == null ? "" : ": " + meeting.note());
    }

    static String proposal(Proposal proposal) {
        return proposal.lead() + " asks " + Money.pounds(proposal.annualPence()) + " a year for \"" + proposal.title()
                + "\" (" + proposal.specification() + ")";
    }
}
