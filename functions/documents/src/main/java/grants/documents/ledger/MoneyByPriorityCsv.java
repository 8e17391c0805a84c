package grants.documents.ledger;

import grants.core.exports.ExportFile;
import grants.core.moneymap.MoneyByPriority;
import grants.core.money.Money;
import grants.documents.CsvFile;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code money-by-priority.csv}: each priority's money committed in each financial year, then over all the
 * fund's years with its exact share of all that is committed; the last rows are the round's totals and what
 * is left unawarded of the fund (its share of the fund). Themes are not in it: a contract may count under two.
 */
public final class MoneyByPriorityCsv {

    public static final String NAME = "money-by-priority.csv";
    public static final String HEADER = "round,priority,title,year,committed,share_numerator,share_denominator,share";
    private static final String ALL_YEARS = "all";

    private MoneyByPriorityCsv() {
    }

    public static ExportFile of(MoneyByPriority map) {
        List<List<String>> rows = new ArrayList<>();
        for (MoneyByPriority.Priority priority : map.priorities()) {
            priority.byYear().forEach((year, pence) -> rows.add(List.of(map.roundId(), priority.issueId(),
                    priority.title(), year.toString(), Money.format(pence), "", "", "")));
            rows.add(List.of(map.roundId(), priority.issueId(), priority.title(), ALL_YEARS,
                    Money.format(priority.totalPence()), Long.toString(priority.share().numerator()),
                    Long.toString(priority.share().denominator()), priority.share().inWords()));
        }
        map.committedByYear().forEach((year, pence) -> rows.add(List.of(map.roundId(), "committed",
                "All priorities", year.toString(), Money.format(pence), "", "", "")));
        rows.add(List.of(map.roundId(), "committed", "All priorities", ALL_YEARS, Money.format(map.committedPence()),
                "", "", ""));
        rows.add(List.of(map.roundId(), "unawarded", "Left unawarded of the fund", ALL_YEARS,
                Money.format(map.unawardedPence()), Long.toString(map.unawardedOfTheFund().numerator()),
                Long.toString(map.unawardedOfTheFund().denominator()), map.unawardedOfTheFund().inWords()));
        return CsvFile.of(NAME, HEADER, rows);
    }
}
