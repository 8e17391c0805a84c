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
import java.util.Locale;
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
    private final Reminders reminders;

    /** Who the trail names for a notice's send: the system, once the manager's change queued it. */
    public static final Actor ACTOR = Actor.system("system:send-notices");

    public NoticeSender(ProgrammeStore programmes, AllocationRunStore runs, NoticeStore notices,
                        BulletinStore bulletins, LetterStore letters, Mailer mailer, SendRate rateLimiter, AuditLog audit) {
        this(programmes, runs, notices, bulletins, letters, Reminders.NONE, mailer, rateLimiter, audit);
    }

    /** A sender that also sends monitoring's reminders, each from its ledger row. */
    public NoticeSender(ProgrammeStore programmes, AllocationRunStore runs, NoticeStore notices,
                        BulletinStore bulletins, LetterStore letters, Reminders reminders, Mailer mailer,
                        SendRate rateLimiter, AuditLog audit) {
        this.reminders = reminders;
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
        Trusted trusted = trusted(notice);
        if (!trusted.addressees().containsAll(notice.recipients())) {
            // The notice names someone its run, bulletin or letter does not address: whoever wrote it,
            // it is not what the owning function queued.
            notices.failed(programmeId, key, "refused: the notice names recipients its " + notice.kind().name().toLowerCase(Locale.ROOT)
                    + " content is not addressed to");
            return Outcome.FAILED;
        }
        Set<String> suppressed = notices.suppressed(notice.recipients());
        List<String> to = notice.recipients().stream().filter(address -> !suppressed.contains(address)).toList();
        if (to.isEmpty()) {
            notices.failed(programmeId, key, "every recipient is suppressed after a bounce or complaint: " + suppressed);
            audit.record(ACTOR, programmeId, "NOTICE_NOT_SENT", "notice " + key, "QUEUED", "FAILED: all "
                    + suppressed.size() + " recipients suppressed");
            return Outcome.FAILED;
        }
        NoticeContent.Rendered content = trusted.content();
        rateLimiter.acquire();
        try {
            String messageId = mailer.send(new Email(to, content.subject(), content.text(), content.html(),
                    content.attachments()));
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

    /**
     * What a notice sends and to whom it may go, both from records only their owners write: a run's
     * notice from the committed run and its programme snapshot, a bulletin from the bulletin and
     * the programme's contacts in its audience, a letter from the letter itself. The notice item
     * chooses among them; it never supplies the content or widens who receives it.
     */
    private record Trusted(NoticeContent.Rendered content, Set<String> addressees) {
    }

    private Trusted trusted(Notice notice) {
        if (notice.kind() == NoticeKind.BULLETIN) {
            return bulletin(notice.programmeId(), notice.contentId());
        }
        if (notice.kind() == NoticeKind.LETTER) {
            return trusted(letters.letter(notice.programmeId(), notice.contentId()).orElseThrow());
        }
        if (notice.kind() == NoticeKind.REMINDER) {
            // No ledger row sent: a letter to nobody, so any recipient is refused.
            return trusted(reminders.letter(notice.contentId()).orElse(new Letter("", "", "", List.of())));
        }
        RunContext run = run(notice.programmeId(), notice.runId());
        AllocationRow row = runs.row(notice.programmeId(), notice.runId(), notice.partnershipId()).orElseThrow();
        LocalityOutcome locality = run.header().localities().stream().filter(l -> l.county().equals(row.locality()))
                .findFirst().orElse(null);
        Set<String> addressees = run.programme().partnership(row.partnershipId())
                .map(partnership -> Set.copyOf(NoticeService.recipients(partnership))).orElse(Set.of());
        return new Trusted(NoticeContent.runNotice(run.programme(), run.header().runId(), row, locality), addressees);
    }

    private static Trusted trusted(Letter letter) {
        return new Trusted(new NoticeContent.Rendered(letter.subject(), letter.text(), letter.html(),
                letter.attachments()),
                Set.copyOf(letter.addressees()));
    }

    /** A bulletin's content is the same for every address: rendered once for all its notices. */
    private synchronized Trusted bulletin(String programmeId, String bulletinId) {
        String key = programmeId + "/" + bulletinId;
        if (lastBulletin == null || !lastBulletin.getKey().equals(key)) {
            Bulletin bulletin = bulletins.bulletin(programmeId, bulletinId).orElseThrow();
            Programme programme = programmes.load(programmeId).orElseThrow().programme();
            Set<String> audience = new TreeSet<>();
            programme.partnerships().forEach(partnership -> partnership.contacts().stream()
                    .filter(contact -> bulletin.audience().includes(contact.role()))
                    .forEach(contact -> audience.add(contact.email())));
            lastBulletin = Map.entry(key, new Trusted(NoticeContent.bulletin(programme, bulletin.subject(), bulletin.markdown()),
                    Set.copyOf(audience)));
        }
        return lastBulletin.getValue();
    }

    private Map.Entry<String, Trusted> lastBulletin;

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
