package grants.core.allocation;


import grants.documents.Fixtures;
import grants.core.money.Money;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The two worked examples at the end of allocation-rules.md, figures taken from the spec's text. */
class SpecWorkedExamplesTest {

    @Test
    void westMidlandsAsGivenFundsAll38AndAllocates372400() {
        Allocation allocation = AllocationEngine.allocate(Fixtures.programme(Fixtures.WEST_MIDLANDS));
        ControlTotals totals = allocation.totals();

        assertThat(totals.rows()).isEqualTo(38);
        assertThat(totals.funded()).isEqualTo(38);
        assertThat(Money.format(totals.finalGrantsPence())).isEqualTo("372400.00");
        assertThat(Money.format(totals.poolPence())).isEqualTo("0.00");
        assertThat(Money.format(totals.unallocatedPence())).isEqualTo("0.00");
        assertThat(rowsOfTier(allocation, "SINGLE_TIER")).hasSize(10)
                .allSatisfy(row -> assertThat(Money.format(row.finalGrantPence())).isEqualTo("19600.00"));
        assertThat(rowsOfTier(allocation, "TWO_TIER")).hasSize(28)
                .allSatisfy(row -> assertThat(Money.format(row.finalGrantPence())).isEqualTo("6300.00"));
    }

    @Test
    void warwickshireWithTwoOfFiveSharingIsWithdrawnAndSharedEquallyAmongTheOther32() {
        Allocation allocation = AllocationEngine.allocate(Fixtures.programme(Fixtures.WARWICKSHIRE_WITHDRAWN));

        List<AllocationRow> warwickshire = allocation.rows().stream()
                .filter(row -> "warwickshire".equals(row.locality())).toList();
        assertThat(warwickshire).hasSize(6).allSatisfy(row -> {
            assertThat(row.status()).isEqualTo(Status.WITHDRAWN);
            assertThat(row.finalGrantPence()).isZero();
            assertThat(row.reason()).contains("2 of 5 districts", "Warwickshire");
        });
        assertThat(Money.format(allocation.totals().poolPence())).isEqualTo("37800.00");

        List<AllocationRow> others = allocation.rows().stream().filter(row -> row.status() == Status.FUNDED).toList();
        assertThat(others).hasSize(32).allSatisfy(row ->
                assertThat(Money.format(row.redistributionPence())).isEqualTo("1181.25"));
        assertThat(rowsOfTier(others, "SINGLE_TIER")).allSatisfy(row ->
                assertThat(Money.format(row.finalGrantPence())).isEqualTo("20781.25"));
        assertThat(rowsOfTier(others, "TWO_TIER")).allSatisfy(row ->
                assertThat(Money.format(row.finalGrantPence())).isEqualTo("7481.25"));
        assertThat(Money.format(allocation.totals().finalGrantsPence())).isEqualTo("372400.00");
    }

    private static List<AllocationRow> rowsOfTier(Allocation allocation, String tier) {
        return rowsOfTier(allocation.rows(), tier);
    }

    private static List<AllocationRow> rowsOfTier(List<AllocationRow> rows, String tier) {
        return rows.stream().filter(row -> row.tier().name().equals(tier)).toList();
    }
}
