package grants.core.secondcall;

import grants.core.calendar.FinancialYear;
import grants.core.commissioning.Fund;
import grants.core.money.Money;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What opening a round's second call now would do, changing nothing: the second call's id and name, its fund
 * (the one it would be set up with, or has: empty when there is nothing to carry and none is open), the money
 * left that would be carried to it by year (each year's whole remaining; a year already begun is carried, not
 * offered), and whether it is open already; or, while some of the round's specifications wait for their decisions
 * (rule C10), which: nothing is carried then (their money is neither awarded nor released yet).
 */
public record SecondCallPreview(String firstRoundId, String roundId, String name, Optional<Fund> fund,
                                List<Carried> carried, List<FinancialYear> notOffered, boolean alreadyOpen,
                                List<String> waiting) {

    /** One year's money left, as opening would carry it. */
    public record Carried(FinancialYear year, long pence) {
    }

    /** What opening now would do. */
    public enum Status {
        /** Opening would carry the money left to the second call (and set it up, if it is not open yet). */
        READY,
        /** The second call is open and nothing is left to carry: opening changes nothing. */
        ALREADY_OPEN,
        /** No second call, and nothing unawarded in a financial year not yet begun. */
        NOTHING_UNAWARDED,
        /** Some specifications wait for their decisions (rule C10): nothing can be carried until they are published. */
        SPECIFICATIONS_WAITING
    }

    public SecondCallPreview {
        carried = List.copyOf(carried);
        notOffered = List.copyOf(notOffered);
        waiting = List.copyOf(waiting);
    }

    public Status status() {
        if (!waiting.isEmpty()) {
            return Status.SPECIFICATIONS_WAITING;
        }
        if (!carried.isEmpty() && fund.isPresent()) {
            return Status.READY;
        }
        return alreadyOpen ? Status.ALREADY_OPEN : Status.NOTHING_UNAWARDED;
    }

    public long carriedPence() {
        return carried.stream().mapToLong(Carried::pence).sum();
    }

    /** The fund's financial years, in order. */
    public List<FinancialYear> years() {
        List<FinancialYear> years = new ArrayList<>();
        fund.ifPresent(it -> {
            FinancialYear year = FinancialYear.parse(it.firstYear()).orElseThrow();
            for (int i = 0; i < it.years(); i++, year = year.next()) {
                years.add(year);
            }
        });
        return years;
    }

    /** The fund in words: "£1,150,000.00 a year for 2003-04 and 2004-05" (empty when there is none). */
    public String fundInWords() {
        return fund.map(it -> Money.pounds(it.annualPence()) + " a year for " + inList(years())).orElse("");
    }

    /** "2002-03", "2002-03 and 2003-04", "2002-03, 2003-04 and 2004-05". */
    static String inList(List<?> items) {
        List<String> words = items.stream().map(String::valueOf).toList();
        if (words.size() < 2) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }
}
