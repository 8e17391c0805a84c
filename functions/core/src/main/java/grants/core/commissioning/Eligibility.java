package grants.core.commissioning;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Rule C4, the eligibility gateway: every failed condition, named by its field, with why in plain words. */
public final class Eligibility {

    private Eligibility() {
    }

    /** One failed condition: the field the rules name, and a sentence a proposer can act on. */
    public record Failure(String field, String why) {
    }

    public static List<Failure> failures(RoundSetup setup, Specification specification, Proposal proposal) {
        List<Failure> failures = new ArrayList<>();
        if (proposal.partners().stream().noneMatch(partner -> !partner.equals(proposal.lead()))) {
            failures.add(new Failure("partners", "it names no partner other than its lead, and every activity is"
                    + " delivered through a partnership"));
        }
        if (proposal.annualPence() <= 0) {
            failures.add(new Failure("annualAmount", "it asks for nothing a year"));
        } else if (specification != null && proposal.annualPence() > specification.maxAnnualPence()) {
            failures.add(new Failure("annualAmount", "it asks for " + grants.core.money.Money.pounds(proposal.annualPence())
                    + " a year, over the specification's maximum of "
                    + grants.core.money.Money.pounds(specification.maxAnnualPence())));
        }
        if (isBlank(proposal.evaluationPlan())) {
            failures.add(new Failure("evaluationPlan", "it has no evaluation plan"));
        }
        Optional<RoundSetup.Organisation> sponsor = proposal.sponsor() == null ? Optional.empty()
                : setup.organisation(proposal.sponsor().organisation());
        if (sponsor.isEmpty() || sponsor.get().sector() != Sector.PUBLIC || isBlank(proposal.sponsor().commitment())) {
            failures.add(new Failure("sponsor", "it needs a public sector sponsor committed to consider mainstream"
                    + " funding if it succeeds" + sponsor.filter(s -> s.sector() != Sector.PUBLIC)
                    .map(s -> ", and " + s.name() + " is " + s.sector().name().toLowerCase() + " sector").orElse("")));
        }
        if (!proposal.clientGroupConsulted() || proposal.clientGroupSeats() < 1) {
            failures.add(new Failure("clientGroup", "the client group must have been consulted and have at least one"
                    + " seat on the steering group"));
        }
        for (RoundSetup.Theme theme : setup.crossCuttingThemes()) {
            if (isBlank(proposal.crossCutting().get(theme.id()))) {
                failures.add(new Failure("crossCutting." + theme.id(), "it does not say how it addresses the"
                        + " cross-cutting theme " + theme.id()));
            }
        }
        if (proposal.milestones().isEmpty()) {
            failures.add(new Failure("milestones", "it has no milestone"));
        }
        if (proposal.outputs().isEmpty()) {
            failures.add(new Failure("outputs", "it has no output"));
        }
        if (setup.organisation(proposal.lead()).isEmpty()) {
            failures.add(new Failure("lead", "its lead is not an organisation of the round"));
        }
        return failures;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
