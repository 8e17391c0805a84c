package grants.documents;

import grants.core.money.Money;

import grants.documents.Fixtures;
import grants.core.allocation.AllocationCsv;
import grants.core.allocation.AllocationEngine;
import grants.core.allocation.AllocationRow;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast paths of money and hashing agree with the plain, obviously right ones. */
class MoneyPropertiesTest {

    @Property(tries = 10_000)
    void euroCentsMatchExactDecimalArithmetic(@ForAll @LongRange(min = 0, max = 10_000_000_000_000L) long pence,
                                              @ForAll @BigRange(min = "0.0001", max = "100") @Scale(6) BigDecimal rate) {
        long expected = BigDecimal.valueOf(pence).multiply(rate).setScale(0, RoundingMode.HALF_UP).longValueExact();
        assertThat(Money.toEuroCents(pence, rate)).isEqualTo(expected);
    }

    @Property(tries = 10_000)
    void formattingMatchesBigDecimal(@ForAll long pence) {
        assertThat(Money.format(pence)).isEqualTo(BigDecimal.valueOf(pence, 2).toPlainString());
    }

    @Property(tries = 10_000)
    void poundsAreTheAmountWithAPoundSignAndCommas(@ForAll long pence) {
        java.text.DecimalFormat pounds = new java.text.DecimalFormat("£#,##0.00",
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.UK));
        assertThat(Money.pounds(pence)).isEqualTo(pounds.format(BigDecimal.valueOf(pence, 2)));
    }

    @Test
    void aReasonWritesPoundsAsAPersonReadsThem() {
        assertThat(Money.pounds(1_960_000)).isEqualTo("£19,600.00");
        List<AllocationRow> rows = AllocationEngine.allocate(Fixtures.programme(Fixtures.WARWICKSHIRE_WITHDRAWN)).rows();
        assertThat(rows).extracting(AllocationRow::reason).allSatisfy(reason -> assertThat(reason).doesNotContain("GBP"))
                .anySatisfy(reason -> assertThat(reason).containsPattern("£\\d{1,3}(,\\d{3})*\\.\\d{2}"));
    }

    @Test
    void theStreamedCsvHashIsTheHashOfTheCsvBytes() {
        for (String fixture : List.of(Fixtures.WEST_MIDLANDS, Fixtures.WARWICKSHIRE_WITHDRAWN)) {
            List<AllocationRow> rows = AllocationEngine.allocate(Fixtures.programme(fixture)).rows();
            assertThat(AllocationCsv.sha256(rows)).isEqualTo(AllocationCsv.sha256(AllocationCsv.write(rows)));
        }
    }
}
