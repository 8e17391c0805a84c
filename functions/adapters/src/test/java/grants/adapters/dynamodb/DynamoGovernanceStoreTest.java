package grants.adapters.dynamodb;

import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.audit.AuditEntry;
import grants.core.governance.Act;
import grants.core.governance.ActionRecord;
import grants.core.governance.Body;
import grants.core.governance.Decision;
import grants.core.governance.DecisionRequest;
import grants.core.governance.Escalation;
import grants.core.governance.GovernanceService;
import grants.core.governance.GovernanceSettings;
import grants.core.governance.GovernanceStore;
import grants.core.governance.Meeting;
import grants.core.governance.PackExceptions;
import grants.core.governance.RecommendationRecord;
import grants.core.governance.ReviewRecord;
import grants.core.governance.Terms;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Governance in DynamoDB on the local stack, driven through its use cases: every record reads back as
 * the use case returned it, a change from a stale version writes nothing, a change whose audit entry
 * cannot be written leaves nothing half-written, and two daily runs racing escalate an action once.
 */
class DynamoGovernanceStoreTest {

    private static final String REGISTER = "coventry-laa";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** A Thursday. */
    private static final LocalDate MEETING = LocalDate.of(2026, 1, 8);

    private final Actor clerk = person("clerk", Role.PROGRAMME_MANAGER);
    private final Actor bob = person("bob", Role.INDICATOR_OWNER);
    private final Actor sam = person("sam", Role.PARTNERSHIP_MEMBER);

    private GrantsTable table;
    private AuditTable auditTable;
    private DynamoGovernanceStore store;
    private DynamoAuditTrail trail;

    @BeforeEach
    void freshTable() {
        table = StoreTables.fresh(getClass(), Clock.systemUTC());
        auditTable = StoreTables.auditBeside(table);
        store = new DynamoGovernanceStore(table, auditTable, REGISTER);
        trail = new DynamoAuditTrail(auditTable);
    }

    private static Actor person(String id, Role role) {
        return new Actor("sub-" + id, id + "@coventry.example", Set.of(role), Optional.empty(), Optional.empty(),
                Set.of(REGISTER), Optional.of(id), Optional.empty());
    }

    /** The use cases on a store, at 09:00 on the day. */
    private static GovernanceService on(GovernanceStore store, LocalDate day) {
        Instant now = day.atTime(9, 0).atZone(LONDON).toInstant();
        PackExceptions reporting = new PackExceptions() {
            public List<PackException> exceptionsFor(LocalDate boardMeeting) {
                return List.of();
            }

            public Optional<String> ownerOf(String indicator) {
                return Optional.of("bob");
            }
        };
        return new GovernanceService(store, reporting, new GovernanceSettings(20, 40), REGISTER,
                Clock.fixed(now, LONDON));
    }

    private GovernanceService on(LocalDate day) {
        return on(store, day);
    }

    private List<String> recorded() {
        List<String> actions = new ArrayList<>(trail.page(REGISTER, Optional.empty(), 1000).entries().stream()
                .map(AuditEntry::action).toList());
        java.util.Collections.reverse(actions);
        return actions;
    }

    private static DecisionRequest action(String id, LocalDate due) {
        return new DecisionRequest(id, "board", "Housing item", Optional.of("ni-152"), List.of(), Optional.empty(),
                new Terms.Action("bob", due, "a report to the board"));
    }

    /** The board, scrutiny and a theme group, each meeting on {@link #MEETING}. */
    private List<Body> setUp() {
        GovernanceService service = on(MEETING);
        List<Body> bodies = List.of(
                new Body("board", "The board", Body.Kind.BOARD, Optional.empty(), true, 2, List.of(
                        new Body.Member("chair", Body.Role.CHAIR, Optional.of("council")),
                        new Body.Member("ann", Body.Role.MEMBER, Optional.of("housing")),
                        new Body.Member("obs", Body.Role.OBSERVER, Optional.empty()))),
                new Body("panel", "Scrutiny", Body.Kind.SCRUTINY, Optional.empty(), false, 1,
                        List.of(new Body.Member("sam", Body.Role.CHAIR, Optional.empty()))),
                new Body("housing", "Housing group", Body.Kind.THEME_GROUP, Optional.of("housing"), true, 1,
                        List.of(new Body.Member("gwen", Body.Role.CHAIR, Optional.empty()))));
        bodies.forEach(body -> service.setUpBody(clerk, body));
        service.recordMeeting(clerk, new Meeting("board", MEETING, List.of("chair", "ann", "obs", "clerk")));
        service.recordMeeting(clerk, new Meeting("panel", MEETING, List.of("sam", "clerk")));
        return bodies;
    }

    @Test
    void everyRecordReadsBackAsTheUseCaseLeftIt() {
        List<Body> bodies = setUp();
        GovernanceService meeting = on(MEETING);
        Decision decided = meeting.decide(clerk, action("board-1", MEETING.plusDays(14)));
        Decision recommended = meeting.decide(clerk, new DecisionRequest("board-2", "board", "Advice",
                Optional.of("ni-152"), List.of("obs"), Optional.of(Decision.Exempt.COMMERCIAL),
                new Terms.Recommendation("bob", "Look again")));
        ReviewRecord scoped = meeting.scope(sam, "rv-1", "housing", List.of("ni-152"));
        meeting.addEvidence(sam, "rv-1", "ev-1", ReviewRecord.EvidenceKind.ORAL, "the chair said so");
        ReviewRecord found = meeting.addFinding(sam, "rv-1", "f-1", "not enough homes", List.of("ev-1"));
        Decision reported = meeting.decide(clerk, new DecisionRequest("panel-1", "panel", "Housing review",
                Optional.empty(), List.of(), Optional.empty(), new Terms.Report("rv-1", List.of(
                new Terms.ReportRecommendation("rv-1-r1", "f-1", "bob", "Build more")))));

        GovernanceService later = on(MEETING.plusDays(7));
        ActionRecord updated = later.update(bob, "board-1", "started");
        RecommendationRecord answered = later.respond(bob, "board-2", RecommendationRecord.Answer.PARTIAL, "in part",
                List.of(new GovernanceService.NewAction("board-2-a1", MEETING.plusDays(30), "a plan")));

        assertThat(store.bodies()).containsExactlyInAnyOrderElementsOf(bodies);
        assertThat(store.meetings()).extracting(Meeting::body).containsExactly("board", "panel");
        assertThat(store.meeting("board", MEETING)).get().extracting(Meeting::present)
                .isEqualTo(List.of("ann", "chair", "clerk", "obs"));
        assertThat(store.decision("board-1")).contains(decided);
        assertThat(store.decision("board-2")).contains(recommended);
        assertThat(store.decision("panel-1")).contains(reported);
        assertThat(store.decisions()).hasSize(3);
        assertThat(store.action("board-1")).contains(updated);
        assertThat(store.recommendation("board-2")).contains(answered);
        assertThat(store.action("board-2-a1")).get().extracting(ActionRecord::owner, ActionRecord::version)
                .containsExactly("bob", 1L);
        assertThat(store.recommendation("rv-1-r1")).get().extracting(RecommendationRecord::source).isEqualTo("rv-1");
        assertThat(store.review("rv-1")).get().satisfies(review -> {
            assertThat(review.findings()).isEqualTo(found.findings());
            assertThat(review.evidence()).isEqualTo(found.evidence());
            assertThat(review.scoped()).isEqualTo(scoped.scoped());
            assertThat(review.report()).get().extracting(ReviewRecord.Reported::recommendations)
                    .isEqualTo(List.of("rv-1-r1"));
        });
        // G1: every id of the register is taken, evidence and findings included.
        for (String id : List.of("board-1", "board-2", "board-2-a1", "rv-1", "ev-1", "f-1", "panel-1", "rv-1-r1")) {
            assertThat(store.idTaken(id)).as(id).isTrue();
        }
        assertThat(store.idTaken("board-3")).isFalse();
        assertThat(recorded()).containsExactly("BODY_SET_UP", "BODY_SET_UP", "BODY_SET_UP", "MEETING_RECORDED",
                "MEETING_RECORDED", "DECISION_RECORDED", "DECISION_RECORDED", "REVIEW_SCOPED", "EVIDENCE_RECORDED",
                "FINDING_RECORDED", "DECISION_RECORDED", "ACTION_UPDATED", "RECOMMENDATION_ANSWERED");
        assertThat(DynamoGovernanceStore.governedRegisters(table)).containsExactly(REGISTER);
    }

    @Test
    void theDueIndexHoldsOnlyOpenActionsNotEscalatedUnderTheirCurrentDueDay() {
        setUp();
        GovernanceService meeting = on(MEETING);
        meeting.decide(clerk, action("board-1", MEETING.plusDays(14)));
        meeting.decide(clerk, action("board-2", MEETING.plusDays(21)));
        meeting.decide(clerk, new DecisionRequest("board-3", "board", "Later", Optional.of("ni-152"), List.of(),
                Optional.empty(), new Terms.Variation("board-2", MEETING.plusDays(60), "more time")));
        assertThat(store.openActionsDueBefore(MEETING.plusDays(15))).extracting(ActionRecord::id)
                .containsExactly("board-1");
        assertThat(store.openActionsDueBefore(MEETING.plusDays(40))).extracting(ActionRecord::id)
                .containsExactly("board-1");
        assertThat(store.openActionsDueBefore(MEETING.plusDays(61))).extracting(ActionRecord::id)
                .containsExactly("board-1", "board-2");
        on(MEETING.plusDays(2)).complete(bob, "board-1", "the report");
        assertThat(store.openActionsDueBefore(MEETING.plusDays(61))).extracting(ActionRecord::id)
                .containsExactly("board-2");
    }

    @Test
    void aChangeFromAStaleVersionWritesNothing() {
        setUp();
        on(MEETING).decide(clerk, action("board-1", MEETING.plusDays(14)));
        ActionRecord read = store.action("board-1").orElseThrow();
        on(MEETING.plusDays(1)).update(bob, "board-1", "started");
        List<String> before = recorded();

        ActionRecord stale = read.complete("bob", new Act(MEETING.plusDays(2), "bob", "done meanwhile"));
        AuditEntry entry = AuditEntry.by(bob, Instant.now(), REGISTER, "ACTION_COMPLETED", "action board-1", null, "x");
        assertThat(store.apply(GovernanceStore.Change.of(entry).with(stale))).isFalse();

        assertThat(store.action("board-1")).get().satisfies(action -> {
            assertThat(action.completed()).isEmpty();
            assertThat(action.version()).isEqualTo(2);
        });
        assertThat(store.openActionsDueBefore(MEETING.plusDays(15))).extracting(ActionRecord::id)
                .containsExactly("board-1");
        assertThat(recorded()).isEqualTo(before);
        // A new record under an id the register has is refused too, whatever its kind.
        Decision taken = store.decision("board-1").orElseThrow();
        assertThat(store.apply(GovernanceStore.Change.of(entry).with(new ActionRecord[]{ActionRecord.made(
                taken.id(), "x", "board", "bob", MEETING, MEETING.plusDays(9), "c")}))).isFalse();
        assertThat(recorded()).isEqualTo(before);
    }

    @Test
    void aChangeWhoseAuditEntryCannotBeWrittenLeavesNothingHalfWritten() {
        setUp();
        List<String> before = recorded();
        DynamoGovernanceStore noTrail = new DynamoGovernanceStore(table, new AuditTable(table.client(),
                table.name() + "-missing"), REGISTER);
        assertThatThrownBy(() -> on(noTrail, MEETING).decide(clerk, action("board-1", MEETING.plusDays(14))))
                .isInstanceOf(DynamoDbException.class);
        assertThatThrownBy(() -> on(noTrail, MEETING).recordMeeting(clerk, new Meeting("board", MEETING.plusDays(1),
                List.of("chair")))).isInstanceOf(DynamoDbException.class);

        assertThat(store.decisions()).isEmpty();
        assertThat(store.action("board-1")).isEmpty();
        assertThat(store.idTaken("board-1")).isFalse();
        assertThat(store.openActionsDueBefore(MEETING.plusDays(100))).isEmpty();
        assertThat(store.meeting("board", MEETING.plusDays(1))).isEmpty();
        assertThat(recorded()).isEqualTo(before);
    }

    @Test
    void twoDailyRunsRacingEscalateAnActionOnce() throws Exception {
        setUp();
        on(MEETING).decide(clerk, action("board-1", MEETING.plusDays(14)));
        // Due Thursday 22 January; at the end of Monday 23 February it is 22 working days overdue.
        LocalDate day = LocalDate.of(2026, 2, 24);
        ExecutorService runs = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Escalation>>> results = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            GovernanceService daily = on(new DynamoGovernanceStore(table, auditTable, REGISTER), day);
            results.add(runs.submit(() -> {
                start.await();
                return daily.runEscalations();
            }));
        }
        start.countDown();
        int made = 0;
        for (Future<List<Escalation>> result : results) {
            made += result.get().size();
        }
        runs.shutdown();

        assertThat(made).isEqualTo(1);
        assertThat(store.escalations()).singleElement().satisfies(escalation -> {
            assertThat(escalation.action()).isEqualTo("board-1");
            assertThat(escalation.on()).isEqualTo(day);
            assertThat(escalation.recipients()).containsExactly("bob", "chair");
        });
        assertThat(store.action("board-1")).get().extracting(ActionRecord::escalatedOn).isEqualTo(Optional.of(day));
        assertThat(store.openActionsDueBefore(day)).isEmpty();
        assertThat(recorded()).filteredOn("ACTION_ESCALATED"::equals).hasSize(1);
        assertThat(on(day.plusDays(1)).runEscalations()).as("the next day's run").isEmpty();
    }
}
