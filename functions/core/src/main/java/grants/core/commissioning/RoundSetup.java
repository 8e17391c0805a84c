package grants.core.commissioning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the programme manager sets up before the vote: the fund, the candidate issues with their
 * evidence, the Strategic Board, how panels score, and who takes part.
 */
public record RoundSetup(String roundId, String name, Fund fund, BigDecimal eurRate, int priorityCount,
                         int dotsPerVoter, List<Theme> crossCuttingThemes, List<Criterion> criteria, int scoreScale,
                         Fraction fundableThreshold, Fraction moderationSpread, int panelQuorum, List<Issue> issues,
                         List<Voter> voters, List<Organisation> organisations, List<Recipient> mailingList) {

    public static final String ID_PATTERN = "[a-z0-9-]{1,64}";

    public RoundSetup {
        crossCuttingThemes = List.copyOf(crossCuttingThemes);
        criteria = List.copyOf(criteria);
        issues = List.copyOf(issues);
        voters = List.copyOf(voters);
        organisations = List.copyOf(organisations);
        mailingList = List.copyOf(mailingList);
    }

    /** A cross-cutting theme every proposal must address, such as health in Coventry. */
    public record Theme(String id, String title) {
    }

    /** What panels score, and how much it counts. */
    public record Criterion(String id, String title, int weight) {
    }

    /**
     * A candidate priority from the strategic plan; survey rank 1 is what residents rated most
     * important. Its evidence is what the Strategic Board reads before placing its dots.
     */
    public record Issue(String id, String title, String strategicOutcome, int surveyRank, List<Evidence> evidence) {

        public Issue {
            evidence = List.copyOf(evidence);
        }

        /** An issue with no statistics, only its survey rank. */
        public Issue(String id, String title, String strategicOutcome, int surveyRank) {
            this(id, title, strategicOutcome, surveyRank, List.of());
        }
    }

    /**
     * A statistic behind an issue, such as "Unemployment in the priority neighbourhoods is 9.2%, twice
     * the city's rate", with who published it and on what day.
     */
    public record Evidence(String statistic, String source, LocalDate date) {
    }

    /** A member of the Strategic Board. */
    public record Voter(String id, String name, Sector sector) {
    }

    public record Organisation(String id, String name, Sector sector, String email) {
    }

    /** Someone on the mailing list that receives the published specifications. */
    public record Recipient(String name, String email) {
    }

    public Optional<Issue> issue(String id) {
        return issues.stream().filter(issue -> issue.id().equals(id)).findFirst();
    }

    public Optional<Organisation> organisation(String id) {
        return organisations.stream().filter(organisation -> organisation.id().equals(id)).findFirst();
    }

    public Map<String, Organisation> organisationsById() {
        return organisations.stream().collect(Collectors.toMap(Organisation::id, Function.identity()));
    }

    public boolean hasVoter(String id) {
        return voters.stream().anyMatch(voter -> voter.id().equals(id));
    }

    /** The sum of the criteria's weights times the scale: a member's weighted total is out of this. */
    public long maximumWeightedScore() {
        return (long) criteria.stream().mapToInt(Criterion::weight).sum() * scoreScale;
    }
}
