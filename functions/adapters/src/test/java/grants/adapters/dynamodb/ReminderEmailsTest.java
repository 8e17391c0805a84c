package grants.adapters.dynamodb;

import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.audit.AuditLog;
import grants.core.mail.Email;
import grants.core.monitoring.Addressees;
import grants.core.monitoring.Agreement;
import grants.core.monitoring.LedgerEntry;
import grants.core.monitoring.MonitoringService;
import grants.core.monitoring.MonitoringSettings;
import grants.core.monitoring.ScopeSettings;
import grants.core.monitoring.ReminderEmails;
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
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reminder the daily run sends is queued as a notice in the same write as its ledger row, once
 * however often the run is retried, and SendNotices sends it in plain English to the addresses
 * the ledger row names, and to nobody else (on the local DynamoDB).
 */
class ReminderEmailsTest {

    private static final String ROUND = "coventry-2002";
    private static final String A = "contract-skills-network";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final MonitoringSettings SETTINGS = new MonitoringSettings(20, 40, 5, false, false, List.of(
            new MonitoringSettings.ReminderRule("r-due", 0, MonitoringSettings.Audience.LEAD)));
    private static final Addressees ADDRESSEES = new Addressees() {
        @java.lang.Override
        public List<String> leadContacts(String organisation) {
            return List.of("kerry@skills.example", "dean@skills.example");
        }

        @java.lang.Override
        public List<String> person(String personId) {
            return List.of();
        }
    };

    private final Actor manager = new Actor("sub-manager", "manager@example", Set.of(Role.PROGRAMME_MANAGER),
            Optional.empty(), Optional.empty(), Set.of(ROUND), Optional.of("manager"), Optional.empty());
    private final List<Email> outbox = new ArrayList<>();

    private GrantsTable table;
    private AuditTable auditTable;
    private DynamoMonitoringStore store;
    private DynamoNoticeStore notices;

    @BeforeEach
    void freshTable() {
        table = StoreTables.fresh(getClass(), Clock.systemUTC());
        auditTable = StoreTables.auditBeside(table);
        store = new DynamoMonitoringStore(table, auditTable);
        notices = new DynamoNoticeStore(table);
        store.putBankHolidays(List.of(LocalDate.parse("2002-08-26")));
        new ScopeSettings(store, Clock.systemUTC()).keep(manager, ROUND, SETTINGS);
    }

    private MonitoringService on(String day) {
        Instant at = LocalDate.parse(day).atTime(7, 0).atZone(LONDON).toInstant();
        return new MonitoringService(store, ADDRESSEES, Clock.fixed(at, LONDON));
    }

    private NoticeSender sender() {
        return new NoticeSender(null, null, notices, notices, notices, new ReminderEmails(store), email -> {
            outbox.add(email);
            return "ses-" + outbox.size();
        }, () -> { }, new AuditLog(new DynamoAuditTrail(auditTable), Clock.systemUTC()));
    }

    private void entered() {
        on("2002-03-20").enter(manager, List.of(new Agreement(A, Agreement.Source.CONTRACT, ROUND, "skills-network",
                "officer", LocalDate.parse("2002-04-01"), LocalDate.parse("2003-03-31"),
                List.of(new Agreement.Instalment(1, LocalDate.parse("2002-04-01"), 200_000_00),
                        new Agreement.Instalment(2, LocalDate.parse("2002-10-01"), 19_600_00)),
                List.of(), List.of()).titled("Skills Network")));
    }

    @Test
    void aSentReminderIsQueuedOnceAndSentInPlainEnglishToTheAddressesItsLedgerRowNames() {
        entered();

        List<LedgerEntry> sent = on("2002-07-26").runReminders();
        assertThat(on("2002-07-26").runReminders()).as("the run retried").isEmpty();

        assertThat(sent).singleElement().satisfies(entry -> assertThat(entry.outcome()).isEqualTo(LedgerEntry.Outcome.SENT));
        String key = Notice.REMINDER_KEY + A + "/2002-03 Q1/r-due/2002-07-26";
        List<Notice> queued = notices.withPrefix(ROUND, Notice.REMINDER_KEY);
        assertThat(queued).singleElement().satisfies(notice -> {
            assertThat(notice.key()).isEqualTo(key);
            assertThat(notice.kind()).isEqualTo(NoticeKind.REMINDER);
            assertThat(notice.recipients()).containsExactly("dean@skills.example", "kerry@skills.example");
        });

        assertThat(sender().send(ROUND, key)).isEqualTo(NoticeSender.Outcome.SENT);
        assertThat(sender().send(ROUND, key)).as("delivered twice").isEqualTo(NoticeSender.Outcome.ALREADY_DONE);

        assertThat(outbox).singleElement().satisfies(email -> {
            assertThat(email.to()).containsExactly("dean@skills.example", "kerry@skills.example");
            assertThat(email.subject()).isEqualTo("Your 2002-03 Q1 progress return for Skills Network is due on 26 July 2002");
            assertThat(email.text()).contains("Your 2002-03 Q1 progress return for Skills Network is due on 26 July 2002.")
                    .contains("The next instalment under this agreement is £19,600.00, due on 1 October 2002.");
            assertThat(email.html()).contains("<h1 style=\"font-size: 1.3rem;\">Your 2002-03 Q1 progress return");
        });
        assertThat(notices.get(ROUND, key)).hasValueSatisfying(n -> assertThat(n.state()).isEqualTo(NoticeState.SENT));
    }

    @Test
    void aReminderNoticeNamingSomeoneItsLedgerRowDoesNotIsRefusedAndNothingIsSent() {
        entered();
        on("2002-07-26").runReminders();
        String forged = Notice.REMINDER_KEY + "forged";
        notices.create(new Notice(ROUND, forged, NoticeKind.REMINDER, null, null, A + "/2002-03 Q1/r-due/2002-07-26",
                List.of("someone@elsewhere.example"), NoticeState.QUEUED, null, null, List.of(), Instant.now()));
        notices.create(Notice.reminder(ROUND, A + "/2002-03 Q2/r-due/2002-10-28", List.of("kerry@skills.example"),
                Instant.now()));

        assertThat(sender().send(ROUND, forged)).isEqualTo(NoticeSender.Outcome.FAILED);
        assertThat(sender().send(ROUND, Notice.REMINDER_KEY + A + "/2002-03 Q2/r-due/2002-10-28"))
                .as("no ledger row sent it").isEqualTo(NoticeSender.Outcome.FAILED);
        assertThat(outbox).isEmpty();
        assertThat(notices.get(ROUND, forged)).hasValueSatisfying(n -> assertThat(n.reason())
                .startsWith("refused: the notice names recipients its reminder content is not addressed to"));
    }
}
