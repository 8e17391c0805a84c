package grants.testing.governance;

import grants.core.access.Actor;
import grants.core.access.ForbiddenException;
import grants.core.access.Role;
import grants.core.audit.AuditEntry;
import grants.core.errors.InvalidInputException;
import grants.core.errors.NotFoundException;
import grants.core.governance.ActionRecord;
import grants.core.governance.Body;
import grants.core.governance.DecisionRequest;
import grants.core.governance.Escalation;
import grants.core.governance.ForbiddenActionException;
import grants.core.governance.GovernanceService;
import grants.core.governance.GovernanceSettings;
import grants.core.governance.Meeting;
import grants.core.governance.PackExceptions;
import grants.core.governance.RecommendationRecord;
import grants.core.governance.Refusal;
import grants.core.governance.RefusedException;
import grants.core.governance.Terms;
import grants.testing.InMemoryAuditTrail;
import grants.testing.InMemoryGovernanceStore;
import grants.testing.SettableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who may do what in governance, the audit trail of each change, and the daily run, on the in-memory store. */
class GovernanceServiceTest {

    private static final String REGISTER = "test-register";
    /** 2026-01-01 (Thursday) and 2026-04-03 (Good Friday) are bank holidays. */
    private static final List<LocalDate> HOLIDAYS = List.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 3));
    private static final LocalDate MEETING = LocalDate.of(2026, 1, 8);

    private InMemoryGovernanceStore store;
    private SettableClock clock;
    private GovernanceService service;
    private final Actor clerk = person("clerk", Role.PROGRAMME_MANAGER);

    private static Actor person(String id, Role... roles) {
        return new Actor(id, id + "@example.org", Set.of(roles), Optional.empty(), Optional.empty(), Set.of(REGISTER),
                Optional.of(id), Optional.empty());
    }

    @BeforeEach
    void setUp() {
        store = new InMemoryGovernanceStore(HOLIDAYS, new InMemoryAuditTrail());
        clock = new SettableClock(MEETING.atTime(9, 0).atZone(ZoneId.of("Europe/London")).toInstant());
        PackExceptions reporting = new PackExceptions() {
            public List<PackException> exceptionsFor(LocalDate boardMeeting) {
                return List.of(new PackException("ni-1", "NI 1", "not met"), new PackException("ni-2", "NI 2", "worse"));
            }

            public Optional<String> ownerOf(String indicator) {
                return Optional.of("owner-of-" + indicator);
            }
        };
        service = new GovernanceService(store, reporting, new GovernanceSettings(20, 40), REGISTER, clock);
        service.setUpBody(clerk, new Body("board", "The board", Body.Kind.BOARD, Optional.empty(), true, 2, List.of(
                new Body.Member("chair", Body.Role.CHAIR, Optional.of("council")),
                new Body.Member("ann", Body.Role.MEMBER, Optional.of("housing")),
                new Body.Member("obs", Body.Role.OBSERVER, Optional.empty()))));
        service.setUpBody(clerk, new Body("panel", "Scrutiny", Body.Kind.SCRUTINY, Optional.empty(), false, 1,
                List.of(new Body.Member("sam", Body.Role.CHAIR, Optional.empty()))));
        service.recordMeeting(clerk, new Meeting("board", MEETING, List.of("chair", "ann", "obs", "clerk")));
        service.recordMeeting(clerk, new Meeting("panel", MEETING, List.of("sam", "clerk")));
    }

    private void on(LocalDate day) {
        clock.set(day.atTime(7, 0).atZone(ZoneId.of("Europe/London")).toInstant());
    }

    private static DecisionRequest action(String id, String body, LocalDate due) {
        return new DecisionRequest(id, body, "an item", Optional.of("ni-1"), List.of(), Optional.empty(),
                new Terms.Action("bob", due, "a report to the board"));
    }

    private List<AuditEntry> trail() {
        List<AuditEntry> newestFirst = store.trail().page(REGISTER, Optional.empty(), 200).entries();
        List<AuditEntry> inOrder = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(inOrder);
        return inOrder;
    }

    @Test
    void onlyTheClerkSetsUpBodiesAndRecordsMeetings() {
        int before = trail().size();
        assertThatThrownBy(() -> service.recordMeeting(person("ann"), new Meeting("board", MEETING.plusDays(1),
                List.of("ann")))).isInstanceOf(ForbiddenActionException.class);
        assertThat(store.meeting("board", MEETING.plusDays(1))).isEmpty();
        assertThat(trail()).hasSize(before);
        assertThat(trail()).extracting(AuditEntry::action)
                .containsExactly("BODY_SET_UP", "BODY_SET_UP", "MEETING_RECORDED", "MEETING_RECORDED");
    }

    @Test
    void aDecisionIsRecordedByTheClerkWithItsAuditEntryAndItsAction() {
        service.decide(clerk, action("board-1", "board", MEETING.plusDays(14)));
        assertThat(store.action("board-1")).get().extracting(ActionRecord::owner).isEqualTo("bob");
        AuditEntry entry = trail().get(trail().size() - 1);
        assertThat(entry.action()).isEqualTo("DECISION_RECORDED");
        assertThat(entry.target()).isEqualTo("decision board-1");
        assertThat(entry.actorSubject()).isEqualTo("clerk");
        assertThat(entry.after()).contains("2 of 2 voting members counted");
    }

    @Test
    void aMemberWhoIsNotTheClerkIsRefused403AndNothingChanges() {
        int before = trail().size();
        assertThatThrownBy(() -> service.decide(person("chair"), action("board-1", "board", MEETING.plusDays(14))))
                .isInstanceOfSatisfying(ForbiddenActionException.class, e -> {
                    assertThat(e.refusal()).isEqualTo(Refusal.NOT_ALLOWED);
                    assertThat(e.subject()).isEqualTo("board-1");
                });
        assertThat(store.decisions()).isEmpty();
        assertThat(trail()).hasSize(before);
    }

    @Test
    void anAdvisoryBodysActionIsRefused409WithItsReasonAndNothingChanges() {
        int before = trail().size();
        assertThatThrownBy(() -> service.decide(clerk, action("panel-1", "panel", MEETING.plusDays(14))))
                .isInstanceOfSatisfying(RefusedException.class, e -> {
                    assertThat(e.refusal()).isEqualTo(Refusal.ADVISORY);
                    assertThat(e.code()).isEqualTo("ADVISORY");
                });
        assertThat(store.decisions()).isEmpty();
        assertThat(store.action("panel-1")).isEmpty();
        assertThat(trail()).hasSize(before);
    }

    @Test
    void aDecisionOnADayWithoutAMeetingOrUnderATakenIdIsBadInputNamingTheField() {
        service.decide(clerk, action("board-1", "board", MEETING.plusDays(14)));
        assertThatThrownBy(() -> service.decide(clerk, action("board-1", "board", MEETING.plusDays(20))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.details()).extracting(p -> p.field()).containsExactly("id"));
        on(MEETING.plusDays(1));
        assertThatThrownBy(() -> service.decide(clerk, action("board-2", "board", MEETING.plusDays(20))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.details()).extracting(p -> p.field()).containsExactly("body"));
        assertThatThrownBy(() -> service.update(person("bob"), "no-such-action", "hello"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void thePublicCannotActAndSeesNothingOnTheDayOfTheMeeting() {
        service.decide(clerk, action("board-1", "board", MEETING.plusDays(14)));
        assertThatThrownBy(() -> service.decide(Actor.ANONYMOUS, action("board-2", "board", MEETING.plusDays(14))))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.myWork(Actor.ANONYMOUS)).isInstanceOf(ForbiddenException.class);
        assertThat(service.decisionsLog(Actor.ANONYMOUS)).isEmpty();
        assertThat(service.decisionsLog(person("ann"))).hasSize(1);
        on(MEETING.plusDays(1));
        assertThat(service.decisionsLog(Actor.ANONYMOUS)).extracting(s -> s.id()).containsExactly("board-1");
    }

    @Test
    void aRequestSentAgainUnderItsKeyChangesNothingAndTheKeyWithAnotherRequestIsRefused() {
        service.decide(clerk, action("board-1", "board", MEETING.plusDays(14)));
        on(MEETING.plusDays(1));
        GovernanceService once = service.forRequest(new grants.core.governance.RequestKey("bob:k1", "started"));
        ActionRecord first = once.update(person("bob"), "board-1", "started");
        ActionRecord again = once.update(person("bob"), "board-1", "started");
        assertThat(again).isEqualTo(first);
        assertThat(store.action("board-1")).get().extracting(a -> a.updates().size()).isEqualTo(1);
        assertThatThrownBy(() -> service.forRequest(new grants.core.governance.RequestKey("bob:k1", "other"))
                .update(person("bob"), "board-1", "other"))
                .isInstanceOfSatisfying(grants.core.errors.ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED"));
        assertThat(trail()).extracting(AuditEntry::action).filteredOn("ACTION_UPDATED"::equals).hasSize(1);
    }

    @Test
    void theOwnerUpdatesAndCompletesAndSeesTheirWorkInPlainEnglish() {
        service.decide(clerk, action("board-1", "board", LocalDate.of(2026, 1, 16)));
        service.decide(clerk, new DecisionRequest("board-2", "board", "advice", Optional.of("ni-2"), List.of(),
                Optional.empty(), new Terms.Recommendation("bob", "Look again")));
        on(LocalDate.of(2026, 2, 2));
        Actor bob = person("bob");
        assertThatThrownBy(() -> service.update(person("ann"), "board-1", "not mine"))
                .isInstanceOf(ForbiddenActionException.class);
        service.update(bob, "board-1", "started");
        GovernanceService.MyWork work = service.myWork(bob);
        assertThat(work.actions()).singleElement().satisfies(a ->
                assertThat(a.words()).isEqualTo("Due 16 January 2026, 11 working days overdue, in progress"));
        assertThat(work.recommendations()).singleElement().satisfies(r ->
                assertThat(r.words()).isEqualTo("Answer due 5 March 2026"));
        service.complete(bob, "board-1", "the report");
        assertThat(service.myWork(bob).actions().get(0).words())
                .isEqualTo("Due 16 January 2026, completed on 2 February 2026, 11 working days late");
        assertThat(trail()).extracting(AuditEntry::action).endsWith("ACTION_UPDATED", "ACTION_COMPLETED");
    }

    @Test
    void anAnswerMakesTheAddresseesActionsInOneChange() {
        service.decide(clerk, new DecisionRequest("board-2", "board", "advice", Optional.of("ni-2"), List.of(),
                Optional.empty(), new Terms.Recommendation("bob", "Look again")));
        on(MEETING.plusDays(7));
        assertThatThrownBy(() -> service.respond(person("bob"), "board-2", RecommendationRecord.Answer.ACCEPTED, "",
                List.of(new GovernanceService.NewAction("board-2-a1", MEETING.plusDays(7), "done"))))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.refusal()).isEqualTo(Refusal.NOT_SMART));
        assertThat(store.action("board-2-a1")).isEmpty();
        service.respond(person("bob"), "board-2", RecommendationRecord.Answer.ACCEPTED, "",
                List.of(new GovernanceService.NewAction("board-2-a1", MEETING.plusDays(30), "done")));
        assertThat(store.action("board-2-a1")).get().extracting(ActionRecord::owner, ActionRecord::decidedBy)
                .containsExactly("bob", "board");
        assertThat(trail().get(trail().size() - 1).action()).isEqualTo("RECOMMENDATION_ANSWERED");
    }

    @Test
    void theDailyRunEscalatesOnceToTheOwnerAndTheChairWithItsAuditEntry() {
        service.decide(clerk, action("board-1", "board", LocalDate.of(2026, 1, 16)));
        // 20 working days after Friday 16 January end on Friday 13 February: the Monday run escalates it.
        on(LocalDate.of(2026, 2, 13));
        assertThat(service.runEscalations()).isEmpty();
        on(LocalDate.of(2026, 2, 14));
        assertThat(service.runEscalations()).isEmpty();
        on(LocalDate.of(2026, 2, 16));
        List<Escalation> made = service.runEscalations();
        assertThat(made).singleElement().satisfies(e -> {
            assertThat(e.workingDaysOverdue()).isEqualTo(20);
            assertThat(e.recipients()).containsExactly("bob", "chair");
        });
        assertThat(service.runEscalations()).isEmpty();
        on(LocalDate.of(2026, 2, 17));
        assertThat(service.runEscalations()).isEmpty();
        assertThat(store.outbox()).hasSize(1);
        AuditEntry entry = trail().get(trail().size() - 1);
        assertThat(entry.action()).isEqualTo("ACTION_ESCALATED");
        assertThat(entry.actorSubject()).isEqualTo("govern-daily");
    }

    @Test
    void aMissedRunIsCaughtUpButAnActionVariedMeanwhileIsNot() {
        service.decide(clerk, action("board-1", "board", LocalDate.of(2026, 1, 16)));
        service.decide(clerk, action("board-2", "board", LocalDate.of(2026, 1, 16)));
        LocalDate nextMeeting = LocalDate.of(2026, 2, 17);
        service.recordMeeting(clerk, new Meeting("board", nextMeeting, List.of("chair", "ann", "clerk")));
        on(nextMeeting);
        // The runs of 16 and 17 February are missed; on the 17th the board gives board-2 more time.
        service.decide(clerk, new DecisionRequest("board-3", "board", "more time", Optional.of("ni-1"), List.of(),
                Optional.empty(), new Terms.Variation("board-2", LocalDate.of(2026, 3, 31), "more time")));
        on(LocalDate.of(2026, 2, 18));
        List<Escalation> made = service.runEscalations();
        assertThat(made).extracting(Escalation::action).containsExactly("board-1");
        // Working days after 16 January up to 17 February: 20 to 13 February, then the 16th and 17th.
        assertThat(made.get(0).workingDaysOverdue()).isEqualTo(22);
        assertThat(store.action("board-2").orElseThrow().escalatedOn()).isEmpty();
    }

    @Test
    void aScrutinyStepIsAScrutinyMembersOrAManagersAndAReportIsScrutinysAlone() {
        service.setUpBody(clerk, new Body("group", "Group", Body.Kind.THEME_GROUP, Optional.of("jobs"), true, 1,
                List.of(new Body.Member("gil", Body.Role.CHAIR, Optional.empty()))));
        assertThatThrownBy(() -> service.scope(person("ann"), "rv", "group", List.of("ni-1")))
                .isInstanceOf(ForbiddenActionException.class);
        service.scope(person("sam"), "rv", "group", List.of("ni-1"));
        service.addEvidence(person("sam"), "rv", "rv-e1", grants.core.governance.ReviewRecord.EvidenceKind.ORAL, "said");
        service.addFinding(clerk, "rv", "rv-f1", "found", List.of("rv-e1"));
        service.recordMeeting(clerk, new Meeting("group", MEETING, List.of("gil")));
        DecisionRequest report = new DecisionRequest("rep", "group", "report", Optional.empty(), List.of(),
                Optional.empty(), new Terms.Report("rv", List.of(new Terms.ReportRecommendation("rv-r1", "rv-f1",
                "gil", "do"))));
        assertThatThrownBy(() -> service.decide(clerk, report)).isInstanceOf(ForbiddenActionException.class);
        service.decide(clerk, new DecisionRequest("rep", "panel", "report", Optional.empty(), List.of(),
                Optional.empty(), report.terms()));
        assertThat(store.recommendation("rv-r1")).get().extracting(RecommendationRecord::body).isEqualTo("panel");
        assertThat(service.coverage(clerk)).singleElement().satisfies(c -> assertThat(c.covered()).isTrue());
        on(MEETING.plusDays(365));
        assertThat(service.coverage(clerk)).singleElement().satisfies(c -> assertThat(c.covered()).isFalse());
    }

    @Test
    void theBoardMeetingListsThePacksExceptionsWithWhetherEachIsDecided() {
        service.decide(clerk, action("board-1", "board", MEETING.plusDays(14)));
        assertThat(service.exceptions(person("ann"), MEETING).exceptions())
                .extracting(e -> e.exception().indicator() + " " + e.decided())
                .containsExactly("ni-1 true", "ni-2 false");
    }
}
