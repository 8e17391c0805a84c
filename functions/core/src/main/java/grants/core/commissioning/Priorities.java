package grants.core.commissioning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rule C2: the dots counted, issues ranked by dots, then survey rank, then id, and the first
 * {@code priorityCount} selected. An issue with as many dots as the last selected one but left out
 * lost on the residents' survey when its survey rank is lower (a higher number): the result names
 * it. Set-up refuses equal survey ranks, so the survey decides every tie; were two ranks equal
 * all the same, the id would have decided, and the note says that instead of crediting the survey.
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
            RankedIssue last = ranked.get(setup.priorityCount() - 1);
            ranked.stream().filter(issue -> !issue.selected() && issue.dots() == last.dots()
                            && issue.issue().surveyRank() > last.issue().surveyRank())
                    .forEach(issue -> leftOut.add(issue.issue().id()));
        }
        return new Priorities(ranked, leftOut);
    }

    public List<String> selected() {
        return ranked.stream().filter(RankedIssue::selected).map(issue -> issue.issue().id()).toList();
    }

    /** A sentence for the record: which tie, if any, the residents' survey broke. */
    public String tieNote() {
        Optional<RankedIssue> last = ranked.stream().filter(RankedIssue::selected).reduce((first, second) -> second);
        List<String> leftOutOnId = last.stream().flatMap(cutOff -> ranked.stream().filter(issue -> !issue.selected()
                && issue.dots() == cutOff.dots() && issue.issue().surveyRank() == cutOff.issue().surveyRank()))
                .map(issue -> issue.issue().id()).toList();
        if (leftOutOnSurvey.isEmpty() && leftOutOnId.isEmpty()) {
            return "No tie at the cut-off: the selected priorities had more dots than every other issue.";
        }
        RankedIssue cutOff = last.orElseThrow();
        List<String> sentences = new ArrayList<>();
        if (!leftOutOnSurvey.isEmpty()) {
            sentences.add("The residents' survey broke a tie at " + cutOff.dots() + " dots: "
                    + String.join(", ", leftOutOnSurvey) + (leftOutOnSurvey.size() == 1 ? " was" : " were")
                    + " left out, ranked lower by residents than " + cutOff.issue().id() + " (survey rank "
                    + cutOff.issue().surveyRank() + ").");
        }
        if (!leftOutOnId.isEmpty()) {
            sentences.add("A tie at " + cutOff.dots() + " dots was broken by id, the residents' survey ranking them "
                    + "equally: " + String.join(", ", leftOutOnId) + (leftOutOnId.size() == 1 ? " was" : " were")
                    + " left out, after " + cutOff.issue().id() + ".");
        }
        return String.join(" ", sentences);
    }
}
