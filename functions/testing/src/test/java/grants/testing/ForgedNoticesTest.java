package grants.testing;

import grants.core.audit.AuditLog;
import grants.core.notices.Bulletin;
import grants.core.notices.Letter;
import grants.core.notices.Notice;
import grants.core.notices.NoticeKind;
import grants.core.notices.NoticeSender;
import grants.core.notices.NoticeService;
import grants.core.notices.NoticeState;
import grants.core.notices.RateLimiter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A notice item written by anyone but its owner (a compromised function with write access to the
 * notices partition) cannot make SendNotices email anyone else: the content and who may receive it
 * come from the run, the bulletin or the letter, which the notice item only points at.
 */
class ForgedNoticesTest {

    private static final String OUTSIDER = "harvest@attacker.example";

    private final InMemoryProgrammeStore programmes = new InMemoryProgrammeStore();
    private final InMemoryRunStore runs = new InMemoryRunStore();
    private final InMemoryNoticeStore store = new InMemoryNoticeStore();
    private final RecordingMailer mailer = new RecordingMailer();
    private final AuditLog audit = new AuditLog(new InMemoryAuditTrail(), Clock.systemUTC());
    private final NoticeService notices = new NoticeService(programmes, runs, store, store, Clock.systemUTC(), audit);
    private final NoticeSender sender = new NoticeSender(programmes, runs, store, store, store, mailer,
            RateLimiter.perSecond(1000), audit);
    private String runId;

    @BeforeEach
    void committedWarwickshireExample() {
        runId = CommittedExample.warwickshire(programmes, runs);
    }

    private NoticeSender.Outcome sendForged(Notice forged) {
        assertThat(store.create(forged)).isTrue();
        return sender.send(forged.programmeId(), forged.key());
    }

    private void refusedAndNothingSent(Notice forged) {
        assertThat(sendForged(forged)).isEqualTo(NoticeSender.Outcome.FAILED);
        assertThat(mailer.sent()).isEmpty();
        Notice after = store.get(forged.programmeId(), forged.key()).orElseThrow();
        assertThat(after.state()).isEqualTo(NoticeState.FAILED);
        assertThat(after.reason()).startsWith("refused: the notice names recipients");
    }

    @Test
    void aRunsNoticeAddressedToSomeoneOutsideThePartnershipIsRefused() {
        notices.createRunNotices("wm", runId);
        Notice genuine = store.withPrefix("wm", runId + "/rugby/").get(0);
        List<String> widened = new java.util.ArrayList<>(genuine.recipients());
        widened.add(OUTSIDER);

        refusedAndNothingSent(Notice.queued("wm", genuine.key() + "/forged", genuine.kind(), runId, "rugby", null,
                widened, null, Instant.now()));
    }

    @Test
    void anotherPartnershipsContactCannotBeSentARunsNotice() {
        notices.createRunNotices("wm", runId);
        Notice rugby = store.withPrefix("wm", runId + "/rugby/").get(0);
        Notice other = notices.runNotices("wm", runId).stream().filter(n -> !n.partnershipId().equals("rugby"))
                .findFirst().orElseThrow();

        refusedAndNothingSent(Notice.queued("wm", rugby.key() + "/forged", rugby.kind(), runId, "rugby", null,
                other.recipients(), null, Instant.now()));
    }

    @Test
    void aBulletinCannotBeSentOutsideItsAudience() {
        notices.postBulletin(new Bulletin("wm", "briefing-1", "Briefing", "Hello", Bulletin.Audience.ALL));

        refusedAndNothingSent(Notice.queued("wm", "bulletin/briefing-1/forged", NoticeKind.BULLETIN, null, null,
                "briefing-1", List.of(OUTSIDER), null, Instant.now()));
    }

    @Test
    void aLetterGoesOnlyToItsAddressees() {
        store.putLetter("round-1", "call", new Letter("Call for proposals", "text", "<p>html</p>",
                List.of("clerk@rugby.gov.uk")));

        refusedAndNothingSent(Notice.queued("round-1", "round/round-1/call/forged", NoticeKind.LETTER, null, null, "call",
                List.of(OUTSIDER), null, Instant.now()));
        assertThat(sendForged(Notice.queued("round-1", "round/round-1/call/genuine", NoticeKind.LETTER, null, null, "call",
                List.of("clerk@rugby.gov.uk"), null, Instant.now()))).isEqualTo(NoticeSender.Outcome.SENT);
        assertThat(mailer.sent()).singleElement().satisfies(email -> assertThat(email.to()).containsExactly("clerk@rugby.gov.uk"));
    }

    @Test
    void genuineNoticesAndBulletinsStillGo() {
        notices.createRunNotices("wm", runId);
        List<Notice> bulletin = notices.postBulletin(new Bulletin("wm", "briefing-2", "Briefing", "Hello", Bulletin.Audience.CHAMPIONS));

        for (Notice notice : notices.runNotices("wm", runId)) {
            assertThat(sender.send("wm", notice.key())).isEqualTo(NoticeSender.Outcome.SENT);
        }
        for (Notice notice : bulletin) {
            assertThat(sender.send("wm", notice.key())).isEqualTo(NoticeSender.Outcome.SENT);
        }
        assertThat(mailer.sent()).hasSize(38 + bulletin.size());
    }
}
