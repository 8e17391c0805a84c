package grants.testing;

import grants.core.access.Actor;
import grants.core.access.ForbiddenException;
import grants.core.access.Role;
import grants.core.audit.AuditEntry;
import grants.core.commissioning.ProposalOutcome;
import grants.core.errors.ConflictException;
import grants.core.errors.InvalidInputException;
import grants.core.rounds.LateInterests;
import grants.core.rounds.RoundSchedules;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static grants.testing.TestRounds.manager;
import static grants.testing.TestRounds.person;
import static grants.testing.TestRounds.proposerFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Fair to every proposer: a member declares against each proposal before opening it, even one that
 * arrives after their first declaration; an interest declared late excludes the member's score; and
 * the decisions show each contract's C11 schedule, marking the instalments whose day has passed.
 */
class DeclarationsAndSchedulesTest {

    private static final String ROUND = LivedRound.ROUND;
    private static final String PATHWAYS = "unemployment-pathways";
    private static final String NORTHSIDE = "unemployment-northside";

    private final LivedRound round = new LivedRound();
    private final LateInterests late = new LateInterests(round.store, round.rounds, round.clock);
    private final RoundSchedules schedules = new RoundSchedules(round.rounds, round.awards, round.clock);
    private final Actor u3 = person(Role.PANEL_MEMBER, "u3");

    @Test
    void aProposalThatArrivesAfterAMembersDeclarationStaysClosedToThemUntilTheyDeclareAgainstIt() {
        round.untilProposing();
        round.panels.propose(proposerFor("pathways"), ROUND, round.coventry.proposal(PATHWAYS).orElseThrow());
        round.panels.declare(u3, ROUND, "u3", List.of());
        assertThat(round.panels.proposal(u3, ROUND, PATHWAYS).proposal().id()).isEqualTo(PATHWAYS);

        round.panels.propose(proposerFor("northside"), ROUND, round.coventry.proposal(NORTHSIDE).orElseThrow());

        assertThatThrownBy(() -> round.panels.proposal(u3, ROUND, NORTHSIDE)).isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("Declare your interests in \"" + NORTHSIDE + "\" first");
        assertThat(round.panels.proposals(u3, ROUND)).extracting(c -> c.proposal().id()).containsExactly(PATHWAYS);
        assertThat(round.panels.toDeclare(u3, ROUND, "u3").awaiting()).containsExactly(NORTHSIDE);

        round.panels.declare(u3, ROUND, "u3", List.of());

        assertThat(round.panels.proposal(u3, ROUND, NORTHSIDE).proposal().id()).isEqualTo(NORTHSIDE);
        assertThat(round.panels.toDeclare(u3, ROUND, "u3").awaiting()).isEmpty();
        assertThat(round.store.trail().page(ROUND, Optional.empty(), 500).entries())
                .filteredOn(entry -> entry.action().equals("INTERESTS_DECLARED")).extracting(AuditEntry::after)
                .containsExactlyInAnyOrder("against " + PATHWAYS + ": no interests", "against " + NORTHSIDE + ": no interests");
    }

    @Test
    void anAnswerGivenIsFinalAndAnInterestInAProposalDeclaredAgainstAlreadyIsTheManagersToRecord() {
        round.untilProposing();
        round.panels.propose(proposerFor("pathways"), ROUND, round.coventry.proposal(PATHWAYS).orElseThrow());
        round.panels.declare(u3, ROUND, "u3", List.of());

        InvalidInputException refused = catchThrowableOfType(() -> round.panels.declare(u3, ROUND, "u3",
                Optional.of(List.of(PATHWAYS)), List.of(PATHWAYS)), InvalidInputException.class);
        assertThat(refused.details()).extracting(problem -> problem.field()).containsExactly("proposals[0]");
        round.panels.propose(proposerFor("northside"), ROUND, round.coventry.proposal(NORTHSIDE).orElseThrow());
        assertThat(catchThrowableOfType(() -> round.panels.declare(u3, ROUND, "u3", Optional.of(List.of(NORTHSIDE, NORTHSIDE)),
                List.of()), InvalidInputException.class).details()).extracting(problem -> problem.field())
                .containsExactly("proposals[1]");
        InvalidInputException interest = catchThrowableOfType(() -> round.panels.declare(u3, ROUND, "u3", List.of(PATHWAYS)),
                InvalidInputException.class);
        assertThat(interest.details()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("interests[0]");
            assertThat(problem.problem()).contains("ask the programme manager");
        });
        round.panels.declare(u3, ROUND, "u3", List.of());
        assertThatThrownBy(() -> round.panels.declare(u3, ROUND, "u3", List.of())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("every proposal before their panel");
        assertThat(round.store.declarations(ROUND).get("u3")).isEmpty();
    }

    @Test
    void aLateInterestRecordedByTheManagerExcludesTheMembersScoreAndIsAudited() {
        round.untilScoring();
        round.scored();
        assertThat(outcome(PATHWAYS).scorers()).isEqualTo(3);
        assertThat(outcome(PATHWAYS).conflictedExcluded()).isEqualTo(1);
        round.awards.decide(manager(), ROUND);

        assertThatThrownBy(() -> late.record(person(Role.PANEL_MEMBER, "u2"), ROUND, "u2", PATHWAYS, "told us"))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> late.record(manager(), ROUND, "u2", PATHWAYS, " "))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("reason");
        assertThat(late.record(manager(), ROUND, "u2", PATHWAYS, "Her husband chairs Pathways' board; she told us on 3 July."))
                .contains(PATHWAYS);

        assertThat(outcome(PATHWAYS).scorers()).as("u2's score no longer counted").isEqualTo(2);
        assertThat(outcome(PATHWAYS).conflictedExcluded()).isEqualTo(2);
        assertThat(round.store.trail().page(ROUND, Optional.empty(), 500).entries())
                .filteredOn(entry -> entry.action().equals("LATE_INTEREST_RECORDED")).singleElement()
                .satisfies(entry -> assertThat(entry.after()).contains(PATHWAYS, "husband chairs"));
        assertThatThrownBy(() -> late.record(manager(), ROUND, "u2", PATHWAYS, "again"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already");

        round.awards.publish(manager(), ROUND);
        assertThatThrownBy(() -> late.record(manager(), ROUND, "u3", PATHWAYS, "after publication"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("published");
    }

    @Test
    void theDecisionsShowEachContractsScheduleBeforePublishingMarkingTheInstalmentsWhoseDayHasPassed() {
        round.untilScoring();
        round.scored();
        round.awards.decide(manager(), ROUND);
        round.clock.set(Instant.parse("2002-07-02T09:00:00Z")); // after 1 April and 1 July 2002, the first two due days

        RoundSchedules.Schedules asOf = schedules.schedules(manager(), ROUND);

        assertThat(asOf.asOf()).isEqualTo(LocalDate.of(2002, 7, 2));
        assertThat(asOf.contracts()).hasSize(7);
        RoundSchedules.Schedule skills = asOf.contracts().stream()
                .filter(s -> s.contract().proposalId().equals("skills-network")).findFirst().orElseThrow();
        assertThat(skills.instalments()).hasSize(12);
        assertThat(skills.instalments()).filteredOn(RoundSchedules.Due::dayPassed)
                .extracting(due -> due.instalment().due().toString()).containsExactly("2002-04-01", "2002-07-01");
        assertThat(skills.passedPence()).as("two of 200,000.00").isEqualTo(40_000_000L);
        assertThat(skills.instalments().get(2).instalment().due()).as("C11's schedule, unmoved")
                .isEqualTo(LocalDate.of(2002, 10, 1));
        assertThatThrownBy(() -> schedules.schedules(person(Role.FINANCE_OFFICER, "finance"), ROUND))
                .as("finance sees the decisions once published").isInstanceOf(ConflictException.class);
    }

    private ProposalOutcome outcome(String proposal) {
        return round.awards.outcome(ROUND).proposals().stream().filter(p -> p.proposal().id().equals(proposal)).findFirst()
                .orElseThrow();
    }
}
