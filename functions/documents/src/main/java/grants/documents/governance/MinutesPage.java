package grants.documents.governance;

import com.samskivert.mustache.Template;
import grants.core.governance.BoardExceptions;
import grants.core.governance.Body;
import grants.core.governance.Decision;
import grants.core.governance.Minutes;
import grants.core.mail.Templates;
import grants.core.text.InWords;
import grants.documents.reporting.BoardPackPage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A meeting's minutes as a printable page (A4, the pack's style): who was present, for a board meeting
 * its pack's exceptions each decided or not (G8), then each decision item by item with its quorum as G3
 * counted it: who was counted out, and who had an interest they had not declared. For partners only, so
 * an exempt item is shown whole and marked.
 */
public final class MinutesPage {

    private static final Template PAGE = Templates.html("/grants/documents/governance/minutes.html.mustache");

    private MinutesPage() {
    }

    /** @param names a person's name by their id (an id without one is shown as it is) */
    public static String html(String registerId, Minutes minutes, Map<String, String> names) {
        Body body = minutes.body();
        Map<String, Object> view = new HashMap<>();
        view.put("style", BoardPackPage.style() + BoardPackWithGovernance.STYLE);
        view.put("registerId", registerId);
        view.put("body", body.name());
        view.put("date", InWords.date(minutes.meeting().date()));
        int voting = minutes.meeting().voting(body).size();
        view.put("voting", voting);
        view.put("votingMembers", voting == 1 ? "member" : "members");
        view.put("quorum", body.quorum());
        view.put("present", minutes.meeting().present().stream().map(person -> {
            Map<String, Object> row = new HashMap<>();
            row.put("name", names.getOrDefault(person, person));
            row.put("role", role(body.member(person)));
            return row;
        }).toList());
        Map<String, String> references = new HashMap<>();
        minutes.exceptions().ifPresent(exceptions -> {
            exceptions.exceptions().forEach(e -> references.put(e.exception().indicator(), e.exception().reference()));
            view.put("hasExceptions", true);
            view.put("decided", exceptions.decided());
            view.put("exceptionCount", exceptions.exceptions().size());
            view.put("exceptionWord", exceptions.exceptions().size() == 1 ? "exception" : "exceptions");
            view.put("undecided", exceptions.exceptions().stream().filter(e -> !e.decided())
                    .map(e -> e.exception().reference()).reduce((a, b) -> a + ", " + b).orElse(null));
            view.put("exceptions", exceptions.exceptions().stream().map(MinutesPage::exception).toList());
        });
        List<Map<String, Object>> decisions = new ArrayList<>();
        for (Decision decision : minutes.decisions()) {
            decisions.add(decision(decisions.size() + 1, decision, names, references));
        }
        view.put("decisionCount", decisions.size());
        view.put("decisions", decisions);
        return PAGE.execute(view);
    }

    /** A member's role beside their name: a plain member needs none. */
    private static String role(java.util.Optional<Body.Member> member) {
        if (member.isEmpty()) {
            return "not a member";
        }
        return switch (member.get().role()) {
            case CHAIR -> "chair";
            case OBSERVER -> "observer, does not vote";
            case MEMBER -> null;
        };
    }

    private static Map<String, Object> exception(BoardExceptions.Listed listed) {
        return Map.of("reference", listed.exception().reference(), "why", listed.exception().words(),
                "decided", listed.decided() ? "Decided" : "Not decided", "tag", listed.decided() ? "done" : "late");
    }

    private static Map<String, Object> decision(int number, Decision decision, Map<String, String> names,
                                                Map<String, String> references) {
        Map<String, Object> view = new HashMap<>();
        view.put("number", number);
        view.put("id", decision.id());
        view.put("item", decision.item());
        view.put("kind", GovernanceWords.kind(decision.kind()));
        view.put("exempt", decision.exempt().map(GovernanceWords::exempt).orElse(null));
        view.put("about", decision.about().map(about -> references.getOrDefault(about, about)).orElse(null));
        view.put("terms", GovernanceWords.terms(decision.terms(), person -> names.getOrDefault(person, person)));
        view.put("counted", decision.quorum().quorateMembers());
        view.put("voting", decision.quorum().voting().size());
        view.put("needed", decision.quorum().needed());
        view.put("countedOut", decision.quorum().conflicted().stream().map(person -> names.getOrDefault(person, person)
                + (decision.quorum().undeclared().contains(person)
                ? " (an interest not declared: works for the organisation the item is about)"
                : " (declared an interest and withdrew)")).toList());
        return view;
    }
}
