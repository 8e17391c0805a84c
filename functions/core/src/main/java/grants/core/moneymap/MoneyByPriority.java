package grants.core.moneymap;

import grants.core.calendar.FinancialYear;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a round's committed money goes ("a financial mapping review ... to ensure resources are directed
 * equitably across key priorities"): each priority's contracts by financial year, and its share of all
 * that is committed as an exact fraction; what is left unawarded of the fund; and, if a register is named,
 * each theme's money as far as the register's indicators name the round's contracts.
 */
public record MoneyByPriority(String roundId, String roundName, List<FinancialYear> years, List<Priority> priorities,
                              Map<FinancialYear, Long> committedByYear, long committedPence, long fundPence,
                              long unawardedPence, Share unawardedOfTheFund, Themes themes) {

    public MoneyByPriority {
        years = List.copyOf(years);
        priorities = List.copyOf(priorities);
        committedByYear = Collections.unmodifiableSortedMap(new TreeMap<>(committedByYear));
    }

    /** One selected priority (an issue the board chose) and the money its specifications' contracts commit. */
    public record Priority(String issueId, String title, List<String> contracts, Map<FinancialYear, Long> byYear,
                           long totalPence, Share share) {

        public Priority {
            contracts = List.copyOf(contracts);
            byYear = Collections.unmodifiableSortedMap(new TreeMap<>(byYear));
        }
    }

    /** The themes of the register named, and what its links do not reach, said plainly. */
    public record Themes(String registerId, List<Theme> themes, List<String> contractsInNoTheme,
                         long inNoThemePence, String note) {

        public Themes {
            themes = List.copyOf(themes);
            contractsInNoTheme = List.copyOf(contractsInNoTheme);
        }

        /** No register named: no themes mapped. */
        static Themes none() {
            return new Themes(null, List.of(), List.of(), 0, "No register was named: name one (?register=) to map"
                    + " the round's contracts to its themes.");
        }
    }

    /** One theme: the round's contracts its indicators name as contributing, and their money. */
    public record Theme(String themeId, String title, List<String> indicators, List<String> contracts, long totalPence) {

        public Theme {
            indicators = List.copyOf(indicators);
            contracts = List.copyOf(contracts);
        }
    }
}
