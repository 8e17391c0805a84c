package grants.core.commissioning;

import grants.core.errors.Problem;
import grants.core.money.Money;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The bad input of a round, each problem named by its field: what no round may hold, whether it
 * arrives whole for replay or stage by stage through the API (each stage checks its own part with
 * the same methods). What is only a proposal's failure at the gateway (C4) is not here.
 */
public final class RoundValidator {

    private RoundValidator() {
    }

    /** Every problem of a whole round document. */
    public static List<Problem> problems(Round round) {
        RoundSetup setup = round.setup();
        List<Problem> problems = new ArrayList<>(setupProblems(setup));
        Set<String> voters = new HashSet<>();
        for (int i = 0; i < round.ballots().size(); i++) {
            Ballot ballot = round.ballots().get(i);
            String path = "ballots[" + i + "]";
            problems.addAll(ballotProblems(setup, ballot, path));
            if (!voters.add(ballot.voter())) {
                problems.add(new Problem(path + ".voter", "\"" + ballot.voter() + "\" has already cast a ballot: one ballot per voter"));
            }
        }
        List<String> selected = Priorities.count(setup, round.ballots()).selected();
        problems.addAll(specificationProblems(setup, selected, round.specifications(), true));
        for (int i = 0; i < round.proposals().size(); i++) {
            problems.addAll(proposalReferences(setup, round.specifications(), round.proposals().get(i), "proposals[" + i + "]"));
        }
        Set<String> proposalIds = new HashSet<>();
        for (int i = 0; i < round.proposals().size(); i++) {
            if (!proposalIds.add(round.proposals().get(i).id())) {
                problems.add(new Problem("proposals[" + i + "].id", "\"" + round.proposals().get(i).id() + "\" is used twice"));
            }
        }
        problems.addAll(panelProblems(round));
        Set<String> scored = new HashSet<>();
        for (int i = 0; i < round.scores().size(); i++) {
            ScoreSheet sheet = round.scores().get(i);
            String path = "scores[" + i + "]";
            problems.addAll(scoreProblems(round, sheet, path));
            if (!scored.add(sheet.member() + "\u0000" + sheet.proposal())) {
                problems.add(new Problem(path, "member \"" + sheet.member() + "\" has already scored proposal \""
                        + sheet.proposal() + "\": one score per member and proposal"));
            }
        }
        Set<String> moderated = new HashSet<>();
        for (int i = 0; i < round.moderations().size(); i++) {
            Moderation moderation = round.moderations().get(i);
            problems.addAll(moderationProblems(round, moderation, "moderations[" + i + "]"));
            if (!byConflictedMember(round, moderation) && !moderated.add(moderation.proposal())) {
                problems.add(new Problem("moderations[" + i + "].proposal", "\"" + moderation.proposal()
                        + "\" already has a moderation record"));
            }
        }
        return problems;
    }

    /**
     * Rule C5: a moderation by a member conflicted on its proposal is refused when replayed and counted
     * nowhere, so it is no second moderation record; only two by members who are not conflicted are bad input.
     */
    private static boolean byConflictedMember(Round round, Moderation moderation) {
        return round.proposal(moderation.proposal())
                .flatMap(proposal -> round.panel(proposal.specification()).flatMap(panel -> panel.member(moderation.by()))
                        .map(member -> member.isConflictedOn(proposal)))
                .orElse(false);
    }

    public static List<Problem> setupProblems(RoundSetup setup) {
        List<Problem> problems = new ArrayList<>();
        if (setup.fund().annualPence() <= 0) {
            problems.add(new Problem("fund.annualAmount", "must be more than zero"));
        }
        if (setup.fund().years() < 1 || setup.fund().years() > 10) {
            problems.add(new Problem("fund.years", "must be from 1 to 10, got " + setup.fund().years()));
        }
        if (!Fund.isFinancialYear(setup.fund().firstYear())) {
            problems.add(new Problem("fund.firstYear", "must be a financial year such as \"2002-03\", got \""
                    + setup.fund().firstYear() + "\""));
        }
        if (setup.priorityCount() < 1 || setup.priorityCount() > setup.issues().size()) {
            problems.add(new Problem("priorityCount", "must be from 1 to the number of issues (" + setup.issues().size()
                    + "), got " + setup.priorityCount()));
        }
        if (setup.dotsPerVoter() < 1 || setup.dotsPerVoter() > setup.issues().size()) {
            problems.add(new Problem("dotsPerVoter", "must be from 1 to the number of issues, got " + setup.dotsPerVoter()));
        }
        if (setup.criteria().isEmpty()) {
            problems.add(new Problem("criteria", "must list at least one criterion"));
        }
        for (int i = 0; i < setup.criteria().size(); i++) {
            if (setup.criteria().get(i).weight() < 1 || setup.criteria().get(i).weight() > 100) {
                problems.add(new Problem("criteria[" + i + "].weight", "must be a whole number from 1 to 100"));
            }
        }
        if (setup.scoreScale() < 1 || setup.scoreScale() > 100) {
            problems.add(new Problem("scoreScale", "must be a whole number from 1 to 100, got " + setup.scoreScale()));
        }
        if (!setup.fundableThreshold().isBetweenZeroAndOne()) {
            problems.add(new Problem("fundableThreshold", "must be a fraction from 0 to 1, such as \"0.60\""));
        }
        if (!setup.moderationSpread().isBetweenZeroAndOne()) {
            problems.add(new Problem("moderationSpread", "must be a fraction from 0 to 1, such as \"0.30\""));
        }
        if (setup.panelQuorum() < 1 || setup.panelQuorum() > 50) {
            problems.add(new Problem("panelQuorum", "must be from 1 to 50, got " + setup.panelQuorum()));
        }
        duplicates(problems, "issues", setup.issues().stream().map(RoundSetup.Issue::id).toList());
        problems.addAll(surveyRankProblems(setup.issues()));
        duplicates(problems, "voters", setup.voters().stream().map(RoundSetup.Voter::id).toList());
        duplicates(problems, "organisations", setup.organisations().stream().map(RoundSetup.Organisation::id).toList());
        duplicates(problems, "criteria", setup.criteria().stream().map(RoundSetup.Criterion::id).toList());
        duplicates(problems, "crossCuttingThemes", setup.crossCuttingThemes().stream().map(RoundSetup.Theme::id).toList());
        return problems;
    }

    /**
     * Rule C2 breaks a tie at the cut-off on the residents' survey, so no two issues may share a
     * survey rank: with equal ranks the survey could not break their tie.
     */
    private static List<Problem> surveyRankProblems(List<RoundSetup.Issue> issues) {
        List<Problem> problems = new ArrayList<>();
        Map<Integer, String> firstWithRank = new HashMap<>();
        for (int i = 0; i < issues.size(); i++) {
            RoundSetup.Issue issue = issues.get(i);
            String field = "issues[" + i + "].surveyRank";
            if (issue.surveyRank() < 1) {
                problems.add(new Problem(field, "must be 1 or more (1 = what residents rated most important), got "
                        + issue.surveyRank()));
                continue;
            }
            String earlier = firstWithRank.putIfAbsent(issue.surveyRank(), issue.id());
            if (earlier != null) {
                problems.add(new Problem(field, "survey rank " + issue.surveyRank() + " is also \"" + earlier
                        + "\"'s: each issue needs a rank of its own, so that the residents' survey can break a tie"));
            }
        }
        return problems;
    }

    private static void duplicates(List<Problem> problems, String list, List<String> ids) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!seen.add(ids.get(i))) {
                problems.add(new Problem(list + "[" + i + "].id", "\"" + ids.get(i) + "\" is used twice"));
            }
        }
    }

    /** Rule C1 for one ballot. */
    public static List<Problem> ballotProblems(RoundSetup setup, Ballot ballot, String path) {
        List<Problem> problems = new ArrayList<>();
        if (!setup.hasVoter(ballot.voter())) {
            problems.add(new Problem(path + ".voter", "\"" + ballot.voter() + "\" is not a member of the Strategic Board"));
        }
        if (ballot.dots().size() > setup.dotsPerVoter()) {
            problems.add(new Problem(path + ".dots", "has " + ballot.dots().size() + " dots; each voter has "
                    + setup.dotsPerVoter()));
        }
        Set<String> seen = new HashSet<>();
        for (int d = 0; d < ballot.dots().size(); d++) {
            String issue = ballot.dots().get(d);
            if (setup.issue(issue).isEmpty()) {
                problems.add(new Problem(path + ".dots[" + d + "]", "\"" + issue + "\" is not an issue of the round"));
            } else if (!seen.add(issue)) {
                problems.add(new Problem(path + ".dots[" + d + "]", "is a second dot on \"" + issue
                        + "\": each dot goes on a different issue"));
            }
        }
        return problems;
    }

    /**
     * Rule C3. With {@code complete}, every selected issue must have its specification (a whole
     * round, or publishing); without, only those written so far are checked.
     */
    public static List<Problem> specificationProblems(RoundSetup setup, List<String> selected,
                                                      List<Specification> specifications, boolean complete) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> byIssue = new HashMap<>();
        Set<String> ids = new HashSet<>();
        long total = 0;
        for (int i = 0; i < specifications.size(); i++) {
            Specification specification = specifications.get(i);
            String path = "specifications[" + i + "]";
            if (!ids.add(specification.id())) {
                problems.add(new Problem(path + ".id", "\"" + specification.id() + "\" is used twice"));
            }
            if (!selected.contains(specification.issue())) {
                problems.add(new Problem(path + ".issue", "\"" + specification.issue() + "\" was not selected as a priority"
                        + " (selected: " + String.join(", ", selected) + ")"));
            } else if (byIssue.put(specification.issue(), i) != null) {
                problems.add(new Problem(path + ".issue", "\"" + specification.issue() + "\" already has a specification"));
            }
            if (specification.indicators().isEmpty()) {
                problems.add(new Problem(path + ".indicators", "must list at least one indicator from the strategic plan"));
            }
            if (specification.maxAnnualPence() <= 0) {
                problems.add(new Problem(path + ".maxAnnualAllocation", "must be more than zero"));
            }
            total += specification.maxAnnualPence();
        }
        if (total > setup.fund().annualPence()) {
            problems.add(new Problem("specifications", "maximum annual allocations add up to " + Money.format(total)
                    + ", over the fund's " + Money.format(setup.fund().annualPence()) + " a year"));
        }
        if (complete) {
            for (String issue : selected) {
                if (!byIssue.containsKey(issue)) {
                    problems.add(new Problem("specifications", "the selected priority \"" + issue + "\" has no specification"));
                }
            }
        }
        return problems;
    }

    /** A proposal's references: its specification and every organisation it names. */
    public static List<Problem> proposalReferences(RoundSetup setup, List<Specification> specifications, Proposal proposal,
                                                   String path) {
        List<Problem> problems = new ArrayList<>();
        if (specifications.stream().noneMatch(specification -> specification.id().equals(proposal.specification()))) {
            problems.add(new Problem(path + ".specification", "\"" + proposal.specification() + "\" is not a specification of the round"));
        }
        if (setup.organisation(proposal.lead()).isEmpty()) {
            problems.add(new Problem(path + ".lead", "\"" + proposal.lead() + "\" is not an organisation of the round"));
        }
        for (int p = 0; p < proposal.partners().size(); p++) {
            if (setup.organisation(proposal.partners().get(p)).isEmpty()) {
                problems.add(new Problem(path + ".partners[" + p + "]", "\"" + proposal.partners().get(p)
                        + "\" is not an organisation of the round"));
            }
        }
        if (proposal.sponsor() != null && setup.organisation(proposal.sponsor().organisation()).isEmpty()) {
            problems.add(new Problem(path + ".sponsor.organisation", "\"" + proposal.sponsor().organisation()
                    + "\" is not an organisation of the round"));
        }
        for (String theme : proposal.crossCutting().keySet()) {
            if (setup.crossCuttingThemes().stream().noneMatch(t -> t.id().equals(theme))) {
                problems.add(new Problem(path + ".crossCutting." + theme, "is not a cross-cutting theme of the round"));
            }
        }
        return problems;
    }

    private static List<Problem> panelProblems(Round round) {
        List<Problem> problems = new ArrayList<>();
        Set<String> members = new HashSet<>();
        Set<String> specifications = new HashSet<>();
        for (int i = 0; i < round.panels().size(); i++) {
            Panel panel = round.panels().get(i);
            String path = "panels[" + i + "]";
            if (round.specification(panel.specification()).isEmpty()) {
                problems.add(new Problem(path + ".specification", "\"" + panel.specification() + "\" is not a specification of the round"));
            } else if (!specifications.add(panel.specification())) {
                problems.add(new Problem(path + ".specification", "\"" + panel.specification() + "\" already has a panel"));
            }
            for (int m = 0; m < panel.members().size(); m++) {
                Panel.Member member = panel.members().get(m);
                String memberPath = path + ".members[" + m + "]";
                if (!members.add(member.id())) {
                    problems.add(new Problem(memberPath + ".id", "\"" + member.id() + "\" is on a panel already"));
                }
                if (round.setup().organisation(member.organisation()).isEmpty()) {
                    problems.add(new Problem(memberPath + ".organisation", "\"" + member.organisation()
                            + "\" is not an organisation of the round"));
                }
                for (int k = 0; k < member.interests().size(); k++) {
                    if (round.proposal(member.interests().get(k)).isEmpty()) {
                        problems.add(new Problem(memberPath + ".interests[" + k + "]", "\"" + member.interests().get(k)
                                + "\" is not a proposal of the round"));
                    }
                }
            }
        }
        return problems;
    }

    /** A score sheet: a proposal and a member of its specification's panel, every criterion once, within the scale. */
    public static List<Problem> scoreProblems(Round round, ScoreSheet sheet, String path) {
        List<Problem> problems = new ArrayList<>(onItsPanel(round, sheet.proposal(), sheet.member(), path, ".member"));
        problems.addAll(criteriaProblems(round.setup(), sheet.criteria(), path + ".criteria"));
        return problems;
    }

    public static List<Problem> criteriaProblems(RoundSetup setup, Map<String, Integer> criteria, String path) {
        List<Problem> problems = new ArrayList<>();
        for (RoundSetup.Criterion criterion : setup.criteria()) {
            Integer value = criteria.get(criterion.id());
            if (value == null) {
                problems.add(new Problem(path + "." + criterion.id(), "is required: every criterion is scored"));
            } else if (value < 0 || value > setup.scoreScale()) {
                problems.add(new Problem(path + "." + criterion.id(), "must be a whole number from 0 to "
                        + setup.scoreScale() + ", got " + value));
            }
        }
        for (String id : criteria.keySet()) {
            if (setup.criteria().stream().noneMatch(criterion -> criterion.id().equals(id))) {
                problems.add(new Problem(path + "." + id, "is not a criterion of the round"));
            }
        }
        return problems;
    }

    public static List<Problem> moderationProblems(Round round, Moderation moderation, String path) {
        List<Problem> problems = new ArrayList<>(onItsPanel(round, moderation.proposal(), moderation.by(), path, ".by"));
        if (moderation.score() != null && !moderation.score().isBetweenZeroAndOne()) {
            problems.add(new Problem(path + ".score", "must be from 0 to 1, got " + moderation.score().format()));
        }
        return problems;
    }

    /** A score's or moderation's proposal exists and its member ({@code memberField}) sits on that proposal's panel. */
    private static List<Problem> onItsPanel(Round round, String proposalId, String memberId, String path, String memberField) {
        Optional<Proposal> proposal = round.proposal(proposalId);
        if (proposal.isEmpty()) {
            return List.of(new Problem(path + ".proposal", "\"" + proposalId + "\" is not a proposal of the round"));
        }
        if (round.panel(proposal.get().specification()).flatMap(panel -> panel.member(memberId)).isEmpty()) {
            return List.of(new Problem(path + memberField, "\"" + memberId + "\" is not a member of the panel for "
                    + proposal.get().specification()));
        }
        return List.of();
    }
}
