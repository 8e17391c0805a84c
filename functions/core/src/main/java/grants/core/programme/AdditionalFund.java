package grants.core.programme;

import grants.core.money.Money;

import java.util.List;
import java.util.Map;

/** Another contribution to the programme: reported with the programme, never allocated. */
public record AdditionalFund(String source, long amountPence, String purpose) {

    /** The funds as the run report and the finance email list them: source, amount in pounds, purpose. */
    public static List<Map<String, String>> inWords(List<AdditionalFund> funds) {
        return funds.stream().map(fund -> Map.of("source", fund.source(), "amount", Money.pounds(fund.amountPence()),
                "purpose", fund.purpose() == null ? "" : fund.purpose())).toList();
    }
}
