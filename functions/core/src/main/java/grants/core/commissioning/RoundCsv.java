package grants.core.commissioning;

import grants.core.money.Money;
import grants.core.text.Csv;

import java.util.List;

/** The three CSV files of a decided round, exactly as {@code commissioning-rules.md} defines them. */
public final class RoundCsv {

    private RoundCsv() {
    }

    public static String priorities(Priorities priorities) {
        StringBuilder csv = new StringBuilder("issue_id,title,dots,survey_rank,rank,selected\n");
        for (Priorities.RankedIssue issue : priorities.ranked()) {
            Csv.line(csv, List.of(issue.issue().id(), issue.issue().title(), String.valueOf(issue.dots()),
                    String.valueOf(issue.issue().surveyRank()), String.valueOf(issue.rank()), String.valueOf(issue.selected())));
        }
        return csv.toString();
    }

    public static String proposals(RoundOutcome outcome) {
        StringBuilder csv = new StringBuilder("specification_id,proposal_id,lead_organisation,annual_amount_gbp,eligible,"
                + "problems,scorers,conflicted_excluded,mean_score,final_score,status,award_annual_gbp,award_total_gbp,reason\n");
        for (ProposalOutcome proposal : outcome.proposals()) {
            Csv.line(csv, List.of(proposal.proposal().specification(), proposal.proposal().id(), proposal.proposal().lead(),
                    Money.format(proposal.proposal().annualPence()), String.valueOf(proposal.eligible()),
                    proposal.problems(), String.valueOf(proposal.scorers()), String.valueOf(proposal.conflictedExcluded()),
                    format(proposal.meanScore()), format(proposal.finalScore()), proposal.status().name(),
                    Money.format(proposal.awardAnnualPence()), Money.format(proposal.awardTotalPence()), proposal.reason()));
        }
        return csv.toString();
    }

    public static String contracts(List<Contract> contracts) {
        StringBuilder csv = new StringBuilder("contract_id,proposal_id,lead_organisation,instalment,due_date,amount_gbp\n");
        for (Contract contract : contracts) {
            for (Instalment instalment : contract.instalments()) {
                Csv.line(csv, List.of(contract.id(), contract.proposalId(), contract.leadOrganisation(),
                        String.valueOf(instalment.number()), instalment.due().toString(), Money.format(instalment.pence())));
            }
        }
        return csv.toString();
    }

    private static String format(Fraction score) {
        return score == null ? "" : score.format();
    }
}
