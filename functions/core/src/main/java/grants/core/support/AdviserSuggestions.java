package grants.core.support;

import grants.core.money.Days;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * "Deploy specific skills where they are most needed": the advisers whose specialisms match a
 * partnership's weakest domains and who still have contracted days, best match first (the weakest
 * domain matched, then more days left, then name). Only suggestions: whoever books may choose another.
 */
public final class AdviserSuggestions {

    private static final List<String> ORDINALS = List.of("your weakest domain", "your second weakest domain",
            "your third weakest domain");

    private final SupportService support;
    private final PartnershipNeeds needs;

    public AdviserSuggestions(SupportService support, PartnershipNeeds needs) {
        this.support = support;
        this.needs = needs;
    }

    public List<Suggestion> forPartnership(String programmeId, String partnershipId) {
        List<PartnershipNeeds.Need> weakest = needs.weakestFirst(programmeId, partnershipId).stream()
                .limit(ORDINALS.size()).toList();
        Map<String, Integer> remaining = support.balances(programmeId).stream().filter(line -> line.kind().equals("ADVISER"))
                .collect(Collectors.toMap(BalanceLine::id, BalanceLine::remainingHalfDays, (a, b) -> a));
        List<Ranked> ranked = new ArrayList<>();
        for (Adviser adviser : support.advisers(programmeId)) {
            int left = remaining.getOrDefault(adviser.id(), adviser.contractedHalfDays());
            if (left <= 0) {
                continue;
            }
            firstMatch(weakest, adviser).ifPresent(rank -> ranked.add(new Ranked(rank, adviser, left)));
        }
        return ranked.stream().sorted(Comparator.comparingInt(Ranked::rank)
                        .thenComparing(Ranked::left, Comparator.reverseOrder())
                        .thenComparing(r -> r.adviser().name()))
                .map(r -> suggestion(weakest.get(r.rank()), r)).toList();
    }

    private static Optional<Integer> firstMatch(List<PartnershipNeeds.Need> weakest, Adviser adviser) {
        for (int rank = 0; rank < weakest.size(); rank++) {
            if (weakest.get(rank).specialisms().stream().anyMatch(adviser.specialisms()::contains)) {
                return Optional.of(rank);
            }
        }
        return Optional.empty();
    }

    private static Suggestion suggestion(PartnershipNeeds.Need need, Ranked ranked) {
        String days = Days.format(ranked.left());
        String reason = "Matches " + need.domain() + ", " + ORDINALS.get(ranked.rank()) + " (score " + need.scoreWords()
                + " of 4); " + (days.endsWith(".0") ? days.substring(0, days.length() - 2) : days)
                + (ranked.left() == 2 ? " day left" : " days left");
        return new Suggestion(ranked.adviser(), need.domain(), reason, ranked.left());
    }

    private record Ranked(int rank, Adviser adviser, int left) {
    }
}
