package grants.core.notices;

import grants.core.audit.AuditLog;
import grants.core.access.Actor;
import grants.core.allocation.AllocationRow;
import grants.core.errors.ConflictException;
import grants.core.errors.InvalidInputException;
import grants.core.errors.NotFoundException;
import grants.core.programme.Contact;
import grants.core.programme.Partnership;
import grants.core.programme.Programme;
import grants.core.run.AllocationRunStore;
import grants.core.run.ProgrammeStore;
import grants.core.run.RunHeader;
import grants.core.run.StoredProgramme;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Grant notices and bulletins: created under deterministic keys (so a redelivered event creates
 * nothing twice), re-issued on request, listed with their status, and marked by SES feedback.
 * Sending them is {@link NoticeSender}'s job.
 */
public final class NoticeService {

    /** The roles of a partnership's contacts that receive its notices. */
    private static final Set<String> NOTICE_ROLES = Set.of("REPRESENTATIVE", "PROJECT_CHAMPION");

    private final ProgrammeStore programmes;
    private final AllocationRunStore runs;
    private final NoticeStore notices;
    private final BulletinStore bulletins;
    private final Clock clock;
    private final AuditLog audit;

    /** Who the trail names for SES feedback: the system, on the mail service's word. */
    public static final Actor FEEDBACK = Actor.system("system:email-feedback");

    public NoticeService(ProgrammeStore programmes, AllocationRunStore runs, NoticeStore notices,
                         BulletinStore bulletins, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.programmes = programmes;
        this.runs = runs;
        this.notices = notices;
        this.bulletins = bulletins;
        this.clock = clock;
    }

    /** One notice per partnership of a committed run; creating one twice creates it once. */
    public int createRunNotices(String programmeId, String runId) {
        RunHeader header = runs.header(programmeId, runId).orElseThrow(() ->
                new NotFoundException("Programme \"" + programmeId + "\" has no committed run \"" + runId + "\"."));
        Programme programme = snapshot(programmes, header);
        int created = 0;
        for (AllocationRow row : runs.rows(programmeId, runId)) {
            NoticeKind kind = NoticeKind.of(row.status());
            List<String> to = recipients(programme.partnership(row.partnershipId()).orElseThrow());
            if (notices.create(Notice.queued(programmeId, Notice.runKey(runId, row.partnershipId(), kind), kind, runId,
                    row.partnershipId(), null, to, null, clock.instant()))) {
                created++;
            }
        }
        return created;
    }

    public List<Notice> runNotices(String programmeId, String runId) {
        runs.header(programmeId, runId).orElseThrow(() ->
                new NotFoundException("Programme \"" + programmeId + "\" has no committed run \"" + runId + "\"."));
        return notices.withPrefix(programmeId, runId + "/");
    }

    /** A programme manager's deliberate re-issue: a new notice under a new key, sent like any other. */
    public Notice resend(String programmeId, String runId, String partnershipId) {
        List<Notice> earlier = notices.withPrefix(programmeId, runId + "/" + partnershipId + "/");
        if (earlier.isEmpty()) {
            throw new NotFoundException("Run " + runId + " has no notice for \"" + partnershipId + "\" to re-issue.");
        }
        Notice first = earlier.get(0);
        Notice resend = Notice.queued(programmeId, Notice.runKey(runId, partnershipId, first.kind()) + "/resend-"
                        + earlier.size(), first.kind(), runId, partnershipId, null, first.recipients(),
                "re-issued by request at " + clock.instant(), clock.instant());
        if (!notices.create(resend)) {
            throw new ConflictException("RESEND_IN_PROGRESS", "A re-issue of this notice was just requested; see its status.");
        }
        return resend;
    }

    /** Queues one notice per distinct address of the audience; posting the same bulletin again changes nothing. */
    public List<Notice> postBulletin(Bulletin bulletin) {
        StoredProgramme stored = programmes.load(bulletin.programmeId()).orElseThrow(() ->
                new NotFoundException("There is no programme \"" + bulletin.programmeId() + "\"."));
        Set<String> addresses = new TreeSet<>();
        for (Partnership partnership : stored.programme().partnerships()) {
            partnership.contacts().stream().filter(c -> bulletin.audience().includes(c.role()))
                    .forEach(c -> addresses.add(c.email()));
        }
        if (addresses.isEmpty()) {
            throw InvalidInputException.of("audience", "reaches no contact of this programme");
        }
        if (!bulletins.createBulletin(bulletin) && !bulletins.bulletin(bulletin.programmeId(), bulletin.bulletinId()).orElseThrow()
                .equals(bulletin)) {
            throw new ConflictException("BULLETIN_EXISTS", "Bulletin \"" + bulletin.bulletinId()
                    + "\" was posted before with other content; give this one a new id.");
        }
        List<Notice> queued = new ArrayList<>();
        for (String address : addresses) {
            Notice notice = Notice.queued(bulletin.programmeId(), "bulletin/" + bulletin.bulletinId() + "/" + Notice.recipientKey(address),
                    NoticeKind.BULLETIN, null, null, bulletin.bulletinId(), List.of(address), null, clock.instant());
            notices.create(notice);
            queued.add(notice);
        }
        return queued;
    }

    /** A bulletin's body as the HTML its email will carry: links and images filtered as when it is sent. */
    public String previewBulletin(String markdown) {
        return BulletinMarkdown.toHtml(markdown);
    }

    /** SES feedback: the notice is marked, and addresses that bounced for good or complained are suppressed. */
    public void recordFeedback(String messageId, NoticeState state, List<String> addresses, boolean suppress,
                               String reason) {
        Optional<Notice> notice = notices.byMessageId(messageId);
        notice.ifPresent(n -> {
            notices.feedback(n.programmeId(), n.key(), state, reason);
            audit.record(FEEDBACK, n.programmeId(), "NOTICE_" + state.name(), "notice " + n.key(), n.state().name(),
                    state.name() + ": " + reason);
        });
        if (suppress) {
            addresses.forEach(address -> {
                notices.suppress(address, reason);
                // Kept in the trail of the programme (or round) whose notice bounced; feedback on a message
                // no notice of ours sent has no trail, and is kept only on the suppression itself.
                notice.ifPresent(n -> audit.record(FEEDBACK, n.programmeId(), "ADDRESS_SUPPRESSED", "address " + address,
                        null, "no notice or bulletin goes to it again: " + reason));
            });
        }
    }

    static Programme snapshot(ProgrammeStore programmes, RunHeader header) {
        return programmes.snapshot(header.programmeId(), header.inputHash()).orElseThrow(() ->
                new IllegalStateException("run " + header.runId() + " has no programme snapshot"));
    }

    /** Who a partnership's run notices go to: its representatives and project champions. */
    public static List<String> recipients(Partnership partnership) {
        return partnership.contacts().stream().filter(c -> NOTICE_ROLES.contains(c.role())).map(Contact::email)
                .distinct().sorted().toList();
    }
}
