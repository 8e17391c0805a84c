package grants.documents.reporting;

import com.samskivert.mustache.Template;
import grants.core.mail.Templates;
import grants.core.reporting.BoardPack;
import grants.core.reporting.ReportCard;
import grants.core.reporting.Status;
import grants.core.text.InWords;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A meeting's board pack (P8) as one printable page: a first page counting the indicators by status
 * and listing the cards, then each card, in the pack's order, starting a printed page of its own. Another
 * capability may add parts after the cards (governance's section, G10): each listed on the first page
 * and starting a printed page, so the board reads one document. Reporting knows nothing of what they say.
 */
public final class BoardPackPage {

    private static final Template PAGE = Templates.html("/grants/documents/reporting/board-pack.html.mustache");

    /**
     * A part added after the cards: its element's id (linked from the first page), its heading and a
     * line saying what it holds, its HTML (a whole {@code <section id="...">}), and any style it needs.
     */
    public record Part(String id, String heading, String explanation, String html, String style) {
    }

    private BoardPackPage() {
    }

    public static String html(BoardPack pack) {
        return html(pack, List.of());
    }

    /** The pack, then {@code after}, in one printable document. */
    public static String html(BoardPack pack, List<Part> after) {
        Map<String, Object> view = new HashMap<>();
        view.put("style", CardView.STYLE + after.stream().map(Part::style).reduce("", String::concat));
        view.put("parts", after.stream().map(part -> Map.of("id", part.id(), "heading", part.heading(),
                "explanation", part.explanation(), "html", part.html())).toList());
        view.put("registerId", pack.registerId());
        view.put("meeting", InWords.date(pack.meeting().date()));
        view.put("period", pack.meeting().reviews().toString());
        view.put("months", CardView.months(pack.meeting().reviews()));
        view.put("asOf", InWords.date(pack.meeting().figuresAsOf()));
        List<Map<String, Object>> statuses = new ArrayList<>();
        for (Status status : Status.values()) {
            statuses.add(Map.of("kind", status.name().toLowerCase(Locale.UK).replace('_', '-'), "words", status.words(),
                    "count", pack.countByStatus().getOrDefault(status, 0)));
        }
        view.put("statuses", statuses);
        view.put("total", pack.cards().size());
        view.put("groups", List.of(
                group("Awaiting the owner", "The owner has not yet written the quarter's narrative: to be chased.",
                        pack.awaitingOwner(), true),
                group("Exceptions", "Not met, or worse than the previous quarter.", pack.exceptions(), false),
                group("The rest", "Met, near the target or otherwise on course.", pack.rest(), false)));
        view.put("cardPages", pack.cards().stream().map(card -> CardView.html(card, 2)).toList());
        return PAGE.execute(view);
    }

    /** The print and screen style of the cards and the pack, for a page printed beside them (a meeting's minutes). */
    public static String style() {
        return CardView.STYLE;
    }

    private static Map<String, Object> group(String heading, String explanation, List<ReportCard> cards,
                                             boolean showOwner) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (ReportCard card : cards) {
            Map<String, Object> entry = new HashMap<>();
            entry.put("id", card.indicatorId());
            entry.put("reference", card.reference());
            entry.put("title", card.title());
            entry.put("status", card.status().words());
            entry.put("owner", showOwner ? card.owner().name() : null);
            entries.add(entry);
        }
        return Map.of("heading", heading, "explanation", explanation, "size", cards.size(),
                "hasCards", !cards.isEmpty(), "cards", entries);
    }
}
