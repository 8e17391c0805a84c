package grants.testing;

import grants.core.audit.AuditEntry;
import grants.core.audit.AuditLog;
import grants.core.notices.Bulletin;
import grants.core.notices.Notice;
import grants.core.notices.NoticeSender;
import grants.core.notices.NoticeService;
import grants.core.notices.NoticeState;
import grants.core.notices.RateLimiter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Notices and bulletins on in-memory stores: created once, sent once, feedback marks them. */
class NoticeServiceTest {

    private final InMemoryProgrammeStore programmes = new InMemoryProgrammeStore();
    private final InMemoryRunStore runs = new InMemoryRunStore();
    private final InMemoryNoticeStore store = new InMemoryNoticeStore();
    private final RecordingMailer mailer = new RecordingMailer();
    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    private final AuditLog audit = new AuditLog(trail, Clock.systemUTC());
    private final NoticeService notices = new NoticeService(programmes, runs, store, store, Clock.systemUTC(), audit);
    private final NoticeSender sender = new NoticeSender(programmes, runs, store, store, store, mailer, RateLimiter.perSecond(1000),
            audit);
    private String runId;

    @BeforeEach
    void committedWarwickshireExample() {
        runId = CommittedExample.warwickshire(programmes, runs);
    }

    @Test
    void aRunsNoticesAreCreatedOnceHoweverOftenTheEventComes() {
        assertThat(notices.createRunNotices("wm", runId)).isEqualTo(38);
        assertThat(notices.createRunNotices("wm", runId)).isZero();

        assertThat(notices.runNotices("wm", runId)).hasSize(38).allMatch(n -> n.state() == NoticeState.QUEUED);
    }

    @Test
    void aNoticeIsSentOnceAndAFailureIsRetriedLater() {
        notices.createRunNotices("wm", runId);
        Notice rugby = store.withPrefix("wm", runId + "/rugby/").get(0);
        mailer.failNext(1);

        assertThat(sender.send("wm", rugby.key())).isEqualTo(NoticeSender.Outcome.RETRY);
        sender.send("wm", rugby.key());
        sender.send("wm", rugby.key());

        assertThat(mailer.sent()).hasSize(1);
        assertThat(mailer.sent().get(0).subject()).contains("funding withdrawn for the Warwickshire locality");
        assertThat(store.get("wm", rugby.key()).orElseThrow().state()).isEqualTo(NoticeState.SENT);
        assertThat(trail.page("wm", Optional.empty(), 10).entries()).as("the send, once, as the system's")
                .singleElement().satisfies(entry -> {
                    assertThat(entry.action()).isEqualTo("NOTICE_SENT");
                    assertThat(entry.actorSubject()).isEqualTo("system:send-notices");
                    assertThat(entry.target()).isEqualTo("notice " + rugby.key());
                    assertThat(entry.after()).contains("SES message message-1");
                });
    }

    @Test
    void aPermanentBounceSuppressesTheAddressForLaterNotices() {
        notices.createRunNotices("wm", runId);
        Notice rugby = store.withPrefix("wm", runId + "/rugby/").get(0);
        sender.send("wm", rugby.key());
        String messageId = store.get("wm", rugby.key()).orElseThrow().messageId();
        String bounced = rugby.recipients().get(0);

        notices.recordFeedback(messageId, NoticeState.BOUNCED, List.of(bounced), true, "bounced (Permanent)");
        Notice reissue = notices.resend("wm", runId, "rugby");
        sender.send("wm", reissue.key());

        assertThat(store.get("wm", rugby.key()).orElseThrow().state()).isEqualTo(NoticeState.BOUNCED);
        assertThat(mailer.sent().get(1).to()).doesNotContain(bounced);
        assertThat(store.get("wm", reissue.key()).orElseThrow().suppressed()).containsExactly(bounced);
        List<AuditEntry> feedback = trail.page("wm", Optional.empty(), 10).entries().stream()
                .filter(entry -> entry.actorSubject().equals("system:email-feedback")).toList();
        assertThat(feedback).extracting(AuditEntry::action).containsExactlyInAnyOrder("NOTICE_BOUNCED",
                "ADDRESS_SUPPRESSED");
        assertThat(feedback).filteredOn(entry -> entry.action().equals("ADDRESS_SUPPRESSED")).singleElement()
                .satisfies(entry -> assertThat(entry.target()).isEqualTo("address " + bounced));
    }

    @Test
    void aBulletinGoesOnceToEachAddressOfItsAudience() {
        Bulletin bulletin = new Bulletin("wm", "briefing-1", "Briefing", "Hello **all**", Bulletin.Audience.ALL);

        List<Notice> queued = notices.postBulletin(bulletin);
        List<Notice> again = notices.postBulletin(bulletin);

        assertThat(queued).hasSize(76);
        assertThat(store.withPrefix("wm", "bulletin/briefing-1/")).hasSize(76);
        assertThat(again).hasSize(76);
    }

    /** Keys travel in stream records, queue messages and logs: a bulletin's notice is keyed by a hash of its address. */
    @Test
    void aBulletinsNoticeKeysNameNoAddress() {
        List<Notice> queued = notices.postBulletin(new Bulletin("wm", "briefing-2", "Briefing", "Hello", Bulletin.Audience.ALL));

        assertThat(queued).allSatisfy(notice -> {
            assertThat(notice.key()).startsWith("bulletin/briefing-2/").doesNotContain("@");
            assertThat(notice.key()).isEqualTo("bulletin/briefing-2/" + Notice.recipientKey(notice.recipients().get(0).toUpperCase()));
        });
        assertThat(queued).extracting(Notice::key).doesNotHaveDuplicates();
    }
}
