package grants.core.commissioning;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A lead organisation's proposal against one specification, with what the gateway checks (rule C4). */
public record Proposal(String id, String specification, String title, String lead, List<String> partners,
                       long annualPence, String evaluationPlan, Sponsor sponsor, boolean clientGroupConsulted,
                       int clientGroupSeats, Map<String, String> crossCutting, List<Milestone> milestones,
                       List<Output> outputs) {

    public Proposal {
        partners = List.copyOf(partners);
        crossCutting = new TreeMap<>(crossCutting);
        milestones = List.copyOf(milestones);
        outputs = List.copyOf(outputs);
    }

    /** The public body that will consider mainstream funding if the activity succeeds. */
    public record Sponsor(String organisation, String commitment) {
    }

    /** A key milestone; {@code due} is an ISO date. */
    public record Milestone(String due, String description) {
    }

    public record Output(String measure, long annualTarget) {
    }

    /** Whether the organisation leads or partners this proposal. */
    public boolean involves(String organisation) {
        return lead.equals(organisation) || partners.contains(organisation);
    }
}
