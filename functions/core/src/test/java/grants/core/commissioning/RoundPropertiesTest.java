package grants.core.commissioning;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Rules C5, C12 and C13 over rounds of every shape. */
class RoundPropertiesTest {

    @Property(tries = 300)
    void everySpecificationAndTheFundConserveTheirMoney(@ForAll long seed) {
        Round round = RandomRounds.generate(seed);
        assertThat(RoundValidator.problems(round)).isEmpty();
        RoundOutcome outcome = Decisions.decide(round);
        long awarded = 0;
        for (RoundOutcome.SpecificationBudget budget : outcome.budgets()) {
            long awardedHere = outcome.proposals().stream()
                    .filter(p -> p.proposal().specification().equals(budget.specification().id()))
                    .mapToLong(ProposalOutcome::awardAnnualPence).sum();
            assertThat(awardedHere).isEqualTo(budget.awardedAnnualPence());
            assertThat(budget.leftAnnualPence()).isNotNegative();
            assertThat(awardedHere + budget.leftAnnualPence()).isEqualTo(budget.specification().maxAnnualPence());
            awarded += awardedHere;
        }
        assertThat(awarded + outcome.unawardedAnnualPence()).isEqualTo(round.setup().fund().annualPence());
        assertThat(outcome.unawardedAnnualPence()).isNotNegative();
        for (Contract contract : outcome.contracts()) {
            assertThat(contract.totalPence()).isEqualTo(contract.annualPence() * round.setup().fund().years());
            assertThat(contract.instalments()).hasSize(4 * round.setup().fund().years());
        }
        assertThat(outcome.awardedTotalPence()).isEqualTo(awarded * round.setup().fund().years());
    }

    @Property(tries = 300)
    void aConflictedMembersScoreIsNeverCounted(@ForAll long seed) {
        Round round = RandomRounds.generate(seed);
        // Whatever a conflicted member says, nothing but the count of refused scores may change.
        List<ScoreSheet> rescored = new ArrayList<>();
        for (ScoreSheet sheet : round.scores()) {
            Proposal proposal = round.proposal(sheet.proposal()).orElseThrow();
            Panel.Member member = round.panel(proposal.specification()).flatMap(p -> p.member(sheet.member())).orElseThrow();
            if (member.isConflictedOn(proposal)) {
                Map<String, Integer> extreme = new TreeMap<>();
                sheet.criteria().forEach((criterion, score) -> extreme.put(criterion, score == 0 ? round.setup().scoreScale() : 0));
                rescored.add(new ScoreSheet(sheet.member(), sheet.proposal(), extreme));
            } else {
                rescored.add(sheet);
            }
        }
        Round changed = new Round(round.setup(), round.ballots(), round.specifications(), round.proposals(),
                round.panels(), rescored, round.moderations());
        assertThat(RoundCsv.proposals(Decisions.decide(changed))).isEqualTo(RoundCsv.proposals(Decisions.decide(round)));
    }

    @Property(tries = 300)
    void theOrderOfTheListsChangesNoOutputByte(@ForAll long seed, @ForAll long shuffleSeed) {
        Round round = RandomRounds.generate(seed);
        RoundOutcome original = Decisions.decide(round);
        RoundOutcome shuffled = Decisions.decide(RandomRounds.shuffled(round, shuffleSeed));
        assertThat(RoundCsv.priorities(shuffled.priorities())).isEqualTo(RoundCsv.priorities(original.priorities()));
        assertThat(RoundCsv.proposals(shuffled)).isEqualTo(RoundCsv.proposals(original));
        assertThat(RoundCsv.contracts(shuffled.contracts())).isEqualTo(RoundCsv.contracts(original.contracts()));
    }
}
