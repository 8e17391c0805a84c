package grants.core.reporting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * P8: what a board meeting reads: the cards of the quarter it reviews as they stood at the end of the
 * day before it, first those still awaiting their owner (so they can be chased), then the exceptions,
 * then the rest, with a count of indicators by status for its first page. This is the narrow type a
 * governance package reads: cards and exceptions, nothing of how they are stored.
 */
public record BoardPack(String registerId, Meeting meeting, Map<Status, Integer> countByStatus,
                        List<ReportCard> awaitingOwner, List<ReportCard> exceptions, List<ReportCard> rest) {

    public BoardPack {
        Map<Status, Integer> inStatusOrder = new EnumMap<>(Status.class);
        inStatusOrder.putAll(countByStatus);
        countByStatus = java.util.Collections.unmodifiableMap(inStatusOrder);
        awaitingOwner = List.copyOf(awaitingOwner);
        exceptions = List.copyOf(exceptions);
        rest = List.copyOf(rest);
    }

    /** Every card, in the pack's order. */
    public List<ReportCard> cards() {
        List<ReportCard> all = new ArrayList<>(awaitingOwner);
        all.addAll(exceptions);
        all.addAll(rest);
        return all;
    }

    /** Orders and groups the cards of a meeting's quarter. */
    public static BoardPack of(Register register, Meeting meeting, List<ReportCard> cards) {
        Comparator<ReportCard> byThemeThenReference = Comparator
                .comparingInt((ReportCard card) -> register.themeRank(card.theme()))
                .thenComparing(ReportCard::reference, NaturalOrder.INSTANCE);
        List<ReportCard> awaiting = cards.stream().filter(c -> c.readiness() == ReportCard.Readiness.AWAITING_OWNER)
                .sorted(Comparator.comparing((ReportCard c) -> c.owner().name()).thenComparing(byThemeThenReference))
                .toList();
        List<ReportCard> ready = cards.stream().filter(c -> c.readiness() == ReportCard.Readiness.READY)
                .sorted(byThemeThenReference).toList();
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        cards.forEach(card -> counts.merge(card.status(), 1, Integer::sum));
        return new BoardPack(register.registerId(), meeting, counts, awaiting,
                ready.stream().filter(ReportCard::isException).toList(),
                ready.stream().filter(card -> !card.isException()).toList());
    }
}
