package grants.core.monitoring;

import grants.core.allocation.AllocationRow;
import grants.core.allocation.Status;
import grants.core.commissioning.Contract;
import grants.core.commissioning.Fund;
import grants.core.commissioning.Proposal;
import grants.core.run.AllocationRun;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How agreements enter monitoring, made from what rounds publish and runs commit: nobody re-types
 * them. Monitoring reads the rounds' and runs' published types; they never know monitoring exists.
 */
public final class AgreementSources {

    private AgreementSources() {
    }

    /**
     * A published contract's agreement: its fund's years from 1 April, its instalments as the
     * contract schedules them, its outputs, and its milestones in the proposal's order
     * ({@code <contract>/m1}, ...), each gating the first instalment due after it.
     */
    public static Agreement fromContract(String roundId, Fund fund, Contract contract, String officer) {
        List<Agreement.Instalment> instalments = contract.instalments().stream()
                .map(i -> new Agreement.Instalment(i.number(), i.due(), i.pence())).toList();
        List<Agreement.Milestone> milestones = new ArrayList<>();
        for (Proposal.Milestone milestone : contract.milestones()) {
            LocalDate due = LocalDate.parse(milestone.due());
            Set<Integer> gates = instalments.stream().filter(i -> i.due().isAfter(due)).findFirst()
                    .map(i -> Set.of(i.number())).orElse(Set.of());
            milestones.add(new Agreement.Milestone(contract.id() + "/m" + (milestones.size() + 1), due,
                    milestone.description(), gates));
        }
        return new Agreement(contract.id(), Agreement.Source.CONTRACT, roundId, contract.leadOrganisation(), officer,
                fund.start(), fund.start().plusYears(contract.years()).minusDays(1), instalments, milestones,
                contract.outputs().stream().map(o -> new Agreement.Output(o.measure(), o.annualTarget())).toList());
    }

    /** One agreement per funded partnership of a committed run: one instalment of its final grant. */
    public static List<Agreement> fromRun(AllocationRun run, GrantTerms terms) {
        String programmeId = run.header().programmeId();
        return run.rows().stream()
                .filter(row -> row.status() == Status.FUNDED && row.finalGrantPence() > 0)
                .map(row -> grant(programmeId, row, terms))
                .toList();
    }

    /** The agreement id of a partnership's grant in a programme. */
    public static String grantId(String programmeId, String partnershipId) {
        return "grant-" + programmeId + "-" + partnershipId;
    }

    private static Agreement grant(String programmeId, AllocationRow row, GrantTerms terms) {
        return new Agreement(grantId(programmeId, row.partnershipId()), Agreement.Source.GRANT, programmeId,
                row.partnershipId(), terms.officer(), terms.start(), terms.end(),
                List.of(new Agreement.Instalment(1, terms.paymentDue(), row.finalGrantPence())), List.of(), List.of());
    }
}
