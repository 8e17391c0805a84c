package grants.core.notices;

import grants.core.audit.AuditLog;
import grants.core.access.Actor;
import grants.core.allocation.AllocationRow;
import grants.core.allocation.LocalityOutcome;
import grants.core.mail.Email;
import grants.core.mail.MailRejectedException;
import grants.core.mail.Mailer;
import grants.core.programme.Programme;
import grants.core.run.AllocationRunStore;
import grants.core.run.ProgrammeStore;
import grants.core.run.RunHeader;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Sends notices exactly once: a notice is claimed with a conditional write before sending and
 * marked SENT with the SES message id after; a failure worth retrying releases the claim, a
 * permanent one marks it FAILED with the reason. Suppressed addresses are skipped, and the notice
 * says so. Sends are spaced by the rate limiter.
 */
public final class NoticeSender {

    public enum Outcome {
        SENT,
        ALREADY_DONE,
        RETRY,
        FAILED
    }

    private final ProgrammeStore programmes;
    private final AllocationRunStore runs;
    private final NoticeStore notices;
    private final BulletinStore bulletins;
    private final LetterStore letters;
    private final Mailer mailer;
    private final SendRate rateLimiter;
    private final AuditLog audit;

    /** Who the trail names for a notice's send: the system, once the manager's change queued it. */
    public static final Actor ACTOR = Actor.system("system:send-notices");

    public NoticeSender(ProgrammeStore programmes, AllocationRunStore runs, NoticeStore notices,
                        BulletinStore bulletins, LetterStore letters, Mailer mailer, SendRate rateLimiter, AuditLog audit) {
        this.audit = audit;
        this.programmes = programmes;
        this.runs = runs;
        this.notices = notices;
        this.bulletins = bulletins;
        this.letters = letters;
        this.mailer = mailer;
        this.rateLimiter = rateLimiter;
    }

    /** Sends one notice, at most once whatever the redeliveries. */
    public Outcome send(String programmeId, String key) {
        Notice notice = notices.get(programmeId, key).orElse(null);
        if (notice == null || notice.state().isFinal()) {
            return Outcome.ALREADY_DONE;
        }
        if (!notices.claim(programmeId, key)) {
            // Another sender holds it; if that sender died, a later delivery takes the stale claim over.
            return notices.get(programmeId, key).map(n -> n.state().isFinal()).orElse(true) ? Outcome.ALREADY_DONE
                    : Outcome.RETRY;
        }
        Set<String> suppressed = notices.suppressed(notice.recipients());
        List<String> to = notice.recipients().stream().filter(address -> !suppressed.contains(address)).toList();
        if (to.isEmpty()) {
            notices.failed(programmeId, key, "every recipient is suppressed after a bounce or complaint: " + suppressed);
            audit.record(ACTOR, programmeId, "NOTICE_NOT_SENT", "notice " + key, "QUEUED", "FAILED: all "
                    + suppressed.size() + " recipients suppressed");
            return Outcome.FAILED;
        }
        NoticeContent.Rendered content = render(notice);
        rateLimiter.acquire();
        try {
            String messageId = mailer.send(new Email(to, content.subject(), content.text(), content.html()));
            notices.sent(programmeId, key, messageId, new ArrayList<>(new TreeSet<>(suppressed)));
            audit.record(ACTOR, programmeId, "NOTICE_SENT", "notice " + key, "QUEUED", "SENT: " + notice.kind() + " \""
                    + content.subject() + "\" to " + to.size() + (to.size() == 1 ? " recipient" : " recipients")
                    + (suppressed.isEmpty() ? "" : ", " + suppressed.size() + " suppressed left out") + "; SES message "
                    + messageId);
            return Outcome.SENT;
        } catch (MailRejectedException rejected) {
            notices.failed(programmeId, key, rejected.getMessage());
            audit.record(ACTOR, programmeId, "NOTICE_NOT_SENT", "notice " + key, "QUEUED", "FAILED: SES refused it: "
                    + rejected.getMessage());
            return Outcome.FAILED;
        } catch (RuntimeException worthRetrying) {
            notices.release(programmeId, key, String.valueOf(worthRetrying.getMessage()));
            return Outcome.RETRY;
        }
    }

    private NoticeContent.Rendered render(Notice notice) {
        if (notice.kind() == NoticeKind.BULLETIN) {
            return bulletin(notice.programmeId(), notice.contentId());
        }
        if (notice.kind() == NoticeKind.LETTER) {
            Letter letter = letters.letter(notice.programmeId(), notice.contentId()).orElseThrow();
            return new NoticeContent.Rendered(letter.subject(), letter.text(), letter.html());
        }
        RunContext run = run(notice.programmeId(), notice.runId());
        AllocationRow row = runs.row(notice.programmeId(), notice.runId(), notice.partnershipId()).orElseThrow();
        LocalityOutcome locality = run.header().localities().stream().filter(l -> l.county().equals(row.locality()))
                .findFirst().orElse(null);
        return NoticeContent.runNotice(run.programme(), run.header().runId(), row, locality);
    }

    /** A bulletin's content is the same for every address: rendered once for all its notices. */
    private synchronized NoticeContent.Rendered bulletin(String programmeId, String bulletinId) {
        String key = programmeId + "/" + bulletinId;
        if (lastBulletin == null || !lastBulletin.getKey().equals(key)) {
            Bulletin bulletin = bulletins.bulletin(programmeId, bulletinId).orElseThrow();
            Programme programme = programmes.load(programmeId).orElseThrow().programme();
            lastBulletin = Map.entry(key, NoticeContent.bulletin(programme, bulletin.subject(), bulletin.markdown()));
        }
        return lastBulletin.getValue();
    }

    private Map.Entry<String, NoticeContent.Rendered> lastBulletin;

    /** A run's header and programme, read once for all its notices (a container sends many in a row). */
    private record RunContext(RunHeader header, Programme programme) {
    }

    private RunContext lastRun;

    private synchronized RunContext run(String programmeId, String runId) {
        if (lastRun == null || !lastRun.header().programmeId().equals(programmeId) || !lastRun.header().runId().equals(runId)) {
            RunHeader header = runs.header(programmeId, runId).orElseThrow();
            lastRun = new RunContext(header, NoticeService.snapshot(programmes, header));
        }
        return lastRun;
    }

}
