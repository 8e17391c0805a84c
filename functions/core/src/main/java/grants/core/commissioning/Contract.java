package grants.core.commissioning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rule C11: an award becomes a contract with its lead organisation for the fund's years, with the
 * proposal's milestones, outputs and cross-cutting commitments, paid in
 * four instalments a year in advance (1 April, 1 July, 1 October, 1 January); each is
 * floor(annual / 4) pence and the year's fourth takes what is left, so they add up exactly.
 */
public record Contract(String id, String proposalId, String specificationId, String leadOrganisation,
                       long annualPence, int years, List<Instalment> instalments, List<Proposal.Milestone> milestones,
                       List<Proposal.Output> outputs, Map<String, String> crossCuttingCommitments) {

    public Contract {
        instalments = List.copyOf(instalments);
        milestones = List.copyOf(milestones);
        outputs = List.copyOf(outputs);
        crossCuttingCommitments = new TreeMap<>(crossCuttingCommitments);
    }

    public static Contract of(Proposal proposal, Fund fund) {
        List<Instalment> instalments = new ArrayList<>();
        long quarter = proposal.annualPence() / 4;
        long fourth = proposal.annualPence() - 3 * quarter;
        for (int year = 0; year < fund.years(); year++) {
            var yearStart = fund.start().plusYears(year);
            for (int q = 0; q < 4; q++) {
                instalments.add(new Instalment(year * 4 + q + 1, yearStart.plusMonths(3L * q), q == 3 ? fourth : quarter));
            }
        }
        return new Contract(idFor(proposal.id()), proposal.id(), proposal.specification(), proposal.lead(),
                proposal.annualPence(), fund.years(), instalments, proposal.milestones(), proposal.outputs(),
                proposal.crossCutting());
    }

    public static String idFor(String proposalId) {
        return "contract-" + proposalId;
    }

    public long totalPence() {
        return instalments.stream().mapToLong(Instalment::pence).sum();
    }
}
