package grants.core.commissioning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rule C2: the dots counted, issues ranked by dots, then survey rank, then id, and the first
 * {@code priorityCount} selected; issues with as many dots as the last selected one but left out
 * lost on the residents' survey, and the result names them.
 */
public record Priorities(List<RankedIssue> ranked, List<String> leftOutOnSurvey) {

    public Priorities {
        ranked = List.copyOf(ranked);
        leftOutOnSurvey = List.copyOf(leftOutOnSurvey);
    }

    public record RankedIssue(RoundSetup.Issue issue, int dots, int rank, boolean selected) {
    }

    public static Priorities count(RoundSetup setup, List<Ballot> ballots) {
        Map<String, Integer> dots = new HashMap<>();
        ballots.forEach(ballot -> ballot.dots().forEach(issue -> dots.merge(issue, 1, Integer::sum)));
        List<RoundSetup.Issue> order = new ArrayList<>(setup.issues());
        order.sort(Comparator.<RoundSetup.Issue>comparingInt(issue -> -dots.getOrDefault(issue.id(), 0))
                .thenComparingInt(RoundSetup.Issue::surveyRank)
                .thenComparing(RoundSetup.Issue::id));
        List<RankedIssue> ranked = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            RoundSetup.Issue issue = order.get(i);
            ranked.add(new RankedIssue(issue, dots.getOrDefault(issue.id(), 0), i + 1, i < setup.priorityCount()));
        }
        List<String> leftOut = new ArrayList<>();
        if (setup.priorityCount() > 0 && setup.priorityCount() < ranked.size()) {
            int lastSelectedDots = ranked.get(setup.priorityCount() - 1).dots();
            ranked.stream().filter(issue -> !issue.selected() && issue.dots() == lastSelectedDots)
                    .forEach(issue -> leftOut.add(issue.issue().id()));
        }
        return new Priorities(ranked, leftOut);
    }

    public List<String> selected() {
        return ranked.stream().filter(RankedIssue::selected).map(issue -> issue.issue().id()).toList();
    }

    /** A sentence for the record: which tie, if any, the residents' survey broke. */
    public String tieNote() {
        if (leftOutOnSurvey.isEmpty()) {
            return "No tie at the cut-off: the selected priorities had more dots than every other issue.";
        }
        RankedIssue last = ranked.stream().filter(RankedIssue::selected).reduce((first, second) -> second).orElseThrow();
        return "The residents' survey broke a tie at " + last.dots() + " dots: " + String.join(", ", leftOutOnSurvey)
                + (leftOutOnSurvey.size() == 1 ? " was" : " were") + " left out, ranked lower by residents than "
                + last.issue().id() + " (survey rank " + last.issue().surveyRank() + ").";
    }
}
