package grants.core.commissioning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** Rounds of every shape from a seed: for the property tests, all valid input (no refusals). */
final class RandomRounds {

    private RandomRounds() {
    }

    static Round generate(long seed) {
        Random random = new Random(seed);
        int issueCount = 2 + random.nextInt(8);
        List<Integer> surveyRanks = new ArrayList<>(); // every issue its own rank, as set-up requires
        for (int i = 0; i < issueCount; i++) {
            surveyRanks.add(i + 1);
        }
        Collections.shuffle(surveyRanks, random);
        List<RoundSetup.Issue> issues = new ArrayList<>();
        for (int i = 0; i < issueCount; i++) {
            issues.add(new RoundSetup.Issue("issue-" + i, "Issue " + i, "Outcome " + i, surveyRanks.get(i)));
        }
        List<RoundSetup.Organisation> organisations = new ArrayList<>();
        int organisationCount = 3 + random.nextInt(6);
        for (int o = 0; o < organisationCount; o++) {
            organisations.add(new RoundSetup.Organisation("org-" + o, "Organisation " + o,
                    Sector.values()[random.nextInt(4)], "org" + o + "@example.org"));
        }
        List<RoundSetup.Voter> voters = new ArrayList<>();
        int voterCount = 1 + random.nextInt(12);
        for (int v = 0; v < voterCount; v++) {
            voters.add(new RoundSetup.Voter("voter-" + v, "Voter " + v, Sector.PUBLIC));
        }
        int dotsPerVoter = 1 + random.nextInt(Math.min(3, issueCount));
        int priorityCount = 1 + random.nextInt(issueCount);
        List<RoundSetup.Criterion> criteria = List.of(new RoundSetup.Criterion("a", "A", 1 + random.nextInt(3)),
                new RoundSetup.Criterion("b", "B", 1 + random.nextInt(3)));
        int scale = 1 + random.nextInt(5);
        long fund = 100_000 + random.nextInt(10_000_000);
        RoundSetup setup = new RoundSetup("round-" + Math.abs(seed % 1000), "Round", new Fund(fund, 1 + random.nextInt(3),
                "2002-03"), null, priorityCount, dotsPerVoter, List.of(new RoundSetup.Theme("health", "Health")),
                criteria, scale, Fraction.of(random.nextInt(11), 10), Fraction.of(random.nextInt(6), 10),
                1 + random.nextInt(3), issues, voters, organisations, List.of());
        List<Ballot> ballots = new ArrayList<>();
        for (RoundSetup.Voter voter : voters) {
            List<String> choice = new ArrayList<>(issues.stream().map(RoundSetup.Issue::id).toList());
            Collections.shuffle(choice, random);
            ballots.add(new Ballot(voter.id(), choice.subList(0, random.nextInt(dotsPerVoter + 1))));
        }
        List<String> selected = Priorities.count(setup, ballots).selected();
        List<Specification> specifications = new ArrayList<>();
        long share = fund / selected.size();
        for (String issue : selected) {
            specifications.add(new Specification("spec-" + issue, issue, "Outcome", List.of("Indicator"),
                    1 + random.nextLong(share), "sub-group"));
        }
        List<Proposal> proposals = new ArrayList<>();
        List<Panel> panels = new ArrayList<>();
        List<ScoreSheet> scores = new ArrayList<>();
        List<Moderation> moderations = new ArrayList<>();
        int p = 0;
        for (Specification specification : specifications) {
            List<Proposal> here = new ArrayList<>();
            for (int n = random.nextInt(5); n > 0; n--) {
                String lead = organisations.get(random.nextInt(organisationCount)).id();
                String partner = organisations.get(random.nextInt(organisationCount)).id();
                String sponsor = organisations.get(random.nextInt(organisationCount)).id();
                Proposal proposal = new Proposal("proposal-" + p++, specification.id(), "Proposal", lead, List.of(partner),
                        1 + random.nextLong(specification.maxAnnualPence() + specification.maxAnnualPence() / 4 + 1),
                        "Evaluated", new Proposal.Sponsor(sponsor, "Will consider"), random.nextInt(10) > 0, 1,
                        random.nextInt(10) > 0 ? Map.of("health", "Healthier") : Map.of(),
                        List.of(new Proposal.Milestone("2002-09-30", "Start")), List.of(new Proposal.Output("People", 10)));
                here.add(proposal);
            }
            proposals.addAll(here);
            List<Panel.Member> members = new ArrayList<>();
            for (int m = random.nextInt(5); m > 0; m--) {
                List<String> interests = here.isEmpty() || random.nextInt(4) > 0 ? List.of()
                        : List.of(here.get(random.nextInt(here.size())).id());
                members.add(new Panel.Member(specification.id() + "-member-" + m, "Member",
                        organisations.get(random.nextInt(organisationCount)).id(), interests));
            }
            panels.add(new Panel(specification.id(), members));
            for (Proposal proposal : here) {
                for (Panel.Member member : members) {
                    if (random.nextInt(5) > 0) {
                        Map<String, Integer> sheet = new TreeMap<>();
                        criteria.forEach(criterion -> sheet.put(criterion.id(), random.nextInt(scale + 1)));
                        scores.add(new ScoreSheet(member.id(), proposal.id(), sheet));
                    }
                }
                if (!members.isEmpty() && random.nextBoolean()) {
                    moderations.add(new Moderation(proposal.id(), Fraction.of(random.nextInt(10_001), 10_000),
                            members.get(random.nextInt(members.size())).id(), "Agreed"));
                }
            }
        }
        return new Round(setup, ballots, specifications, proposals, panels, scores, moderations);
    }

    /** The same round with every list in a different order. */
    static Round shuffled(Round round, long seed) {
        Random random = new Random(seed);
        RoundSetup s = round.setup();
        RoundSetup setup = new RoundSetup(s.roundId(), s.name(), s.fund(), s.eurRate(), s.priorityCount(), s.dotsPerVoter(),
                shuffle(s.crossCuttingThemes(), random), shuffle(s.criteria(), random), s.scoreScale(),
                s.fundableThreshold(), s.moderationSpread(), s.panelQuorum(), shuffle(s.issues(), random),
                shuffle(s.voters(), random), shuffle(s.organisations(), random), shuffle(s.mailingList(), random));
        List<Panel> panels = round.panels().stream()
                .map(panel -> new Panel(panel.specification(), shuffle(panel.members(), random))).toList();
        List<Ballot> ballots = round.ballots().stream()
                .map(ballot -> new Ballot(ballot.voter(), shuffle(ballot.dots(), random))).toList();
        return new Round(setup, shuffle(ballots, random), shuffle(round.specifications(), random),
                shuffle(round.proposals(), random), shuffle(panels, random), shuffle(round.scores(), random),
                shuffle(round.moderations(), random));
    }

    private static <T> List<T> shuffle(List<T> list, Random random) {
        List<T> copy = new ArrayList<>(list);
        Collections.shuffle(copy, random);
        return copy;
    }
}
