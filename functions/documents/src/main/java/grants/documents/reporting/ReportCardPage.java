package grants.documents.reporting;

import com.samskivert.mustache.Template;
import grants.core.mail.Templates;
import grants.core.reporting.ReportCard;

import java.util.Map;

/**
 * One report card (P7) as a page of its own, printable on at most two A4 sides: what the card route
 * serves, and {@code cards/<indicator_id>.html} of a replay.
 */
public final class ReportCardPage {

    private static final Template PAGE = Templates.html("/grants/documents/reporting/report-card-page.html.mustache");

    private ReportCardPage() {
    }

    public static String html(ReportCard card) {
        return PAGE.execute(Map.of("reference", card.reference(), "period", card.period().toString(),
                "style", CardView.STYLE, "card", CardView.html(card, 1)));
    }
}
