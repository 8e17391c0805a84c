package grants.adapters.dynamodb;

import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.audit.AuditEntry;
import grants.core.audit.AuditLog;
import grants.core.governance.Body;
import grants.core.governance.DailyEscalations;
import grants.core.governance.DecisionRequest;
import grants.core.governance.Escalation;
import grants.core.governance.GovernanceService;
import grants.core.governance.GovernanceSettings;
import grants.core.governance.Meeting;
import grants.core.governance.PackExceptions;
import grants.core.governance.Terms;
import grants.core.mail.Email;
import grants.core.notices.Notice;
import grants.core.notices.NoticeKind;
import grants.core.notices.NoticeSender;
import grants.core.notices.NoticeState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An escalation's email (G6) on the local DynamoDB: queued with the ledger row however many daily runs
 * race for it, sent once by SendNotices's sender to the owner and the chair at their addresses, in plain
 * English; a recipient without an address is named, in the ledger, the audit trail and the email; a
 * notice naming anyone else is refused.
 */
class EscalationEmailsTest {

    private static final String REGISTER = "coventry-laa";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** A Thursday: the board meets and gives Bob an action due Thursday 22 January. */
    private static final LocalDate MEETING = LocalDate.of(2026, 1, 8);
    /** 20 working days overdue at the end of Thursday 19 February: escalated by the run of Friday 20 February. */
    private static final LocalDate ESCALATION_DAY = LocalDate.of(2026, 2, 20);
    private static final String EMAIL_ID = Escalation.emailId(REGISTER, "board-1");
    private static final String KEY = Notice.REMINDER_KEY + EMAIL_ID;

    private final List<Email> outbox = new ArrayList<>();
    private GrantsTable table;
    private AuditTable auditTable;
    private DynamoGovernanceStore store;
    private DynamoNoticeStore notices;

    @BeforeEach
    void theBoardDecidesBobsAction() {
        table = StoreTables.fresh(getClass(), Clock.systemUTC());
        auditTable = StoreTables.auditBeside(table);
        store = new DynamoGovernanceStore(table, auditTable, REGISTER);
        notices = new DynamoNoticeStore(table);
        Actor clerk = new Actor("sub-clerk", "clerk@coventry.example", Set.of(Role.PROGRAMME_MANAGER),
                Optional.empty(), Optional.empty(), Set.of(REGISTER), Optional.of("clerk"), Optional.empty());
        GovernanceService board = new GovernanceService(store, PackExceptions.NONE, GovernanceSettings.STANDARD,
                REGISTER, at(MEETING));
        board.setUpBody(clerk, new Body("board", "Coventry Local Public Service Board", Body.Kind.BOARD,
                Optional.empty(), true, 1, List.of(new Body.Member("catherine", Body.Role.CHAIR, Optional.empty()))));
        board.recordMeeting(clerk, new Meeting("board", MEETING, List.of("catherine", "clerk")));
        board.decide(clerk, new DecisionRequest("board-1", "board", "Pub watch", Optional.empty(), List.of(),
                Optional.empty(), new Terms.Action("bob", LocalDate.of(2026, 1, 22), "the pub watch scheme's report")));
    }

    @Test
    void fourRunsRacingQueueOneEmailWhichGoesOnceToTheOwnerAndTheChair() {
        Map<String, String> addresses = Map.of("bob", "bob@coventry.example", "catherine", "catherine@coventry.example");
        List<CompletableFuture<List<Escalation>>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(CompletableFuture.supplyAsync(() -> run(addresses)));
        }
        assertThat(runs.stream().mapToInt(r -> r.join().size()).sum()).as("escalations made").isEqualTo(1);
        assertThat(run(addresses)).as("the next day's run").isEmpty();

        assertThat(notices.withPrefix(REGISTER, Notice.REMINDER_KEY)).singleElement().satisfies(notice -> {
            assertThat(notice.key()).isEqualTo(KEY);
            assertThat(notice.kind()).isEqualTo(NoticeKind.REMINDER);
            assertThat(notice.recipients()).containsExactly("bob@coventry.example", "catherine@coventry.example");
        });
        assertThat(sender().send(REGISTER, KEY)).isEqualTo(NoticeSender.Outcome.SENT);
        assertThat(sender().send(REGISTER, KEY)).as("delivered twice").isEqualTo(NoticeSender.Outcome.ALREADY_DONE);
        assertThat(outbox).singleElement().satisfies(email -> {
            assertThat(email.to()).containsExactly("bob@coventry.example", "catherine@coventry.example");
            assertThat(email.subject()).isEqualTo("Action board-1 is 20 working days overdue: due 22 January 2026");
            assertThat(email.text()).startsWith("Action board-1, decided by the Coventry Local Public Service Board, "
                    + "was due on 22 January 2026 and is not complete: it is 20 working days overdue.\n\n"
                    + "It was escalated on 20 February 2026 to its owner, bob, and the chair of the "
                    + "Coventry Local Public Service Board, catherine.")
                    .contains("Completion will be shown by: the pub watch scheme's report")
                    .doesNotContain("No email address");
        });
        assertThat(notices.get(REGISTER, KEY)).hasValueSatisfying(n -> assertThat(n.state()).isEqualTo(NoticeState.SENT));
    }

    @Test
    void aChairWithoutAnAddressIsNamedAndTheEmailGoesToTheOwnerAlone() {
        assertThat(run(Map.of("bob", "bob@coventry.example"))).singleElement().satisfies(escalation -> {
            assertThat(escalation.addresses()).containsExactly("bob@coventry.example");
            assertThat(escalation.withoutAddress()).containsExactly("catherine");
        });
        assertThat(store.escalations()).singleElement().satisfies(e -> assertThat(e.withoutAddress())
                .containsExactly("catherine"));
        assertThat(new DynamoAuditTrail(auditTable).page(REGISTER, Optional.empty(), 10).entries().get(0))
                .extracting(AuditEntry::action, AuditEntry::after)
                .containsExactly("ACTION_ESCALATED", "escalated on 2026-02-20, 20 working days overdue (due 2026-01-22); "
                        + "emailed bob; no address for catherine");

        assertThat(sender().send(REGISTER, KEY)).isEqualTo(NoticeSender.Outcome.SENT);
        assertThat(outbox).singleElement().satisfies(email -> {
            assertThat(email.to()).containsExactly("bob@coventry.example");
            assertThat(email.text()).contains("No email address is known for catherine, so this email has not been "
                    + "sent to them.");
        });
    }

    @Test
    void nobodyWithAnAddressQueuesNothingAndANoticeNamingAnyoneElseIsRefused() {
        assertThat(run(Map.of())).singleElement().satisfies(escalation ->
                assertThat(escalation.withoutAddress()).containsExactly("bob", "catherine"));
        assertThat(notices.withPrefix(REGISTER, Notice.REMINDER_KEY)).as("nobody to email").isEmpty();
        notices.create(Notice.reminder(REGISTER, EMAIL_ID, List.of("someone@elsewhere.example"), Instant.now()));
        assertThat(sender().send(REGISTER, KEY)).as("its row emailed nobody").isEqualTo(NoticeSender.Outcome.FAILED);
        assertThat(outbox).isEmpty();
    }

    private List<Escalation> run(Map<String, String> addresses) {
        return new DailyEscalations(new DynamoGovernanceStore(table, auditTable, REGISTER), GovernanceSettings.STANDARD,
                REGISTER, at(ESCALATION_DAY), person -> Optional.ofNullable(addresses.get(person))).run();
    }

    private static Clock at(LocalDate day) {
        return Clock.fixed(day.atTime(7, 0).atZone(LONDON).toInstant(), LONDON);
    }

    /** As SendNotices makes it: an escalation's letter from governance's ledger. */
    private NoticeSender sender() {
        return new NoticeSender(null, null, notices, notices, notices, new EscalationLetters(table, auditTable), email -> {
            outbox.add(email);
            return "ses-" + outbox.size();
        }, () -> { }, new AuditLog(new DynamoAuditTrail(auditTable), Clock.systemUTC()));
    }
}
