package grants.testing;

import grants.core.access.ForbiddenException;
import grants.core.commissioning.Contract;
import grants.core.notices.NoticeKind;
import grants.core.errors.ConflictException;
import grants.core.rounds.Acceptance;
import grants.core.rounds.ContractAcceptances;
import grants.core.rounds.Meeting;
import grants.core.rounds.ProposerMeetings;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import static grants.testing.TestRounds.manager;
import static grants.testing.TestRounds.proposerFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The lead organisation accepts its contract once published (once, audited, shown with who and when);
 * the proposer is invited to its panel meeting by email and sees it: date, place, who attends.
 */
class ContractsAndMeetingsTest {

    private static final String ROUND = LivedRound.ROUND;
    private static final String PATHWAYS = "unemployment-pathways";

    private final LivedRound round = new LivedRound();
    private final ContractAcceptances acceptances = new ContractAcceptances(round.store, round.rounds, round.clock);
    private final ProposerMeetings meetings = new ProposerMeetings(round.store, round.rounds, round.panels, round.letters);

    @Test
    void theLeadOrganisationAcceptsItsContractOnceAndTheContractShowsWhoAndWhen() {
        round.untilScoring();
        round.scored();
        round.awards.decide(manager(), ROUND);
        String contractId = round.awards.outcome(ROUND).contracts().stream().filter(c -> c.proposalId().equals(PATHWAYS))
                .findFirst().map(Contract::id).orElseThrow();
        assertThatThrownBy(() -> acceptances.accept(proposerFor("pathways"), ROUND, contractId))
                .as("not before publication").isInstanceOf(ConflictException.class).hasMessageContaining("is decided");
        round.awards.publish(manager(), ROUND);
        round.clock.set(Instant.parse("2002-08-01T10:00:00Z"));

        assertThatThrownBy(() -> acceptances.accept(proposerFor("jobcentre"), ROUND, contractId))
                .as("a partner is not the lead").isInstanceOf(ForbiddenException.class);
        ContractAcceptances.Accepted accepted = acceptances.accept(proposerFor("pathways"), ROUND, contractId);

        assertThat(accepted.acceptance()).hasValue(new Acceptance(contractId, "pathways",
                Instant.parse("2002-08-01T10:00:00Z"), "bids@pathways.example"));
        assertThat(acceptances.contracts(ROUND, round.awards.contracts(ROUND))).filteredOn(c -> c.acceptance().isPresent())
                .extracting(c -> c.contract().id()).containsExactly(contractId);
        assertThatThrownBy(() -> acceptances.accept(proposerFor("pathways"), ROUND, contractId))
                .isInstanceOf(ConflictException.class).hasMessageContaining("accepted by bids@pathways.example");
        assertThat(round.store.trail().page(ROUND, Optional.empty(), 500).entries())
                .filteredOn(entry -> entry.action().equals("CONTRACT_ACCEPTED")).singleElement()
                .satisfies(entry -> assertThat(entry.after()).isEqualTo("accepted for pathways by bids@pathways.example"));
    }

    @Test
    void theProposerIsEmailedTheInvitationOnceAndSeesItsMeetingWithoutThePanelsNotes() {
        round.untilScoring();
        LocalDateTime at = LocalDateTime.parse("2002-07-10T10:00");
        meetings.schedule(manager(), ROUND, new Meeting(PATHWAYS, at, 90, null, "Council House, Room 2",
                List.of("Unemployment panel: u2", "u3")));

        assertThat(round.notices.withPrefix(ROUND, "round/" + ROUND + "/meeting/")).singleElement().satisfies(notice -> {
            assertThat(notice.kind()).isEqualTo(NoticeKind.LETTER);
            assertThat(notice.recipients()).containsExactly(round.coventry.setup().organisation("pathways").orElseThrow().email());
        });
        assertThat(round.notices.letter(ROUND, "meeting-" + PATHWAYS + "-2002-07-10T1000").orElseThrow().text())
                .contains("10 July 2002 at 10am, for 90 minutes").contains("Where: Council House, Room 2")
                .contains("Who attends from the panel: Unemployment panel: u2, u3");

        meetings.schedule(manager(), ROUND, new Meeting(PATHWAYS, at, 90, "The lead explained the referral route.",
                "Council House, Room 2", List.of("u2", "u3")));
        assertThat(round.notices.withPrefix(ROUND, "round/" + ROUND + "/meeting/")).as("its notes send nothing").hasSize(1);

        assertThat(meetings.of(proposerFor("pathways"), ROUND, PATHWAYS)).singleElement().satisfies(meeting -> {
            assertThat(meeting.place()).isEqualTo("Council House, Room 2");
            assertThat(meeting.attendees()).containsExactly("u2", "u3");
            assertThat(meeting.note()).as("the panel's notes are the panel's").isNull();
        });
        assertThat(meetings.of(manager(), ROUND, PATHWAYS).get(0).note()).isNotNull();
        assertThatThrownBy(() -> meetings.of(proposerFor("northside"), ROUND, PATHWAYS))
                .isInstanceOf(ForbiddenException.class);
    }
}
