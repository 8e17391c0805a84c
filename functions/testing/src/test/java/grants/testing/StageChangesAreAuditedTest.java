package grants.testing;

import grants.core.audit.AuditEntry;
import grants.core.errors.ConflictException;
import grants.core.rounds.Meeting;
import grants.core.rounds.ProposerMeetings;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static grants.testing.TestRounds.manager;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A round's stage changes and its panels' meetings are recorded by the use cases themselves, in
 * the store's write (no route is involved here): each change once, by who made it, and a repeat
 * that changes nothing records nothing.
 */
class StageChangesAreAuditedTest {

    private static final String ROUND = LivedRound.ROUND;
    private static final String PATHWAYS = "unemployment-pathways";

    private final LivedRound round = new LivedRound();

    @Test
    void everyStageChangeIsRecordedOnceByTheUseCaseThatMadeIt() {
        livedUntilScored();
        for (int time = 1; time <= 2; time++) { // the second time changes nothing
            round.awards.decide(manager(), ROUND);
            round.awards.publish(manager(), ROUND);
        }

        List<AuditEntry> stageChanges = trail().stream().filter(entry -> List.of("VOTING_CLOSED", "SPECIFICATIONS_PUBLISHED",
                "PROPOSALS_CLOSED", "ROUND_DECIDED", "DECISIONS_PUBLISHED").contains(entry.action())).toList();
        assertThat(stageChanges).as("in the order they happened; deciding or publishing again changes nothing")
                .extracting(AuditEntry::action).containsExactly("VOTING_CLOSED", "SPECIFICATIONS_PUBLISHED",
                        "PROPOSALS_CLOSED", "ROUND_DECIDED", "DECISIONS_PUBLISHED");
        assertThat(stageChanges).extracting(AuditEntry::actorEmail).containsOnly(manager().email());
        assertThat(stageChanges).extracting(AuditEntry::before)
                .containsExactly("VOTING", "SPECIFYING", "PROPOSING", "SCORING", "DECIDED");
        assertThat(stageChanges.get(1).after()).isEqualTo("sent to " + round.coventry.setup().mailingList().size()
                + " addresses, closing 2002-06-30");
    }

    @Test
    void aMeetingIsRecordedWithWhatItReplacedAndARefusedOneIsNot() {
        livedUntilScored();
        ProposerMeetings meetings = new ProposerMeetings(round.store, round.rounds, round.panels, round.letters);
        LocalDateTime at = LocalDateTime.parse("2002-07-10T10:00");
        meetings.schedule(manager(), ROUND, new Meeting(PATHWAYS, at, 90, null));
        meetings.schedule(manager(), ROUND, new Meeting(PATHWAYS, at, 90, "The lead explained the referral route."));
        assertThatThrownBy(() -> meetings.schedule(manager(), ROUND, new Meeting(PATHWAYS, at, 90, "Nothing was said.")))
                .isInstanceOf(ConflictException.class);

        assertThat(trail()).filteredOn(entry -> entry.action().equals("MEETING_NOTED"))
                .extracting(AuditEntry::target, AuditEntry::before, AuditEntry::after)
                .containsExactly(
                        Tuple.tuple("proposal " + PATHWAYS, null, "2002-07-10T10:00 for 90 minutes"),
                        Tuple.tuple("proposal " + PATHWAYS, "2002-07-10T10:00 for 90 minutes",
                                "2002-07-10T10:00 for 90 minutes: The lead explained the referral route."));
    }

    /** Voting closed, specifications published, proposals closed (each a stage change), and every score in. */
    private void livedUntilScored() {
        round.untilScoring();
        round.scored();
    }

    /** The round's trail, oldest first. */
    private List<AuditEntry> trail() {
        List<AuditEntry> oldestFirst = new ArrayList<>(round.store.trail().page(ROUND, Optional.empty(), 1000).entries());
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }
}
