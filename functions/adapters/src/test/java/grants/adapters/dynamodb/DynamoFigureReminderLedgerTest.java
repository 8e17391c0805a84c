package grants.adapters.dynamodb;

import grants.core.audit.AuditEntry;
import grants.core.audit.AuditLog;
import grants.core.mail.Email;
import grants.core.notices.Notice;
import grants.core.notices.NoticeKind;
import grants.core.notices.NoticeSender;
import grants.core.notices.NoticeState;
import grants.core.notices.Reminders;
import grants.core.reporting.FigureReminder;
import grants.core.reporting.FigureReminderEmails;
import grants.core.reporting.Period;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An owner's figure reminder in the reminder ledger (on the local DynamoDB): written once however many
 * runs race for it, with one audit entry and one notice, and SendNotices sends its email once, in plain
 * English, to the address its row names and to nobody else.
 */
class DynamoFigureReminderLedgerTest {

    private static final String REGISTER = "coventry-laa";
    private static final FigureReminder NI_152 = new FigureReminder(REGISTER, "ni-152", "NI 152",
            Period.parse("2009-10 Q2"), "owner-sandra", LocalDate.of(2009, 11, 19), LocalDate.of(2009, 11, 18),
            LocalDate.of(2009, 11, 11));
    private static final FigureReminder.Handled SENT = new FigureReminder.Handled(NI_152, LocalDate.of(2009, 11, 12),
            FigureReminder.Handled.Outcome.SENT, List.of("sandra@coventry.example"));

    private final List<Email> outbox = new ArrayList<>();
    private GrantsTable table;
    private AuditTable auditTable;
    private DynamoFigureReminderLedger ledger;
    private DynamoNoticeStore notices;

    @BeforeEach
    void freshTable() {
        table = StoreTables.fresh(getClass(), Clock.systemUTC());
        auditTable = StoreTables.auditBeside(table);
        ledger = new DynamoFigureReminderLedger(table, auditTable);
        notices = new DynamoNoticeStore(table);
    }

    @Test
    void fourRunsRacingWriteTheRowOnceWithOneAuditEntryAndOneEmail() {
        List<CompletableFuture<Boolean>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(CompletableFuture.supplyAsync(() -> ledger.record(SENT, audit())));
        }
        assertThat(runs.stream().filter(CompletableFuture::join).count()).as("writes that won").isEqualTo(1);

        assertThat(ledger.ledger(REGISTER)).containsExactly(SENT);
        assertThat(ledger.ledger(REGISTER).get(0).caughtUp()).isTrue();
        assertThat(new DynamoAuditTrail(auditTable).page(REGISTER, Optional.empty(), 100).entries())
                .extracting(AuditEntry::action).containsExactly("FIGURE_REMINDER_SENT");
        String key = Notice.REMINDER_KEY + NI_152.id();
        assertThat(notices.withPrefix(REGISTER, Notice.REMINDER_KEY)).singleElement().satisfies(notice -> {
            assertThat(notice.key()).isEqualTo(key);
            assertThat(notice.kind()).isEqualTo(NoticeKind.REMINDER);
            assertThat(notice.recipients()).containsExactly("sandra@coventry.example");
        });

        assertThat(sender().send(REGISTER, key)).isEqualTo(NoticeSender.Outcome.SENT);
        assertThat(sender().send(REGISTER, key)).as("delivered twice").isEqualTo(NoticeSender.Outcome.ALREADY_DONE);
        assertThat(outbox).singleElement().satisfies(email -> {
            assertThat(email.to()).containsExactly("sandra@coventry.example");
            assertThat(email.subject()).isEqualTo("Your figure for NI 152, 2009-10 Q2, is due by 18 November 2009");
            assertThat(email.text()).startsWith("Your figure for NI 152, 2009-10 Q2, is due by 18 November 2009, "
                    + "for the board meeting of 19 November 2009.");
        });
        assertThat(notices.get(REGISTER, key)).hasValueSatisfying(n -> assertThat(n.state()).isEqualTo(NoticeState.SENT));
    }

    @Test
    void aReminderWithoutAnAddressQueuesNothingAndANoticeNamingAnyoneElseIsRefused() {
        FigureReminder ni195 = new FigureReminder(REGISTER, "ni-195", "NI 195", NI_152.period(), "owner-martin",
                NI_152.meetingOn(), NI_152.dueOn(), NI_152.plannedOn());
        assertThat(ledger.record(new FigureReminder.Handled(ni195, NI_152.plannedOn(),
                FigureReminder.Handled.Outcome.NO_CONTACT, List.of()), audit())).isTrue();
        assertThat(notices.withPrefix(REGISTER, Notice.REMINDER_KEY)).isEmpty();

        ledger.record(SENT, audit());
        String forged = Notice.REMINDER_KEY + "forged";
        notices.create(new Notice(REGISTER, forged, NoticeKind.REMINDER, null, null, NI_152.id(),
                List.of("someone@elsewhere.example"), NoticeState.QUEUED, null, null, List.of(), Instant.now()));
        assertThat(sender().send(REGISTER, forged)).isEqualTo(NoticeSender.Outcome.FAILED);
        notices.create(Notice.reminder(REGISTER, ni195.id(), List.of("martin@coventry.example"), Instant.now()));
        assertThat(sender().send(REGISTER, Notice.REMINDER_KEY + ni195.id())).as("its row sent nothing")
                .isEqualTo(NoticeSender.Outcome.FAILED);
        assertThat(outbox).isEmpty();
    }

    private AuditEntry audit() {
        return new AuditEntry(REGISTER, Instant.now(), "report-daily-run", null, "FIGURE_REMINDER_SENT",
                "reminder " + NI_152.id(), null, "sent");
    }

    /** As SendNotices makes it: reporting's figure reminders first, then monitoring's ledger. */
    private NoticeSender sender() {
        Reminders reminders = Reminders.firstOf(new FigureReminderEmails(ledger),
                new grants.core.monitoring.ReminderEmails(new DynamoMonitoringStore(table, auditTable)));
        return new NoticeSender(null, null, notices, notices, notices, reminders, email -> {
            outbox.add(email);
            return "ses-" + outbox.size();
        }, () -> { }, new AuditLog(new DynamoAuditTrail(auditTable), Clock.systemUTC()));
    }
}
