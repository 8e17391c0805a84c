package grants.core.secondcall;

import grants.core.calendar.FinancialYear;
import grants.core.ledger.Entry;
import grants.core.rounds.RoundHeader;

import java.util.List;

/**
 * A second call within a round's fund, as opening it answered: the round set up for the money left
 * ({@code round}, its fund starting in the first financial year not yet begun on the day it was opened),
 * what the ledger carried to it now ({@code carried}: empty when it was open already), the years whose
 * carried money is named but not offered because they had begun, and whether it was open already.
 */
public record SecondCall(RoundHeader round, List<Entry> carried, List<FinancialYear> notOffered,
                         boolean alreadyOpen) {

    public SecondCall {
        carried = List.copyOf(carried);
        notOffered = List.copyOf(notOffered);
    }

    /** The second call's id for a round: fixed, so opening it twice opens one. */
    public static String idFor(String roundId) {
        return roundId + "-second-call";
    }
}
