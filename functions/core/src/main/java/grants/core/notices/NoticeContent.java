package grants.core.notices;

import com.samskivert.mustache.Template;
import grants.core.allocation.AllocationRow;
import grants.core.allocation.LocalityOutcome;
import grants.core.mail.Attachment;
import grants.core.mail.Templates;
import grants.core.money.Days;
import grants.core.money.Money;
import grants.core.programme.Partnership;
import grants.core.programme.Programme;
import grants.core.programme.Tier;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What a notice says, in text and HTML, from logic-less templates with every value escaped. */
final class NoticeContent {

    private static final Template NOTICE_TEXT = Templates.text("/grants/core/notices/notice.txt.mustache");
    private static final Template NOTICE_HTML = Templates.html("/grants/core/notices/notice.html.mustache");
    private static final Template BULLETIN_TEXT = Templates.text("/grants/core/notices/bulletin.txt.mustache");
    private static final Template BULLETIN_HTML = Templates.html("/grants/core/notices/bulletin.html.mustache");

    record Rendered(String subject, String text, String html, List<Attachment> attachments) {

        Rendered(String subject, String text, String html) {
            this(subject, text, html, List.of());
        }
    }

    private NoticeContent() {
    }

    static Rendered runNotice(Programme programme, String runId, AllocationRow row, LocalityOutcome locality) {
        Partnership partnership = programme.partnership(row.partnershipId()).orElseThrow();
        Map<String, Object> values = new HashMap<>();
        values.put("programmeName", programme.name());
        values.put("partnershipName", partnership.name());
        values.put("reason", row.reason());
        values.put("runId", runId);
        String subject;
        switch (row.status()) {
            case FUNDED -> {
                Map<String, Object> funded = new HashMap<>();
                funded.put("programmeName", programme.name());
                funded.put("grant", Money.pounds(row.finalGrantPence()));
                funded.put("grantEur", Money.format(row.finalGrantEuroCents()));
                funded.put("hasShare", row.redistributionPence() > 0);
                funded.put("share", Money.pounds(row.redistributionPence()));
                funded.put("supportDays", Days.format(row.supportHalfDays()));
                funded.put("payee", partnership.payee());
                if (row.tier() == Tier.TWO_TIER && locality != null) {
                    funded.put("twoTier", Map.of("localityName", locality.countyName(), "qualifying", locality.qualifying(),
                            "districts", locality.districts()));
                }
                values.put("funded", funded);
                subject = programme.name() + ": your grant of " + Money.pounds(row.finalGrantPence());
            }
            case WITHDRAWN -> {
                values.put("withdrawn", Map.of("localityName", locality.countyName(), "qualifying", locality.qualifying(),
                        "districts", locality.districts(), "needed", locality.qualifyingNeeded(),
                        "localityGrants", Money.pounds(locality.baseGrantsPence())));
                subject = programme.name() + ": funding withdrawn for the " + locality.countyName() + " locality";
            }
            default -> {
                values.put("notParticipating", Map.of("programmeName", programme.name()));
                subject = programme.name() + ": no grant this year";
            }
        }
        return new Rendered(subject, NOTICE_TEXT.execute(values), NOTICE_HTML.execute(values));
    }

    static Rendered bulletin(Programme programme, String subject, String markdown) {
        Map<String, Object> values = Map.of("programmeName", programme.name(), "subject", subject,
                "markdown", markdown, "bodyHtml", BulletinMarkdown.toHtml(markdown));
        return new Rendered(programme.name() + ": " + subject, BULLETIN_TEXT.execute(values), BULLETIN_HTML.execute(values));
    }
}
