package grants.documents.governance;

import com.samskivert.mustache.Template;
import grants.core.governance.PackSection;
import grants.core.mail.Templates;
import grants.core.reporting.BoardPack;
import grants.core.text.InWords;
import grants.documents.reporting.BoardPackPage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole printable board pack: reporting's pack (P8) drawn by its own page, then the governance
 * section (G10) after the cards, listed on its first page, in one document. Here, where governance
 * may see reporting; reporting's page knows only that a part follows.
 */
public final class BoardPackWithGovernance {

    private static final Template SECTION = Templates.html("/grants/documents/governance/pack-section.html.mustache");
    static final String STYLE = Templates.text("/grants/documents/governance/governance.css").execute(Map.of());

    private BoardPackWithGovernance() {
    }

    /** @param names a person's or body's name by its id (an id without one is shown as it is) */
    public static String html(BoardPack pack, PackSection section, Map<String, String> names) {
        String since = section.previousBoardMeeting().map(d -> "since the board meeting of " + InWords.date(d))
                .orElse("before this meeting");
        Map<String, Object> view = new HashMap<>();
        view.put("asAt", InWords.date(section.asAt()));
        view.put("since", since);
        view.put("actionCount", section.actions().size());
        view.put("hasActions", !section.actions().isEmpty());
        view.put("actions", section.actions().stream().map(item -> row(item, names)).toList());
        view.put("recommendationCount", section.recommendations().size());
        view.put("hasRecommendations", !section.recommendations().isEmpty());
        view.put("recommendations", section.recommendations().stream().map(item -> row(item, names)).toList());
        return BoardPackPage.html(pack, List.of(new BoardPackPage.Part("governance",
                "Governance: actions and recommendations (" + section.actions().size() + " and "
                        + section.recommendations().size() + ")",
                "Every body's actions and recommendations, the late ones first (G10).",
                SECTION.execute(view), STYLE)));
    }

    private static Map<String, Object> row(PackSection.Item item, Map<String, String> names) {
        GovernanceWords.Shown state = GovernanceWords.state(item.state(), item.overdue());
        Map<String, Object> row = new HashMap<>();
        row.put("position", item.position());
        row.put("id", item.id());
        row.put("what", item.what());
        row.put("who", names.getOrDefault(item.who(), item.who()));
        row.put("decidedBy", item.decidedBy());
        row.put("state", state.words());
        row.put("tag", state.tag());
        // "Rejected" says all a rejected recommendation's words would say again.
        row.put("words", item.words().equals(state.words()) ? "" : item.words());
        row.put("escalatedOn", item.escalatedOn().map(InWords::date).orElse(null));
        return row;
    }
}
