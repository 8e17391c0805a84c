package grants.testing.governance;

import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.governance.Body;
import grants.core.governance.Decision;
import grants.core.governance.DecisionRequest;
import grants.core.governance.GovernanceService;
import grants.core.governance.GovernanceSettings;
import grants.core.governance.Meeting;
import grants.core.governance.PackExceptions;
import grants.core.governance.PublicLog;
import grants.core.governance.RecommendationRecord;
import grants.core.governance.Terms;
import grants.testing.InMemoryAuditTrail;
import grants.testing.InMemoryGovernanceStore;
import grants.testing.SettableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the public reads without signing in (G11): the board meets on Friday 6 February 2026 and decides
 * an action, a recommendation and an exempt one; the public sees them on Monday 9 February, not on the
 * Friday nor over the weekend, the exempt one as its body, meeting, kind and that it is exempt only, and
 * an answer from the day it is recorded.
 */
class PublicLogTest {

    private static final String REGISTER = "test-register";
    private static final LocalDate FRIDAY = LocalDate.of(2026, 2, 6);
    private static final LocalDate MONDAY = LocalDate.of(2026, 2, 9);

    private InMemoryGovernanceStore store;
    private SettableClock clock;
    private GovernanceService service;
    private PublicLog log;
    private final Actor clerk = person("clerk", Role.PROGRAMME_MANAGER);
    private final Actor bob = person("bob", Role.INDICATOR_OWNER);

    private static Actor person(String id, Role... roles) {
        return new Actor(id, id + "@example.org", Set.of(roles), Optional.empty(), Optional.empty(), Set.of(REGISTER),
                Optional.of(id), Optional.empty());
    }

    @BeforeEach
    void theBoardDecidesOnAFriday() {
        store = new InMemoryGovernanceStore(List.of(), new InMemoryAuditTrail());
        clock = new SettableClock(at(FRIDAY));
        service = new GovernanceService(store, PackExceptions.NONE, GovernanceSettings.STANDARD, REGISTER, clock);
        log = new PublicLog(store, clock);
        service.setUpBody(clerk, new Body("board", "The board", Body.Kind.BOARD, Optional.empty(), true, 1, List.of(
                new Body.Member("chair", Body.Role.CHAIR, Optional.of("council")))));
        service.recordMeeting(clerk, new Meeting("board", FRIDAY, List.of("chair", "clerk")));
        service.decide(clerk, decision("board-1", Optional.empty(),
                new Terms.Action("bob", LocalDate.of(2026, 3, 31), "a plan to the board")));
        service.decide(clerk, decision("board-2", Optional.empty(),
                new Terms.Recommendation("bob", "Work with the job centres")));
        service.decide(clerk, decision("board-3", Optional.of(Decision.Exempt.COMMERCIAL),
                new Terms.Action("bob", LocalDate.of(2026, 4, 30), "the contractor's price agreed")));
    }

    private static DecisionRequest decision(String id, Optional<Decision.Exempt> exempt, Terms terms) {
        return new DecisionRequest(id, "board", "Item " + id, Optional.empty(), List.of(), exempt, terms);
    }

    private void on(LocalDate day) {
        clock.set(at(day));
    }

    private static java.time.Instant at(LocalDate day) {
        return day.atTime(9, 0).atZone(ZoneId.of("Europe/London")).toInstant();
    }

    @Test
    void aDecisionIsAbsentOnTheDayOfItsMeetingAndOverTheWeekendAndPresentTheNextWorkingDay() {
        for (LocalDate day : List.of(FRIDAY, FRIDAY.plusDays(1), FRIDAY.plusDays(2))) {
            on(day);
            PublicLog.Log seen = log.today();
            assertThat(seen.decisions()).as(day.toString()).isEmpty();
            assertThat(seen.actions()).as(day.toString()).isEmpty();
            assertThat(seen.recommendations()).as(day.toString()).isEmpty();
        }
        on(MONDAY);
        PublicLog.Log seen = log.today();
        assertThat(seen.decisions()).extracting(d -> d.id()).containsExactly("board-1", "board-2", "board-3");
        assertThat(seen.actions()).extracting(a -> a.standing().action().id()).containsExactly("board-1");
        assertThat(seen.actions().get(0).standing().words()).isEqualTo("Due 31 March 2026, not started");
        assertThat(seen.actions().get(0).publicFrom()).isEqualTo(MONDAY);
        assertThat(seen.recommendations()).extracting(r -> r.standing().recommendation().id()).containsExactly("board-2");
        assertThat(seen.recommendations().get(0).standing().words()).isEqualTo("Answer due 3 April 2026");
    }

    @Test
    void anExemptDecisionIsReducedToItsBodyMeetingKindAndThatItIsExemptAndItsActionIsNotListed() {
        on(MONDAY);
        var exempt = log.today().decisions().stream().filter(d -> d.id().equals("board-3")).findFirst().orElseThrow();
        assertThat(exempt.body()).isEqualTo("board");
        assertThat(exempt.meeting()).isEqualTo(FRIDAY);
        assertThat(exempt.kind()).isEqualTo(Terms.Kind.ACTION);
        assertThat(exempt.exempt()).contains(Decision.Exempt.COMMERCIAL);
        assertThat(exempt.item()).as("its item").isEmpty();
        assertThat(exempt.terms()).as("its owner, due date and criterion").isEmpty();
        assertThat(log.today().actions()).extracting(a -> a.standing().action().id()).doesNotContain("board-3");
    }

    @Test
    void anAnswerIsShownFromTheDayItIsRecordedWithTheActionsItMade() {
        on(MONDAY);
        assertThat(log.today().recommendations().get(0).standing().recommendation().response()).isEmpty();
        on(MONDAY.plusDays(1));
        service.respond(bob, "board-2", RecommendationRecord.Answer.ACCEPTED, "",
                List.of(new GovernanceService.NewAction("board-2-a1", LocalDate.of(2026, 5, 29), "two job fairs held")));

        PublicLog.Log seen = log.today();
        var answered = seen.recommendations().get(0).standing();
        assertThat(answered.recommendation().response()).get()
                .extracting(RecommendationRecord.Response::answer).isEqualTo(RecommendationRecord.Answer.ACCEPTED);
        assertThat(answered.words()).isEqualTo("Accepted, being carried out");
        assertThat(seen.actions()).extracting(a -> a.standing().action().id()).containsExactly("board-1", "board-2-a1");
        assertThat(seen.actions().get(1).publicFrom()).isEqualTo(MONDAY.plusDays(1));
    }

    @Test
    void aVariationChangesWhatThePublicSeesOnlyOnceItsDecisionIsPublic() {
        on(LocalDate.of(2026, 3, 5));
        service.recordMeeting(clerk, new Meeting("board", LocalDate.of(2026, 3, 5), List.of("chair")));
        service.decide(clerk, new DecisionRequest("board-4", "board", "A later date", Optional.empty(), List.of(),
                Optional.empty(), new Terms.Variation("board-1", LocalDate.of(2026, 6, 30), "the job centres moved")));

        assertThat(log.today().actions().get(0).standing().words()).as("on the day of the meeting")
                .isEqualTo("Due 31 March 2026, not started");
        on(LocalDate.of(2026, 3, 6));
        assertThat(log.today().actions().get(0).standing().words())
                .isEqualTo("Due 30 June 2026 (originally 31 March 2026), not started");
    }
}
