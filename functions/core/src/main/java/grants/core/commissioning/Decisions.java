package grants.core.commissioning;

import grants.core.money.Money;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Rules C5 to C12 applied to a whole round: conflicted scores left out, member scores, quorum,
 * moderation, the fundable threshold, and awards best to worst, fully funded, within each
 * specification's maximum. Pure: the same round gives the same outcome whatever its lists' order.
 */
public final class Decisions {

    private Decisions() {
    }

    public static RoundOutcome decide(Round round) {
        return decide(round, Map.of());
    }

    /** With the programme manager's overrides, by proposal id. */
    public static RoundOutcome decide(Round round, Map<String, ManagerDecision> overrides) {
        RoundSetup setup = round.setup();
        Priorities priorities = Priorities.count(setup, round.ballots());
        List<Specification> specifications = round.specifications().stream()
                .sorted(Comparator.comparing(Specification::id)).toList();
        List<ProposalOutcome> outcomes = new ArrayList<>();
        List<RoundOutcome.SpecificationBudget> budgets = new ArrayList<>();
        List<Contract> contracts = new ArrayList<>();
        long awarded = 0;
        // Each proposal's score sheets and moderations, found once rather than searched for each proposal.
        Map<String, List<ScoreSheet>> sheets = round.scores().stream().collect(Collectors.groupingBy(ScoreSheet::proposal));
        Map<String, List<Moderation>> moderations = round.moderations().stream()
                .collect(Collectors.groupingBy(Moderation::proposal));
        Map<String, List<Proposal>> proposals = round.proposals().stream()
                .collect(Collectors.groupingBy(Proposal::specification));
        for (Specification specification : specifications) {
            Optional<Panel> panel = round.panel(specification.id());
            List<Scored> scored = proposals.getOrDefault(specification.id(), List.of()).stream()
                    .sorted(Comparator.comparing(Proposal::id))
                    .map(proposal -> score(setup, specification, panel, proposal,
                            sheets.getOrDefault(proposal.id(), List.of()), moderations.getOrDefault(proposal.id(), List.of())))
                    .toList();
            long awardedHere = award(setup, specification, scored, overrides, outcomes);
            budgets.add(new RoundOutcome.SpecificationBudget(specification, awardedHere));
            awarded += awardedHere;
        }
        outcomes.sort(Comparator.comparing((ProposalOutcome outcome) -> outcome.proposal().specification())
                .thenComparing(outcome -> outcome.proposal().id()));
        outcomes.stream().filter(outcome -> outcome.status() == Status.AWARDED)
                .forEach(outcome -> contracts.add(Contract.of(outcome.proposal(), setup.fund())));
        contracts.sort(Comparator.comparing(Contract::id));
        return new RoundOutcome(setup, priorities, specifications, outcomes, budgets, awarded, contracts);
    }

    /** A proposal after the gateway, conflicts, quorum and moderation: everything but the award. */
    private record Scored(Proposal proposal, List<Eligibility.Failure> failures, int scorers, int conflicted,
                          Fraction mean, Fraction lowest, Fraction highest, Moderation moderation, Fraction finalScore,
                          Status status) {
    }

    private static Scored score(RoundSetup setup, Specification specification, Optional<Panel> panel, Proposal proposal,
                                List<ScoreSheet> sheets, List<Moderation> moderations) {
        List<Eligibility.Failure> failures = Eligibility.failures(setup, specification, proposal);
        List<Fraction> counted = new ArrayList<>();
        int conflicted = 0;
        for (ScoreSheet sheet : sheets) {
            Optional<Panel.Member> member = panel.flatMap(p -> p.member(sheet.member()));
            if (member.isEmpty()) {
                continue; // not of this panel: refused as bad input before the rules run
            }
            if (member.get().isConflictedOn(proposal)) {
                conflicted++;
            } else if (failures.isEmpty()) {
                counted.add(sheet.score(setup));
            }
        }
        if (!failures.isEmpty()) {
            // Rule C5: an ineligible proposal's scores are refused and counted nowhere, a conflicted member's too.
            return new Scored(proposal, failures, 0, 0, null, null, null, null, null, Status.INELIGIBLE);
        }
        if (counted.size() < setup.panelQuorum()) {
            // Rule C7: below quorum its mean and final score are empty, whatever the few scores say.
            return new Scored(proposal, failures, counted.size(), conflicted, null, null, null, null, null,
                    Status.NOT_DECIDED);
        }
        Fraction mean = mean(counted);
        Fraction lowest = counted.stream().min(Comparator.naturalOrder()).orElseThrow();
        Fraction highest = counted.stream().max(Comparator.naturalOrder()).orElseThrow();
        Moderation moderation = moderations.stream()
                .filter(m -> panel.flatMap(p -> p.member(m.by())).filter(by -> !by.isConflictedOn(proposal)).isPresent())
                .min(Comparator.comparing(Moderation::by))
                .orElse(null);
        boolean needsModeration = highest.minus(lowest).compareTo(setup.moderationSpread()) > 0;
        if (moderation == null && needsModeration) {
            return new Scored(proposal, failures, counted.size(), conflicted, mean, lowest, highest, null, null,
                    Status.NEEDS_MODERATION);
        }
        Fraction finalScore = moderation == null ? mean : moderation.score();
        Status status = finalScore.compareTo(setup.fundableThreshold()) < 0 ? Status.NOT_FUNDED_SCORE : null;
        return new Scored(proposal, failures, counted.size(), conflicted, mean, lowest, highest, moderation, finalScore,
                status);
    }

    private static Fraction mean(List<Fraction> scores) {
        Fraction sum = Fraction.ZERO;
        for (Fraction score : scores) {
            sum = sum.plus(score);
        }
        return sum.dividedBy(scores.size());
    }

    /** Rule C10 for one specification; returns what was awarded a year. */
    private static long award(RoundSetup setup, Specification specification, List<Scored> scored,
                              Map<String, ManagerDecision> overrides, List<ProposalOutcome> outcomes) {
        List<Scored> undecided = scored.stream()
                .filter(s -> s.status() == Status.NOT_DECIDED || s.status() == Status.NEEDS_MODERATION).toList();
        long left = specification.maxAnnualPence();
        if (!undecided.isEmpty()) {
            String waitingFor = String.join(", ", undecided.stream().map(s -> s.proposal().id()).toList());
            for (Scored s : scored) {
                boolean waits = s.status() != Status.INELIGIBLE && !undecided.contains(s);
                outcomes.add(outcome(setup, specification, s, waits ? Status.PENDING : s.status(), 0, 0,
                        waits ? "Nothing is awarded for this specification until every eligible proposal is decided:"
                                + " waiting for " + waitingFor + "." : reason(setup, specification, s, s.status(), 0, 0),
                        null));
            }
            return 0;
        }
        // A manager's awards take their place first; then the rules' order, best to worst, skipping declines.
        List<Scored> order = new ArrayList<>(scored.stream().filter(s -> s.finalScore() != null).toList());
        order.sort(Comparator.comparing((Scored s) -> decisionOf(overrides, s) == ManagerDecision.Decision.AWARD ? 0 : 1)
                .thenComparing(Scored::finalScore, Comparator.reverseOrder())
                .thenComparingLong(s -> s.proposal().annualPence())
                .thenComparing(s -> s.proposal().id()));
        for (Scored s : scored) {
            if (s.finalScore() == null) {
                outcomes.add(outcome(setup, specification, s, s.status(), 0, 0, reason(setup, specification, s,
                        s.status(), 0, 0), null));
            }
        }
        // What the rules alone would award here: an override is told against it (agreeing or not, displacing whom).
        java.util.Set<String> recommended = overrides.isEmpty() ? java.util.Set.of() : rulesAwards(scored, specification);
        List<ProposalOutcome> decided = new ArrayList<>();
        for (Scored s : order) {
            ManagerDecision override = overrides.get(s.proposal().id());
            ManagerDecision.Decision decision = override == null ? null : override.decision();
            boolean fundable = s.status() == null;
            long annual = s.proposal().annualPence();
            Status status;
            if (decision == ManagerDecision.Decision.DECLINE) {
                status = Status.DECLINED;
            } else if ((fundable || decision == ManagerDecision.Decision.AWARD) && annual <= left) {
                status = Status.AWARDED;
            } else {
                status = fundable ? Status.NOT_FUNDED_NO_BUDGET : s.status();
            }
            String reason = reason(setup, specification, s, status, annual, left);
            if (override != null) {
                reason = overrideReason(override, recommended.contains(s.proposal().id()), reason);
            }
            if (status == Status.AWARDED) {
                left -= annual;
                decided.add(outcome(setup, specification, s, status, annual, annual * setup.fund().years(), reason,
                        override));
            } else {
                decided.add(outcome(setup, specification, s, status, 0, 0, reason, override));
            }
        }
        outcomes.addAll(displaced(decided, recommended, overrides));
        return specification.maxAnnualPence() - left;
    }

    /** The proposals the rules alone award in this specification (no manager's decision), by id. */
    private static java.util.Set<String> rulesAwards(List<Scored> scored, Specification specification) {
        long left = specification.maxAnnualPence();
        java.util.Set<String> awarded = new java.util.HashSet<>();
        List<Scored> order = scored.stream().filter(s -> s.status() == null)
                .sorted(Comparator.comparing(Scored::finalScore, Comparator.reverseOrder())
                        .thenComparingLong(s -> s.proposal().annualPence()).thenComparing(s -> s.proposal().id()))
                .toList();
        for (Scored s : order) {
            if (s.proposal().annualPence() <= left) {
                left -= s.proposal().annualPence();
                awarded.add(s.proposal().id());
            }
        }
        return awarded;
    }

    /** An override's sentence: against the rules' recommendation only when it is. */
    private static String overrideReason(ManagerDecision override, boolean rulesAward, String rulesReason) {
        boolean award = override.decision() == ManagerDecision.Decision.AWARD;
        if (award && rulesAward) {
            return rulesReason + " The programme manager also decided to award it, as the rules recommend: "
                    + override.reason();
        }
        if (award) {
            return "Awarded in full: the programme manager decided to award it against the rules' recommendation: "
                    + override.reason();
        }
        if (!rulesAward) {
            return "Declined by the programme manager, as the rules recommend (they would not fund it either): "
                    + override.reason();
        }
        return "Declined: the programme manager decided not to fund it against the rules' recommendation: "
                + override.reason();
    }

    /**
     * A proposal the rules would have awarded but that is not funded because the manager awarded
     * others instead is told so, with the manager's reasons.
     */
    private static List<ProposalOutcome> displaced(List<ProposalOutcome> decided, java.util.Set<String> recommended,
                                                   Map<String, ManagerDecision> overrides) {
        List<ProposalOutcome> insteads = decided.stream().filter(o -> o.status() == Status.AWARDED && o.override() != null
                && o.override().decision() == ManagerDecision.Decision.AWARD
                && !recommended.contains(o.proposal().id())).toList();
        if (insteads.isEmpty()) {
            return decided;
        }
        String instead = String.join("; ", insteads.stream().map(o -> o.proposal().id() + " (" + o.proposal().title()
                + ") instead, for this reason: " + o.override().reason()).toList());
        return decided.stream().map(o -> o.status() == Status.NOT_FUNDED_NO_BUDGET && recommended.contains(o.proposal().id())
                ? new ProposalOutcome(o.proposal(), o.failures(), o.scorers(), o.conflictedExcluded(), o.meanScore(),
                o.finalScore(), o.moderation(), o.status(), 0, 0, "Not funded: the panel's decision to fund " + instead
                + (instead.endsWith(".") ? "" : "."), o.override()) : o).toList();
    }

    private static ManagerDecision.Decision decisionOf(Map<String, ManagerDecision> overrides, Scored scored) {
        ManagerDecision override = overrides.get(scored.proposal().id());
        return override == null ? null : override.decision();
    }

    private static ProposalOutcome outcome(RoundSetup setup, Specification specification, Scored s, Status status,
                                           long annual, long total, String reason, ManagerDecision override) {
        return new ProposalOutcome(s.proposal(), s.failures(), s.scorers(), s.conflicted(), s.mean(), s.finalScore(),
                s.moderation(), status, annual, total, reason, override);
    }

    private static String reason(RoundSetup setup, Specification specification, Scored s, Status status, long annual,
                                 long left) {
        String threshold = setup.fundableThreshold().format();
        return switch (status) {
            case AWARDED -> "Awarded in full: its final score of " + s.finalScore().format() + " is at least the "
                    + threshold + " needed, and its " + Money.pounds(annual) + " a year fitted in the "
                    + Money.pounds(left) + " left of the specification's maximum of "
                    + Money.pounds(specification.maxAnnualPence()) + ".";
            case NOT_FUNDED_NO_BUDGET -> "Not funded: its final score of " + s.finalScore().format()
                    + " is fundable, but its " + Money.pounds(s.proposal().annualPence()) + " a year did not fit in the "
                    + Money.pounds(left) + " left of the specification's maximum after higher-scoring proposals.";
            case NOT_FUNDED_SCORE -> "Not funded: its final score of " + s.finalScore().format()
                    + " is below the " + threshold + " needed.";
            case INELIGIBLE -> "Not eligible, so not scored: " + String.join("; ",
                    s.failures().stream().map(Eligibility.Failure::why).toList()) + ".";
            case NOT_DECIDED -> "Not decided: scored by " + s.scorers() + " panel member" + (s.scorers() == 1 ? "" : "s")
                    + " without a conflict of interest, and " + setup.panelQuorum() + " are needed.";
            case NEEDS_MODERATION -> "Needs moderation: the panel's scores range from " + s.lowest().format() + " to "
                    + s.highest().format() + ", more than the " + setup.moderationSpread().format()
                    + " allowed, so the panel must agree a moderated score.";
            case PENDING -> "Waiting for the other proposals for this specification to be decided.";
            case DECLINED -> "Declined by the programme manager.";
        };
    }
}
