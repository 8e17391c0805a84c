package grants.core.allocation;


import grants.documents.ProgrammeDocument;
import grants.core.errors.BudgetExceededException;
import grants.core.money.Money;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AllocationRulesTest {

    /** A county with six districts, of which {@code sharing} share within the locality, plus one metropolitan. */
    private static ProgrammeDocument countyOfSix(int sharing) {
        ProgrammeDocument doc = new ProgrammeDocument().partnership("metro", "METROPOLITAN").submission("metro")
                .partnership("shire", "COUNTY").submission("shire");
        for (int d = 1; d <= 6; d++) {
            doc.district("d" + d, "shire");
            if (d <= sharing) {
                doc.submission("d" + d, "shire");
            } else {
                doc.submission("d" + d);
            }
        }
        return doc;
    }

    private static Map<String, AllocationRow> byId(Allocation allocation) {
        return allocation.rows().stream().collect(Collectors.toMap(AllocationRow::partnershipId, Function.identity()));
    }

    @Test
    void threeOfSixDistrictsIsNotAMajority() {
        Allocation allocation = AllocationEngine.allocate(countyOfSix(3).programme());

        assertThat(byId(allocation).get("shire").status()).isEqualTo(Status.WITHDRAWN);
        assertThat(byId(allocation).get("d1").reason()).contains("only 3 of 6 districts", "at least 4 were needed");
        assertThat(byId(allocation).get("metro").finalGrantPence()).isEqualTo(1_960_000 + 7 * 630_000);
    }

    @Test
    void fourOfSixDistrictsMeetsTheCondition() {
        Allocation allocation = AllocationEngine.allocate(countyOfSix(4).programme());

        assertThat(allocation.rows()).allSatisfy(row -> assertThat(row.status()).isEqualTo(Status.FUNDED));
        assertThat(allocation.localities()).singleElement().satisfies(locality -> {
            assertThat(locality.districts()).isEqualTo(6);
            assertThat(locality.qualifying()).isEqualTo(4);
        });
    }

    @Test
    void aDistrictSharingOnlyOutsideItsLocalityDoesNotQualify() {
        ProgrammeDocument doc = new ProgrammeDocument().partnership("metro", "METROPOLITAN").submission("metro")
                .partnership("shire", "COUNTY").district("d1", "shire").submission("d1", "metro");

        Allocation allocation = AllocationEngine.allocate(doc.programme());

        assertThat(byId(allocation).get("d1").status()).isEqualTo(Status.WITHDRAWN);
        assertThat(byId(allocation).get("shire").status()).isEqualTo(Status.WITHDRAWN);
    }

    @Test
    void leftOverPenceGoToLowestIdsWhenSharesAreEqual() {
        // A withdrawn locality of two puts 12600.00 in the pool; three funded get 4200.00 each.
        ProgrammeDocument doc = new ProgrammeDocument().set("eurRate", "1")
                .partnership("c", "METROPOLITAN").submission("c")
                .partnership("a", "METROPOLITAN").submission("a")
                .partnership("b", "UNITARY").submission("b")
                .partnership("shire", "COUNTY").district("d1", "shire");

        Map<String, AllocationRow> rows = byId(AllocationEngine.allocate(doc.programme()));

        assertThat(rows.get("a").redistributionPence()).isEqualTo(420_000);
        assertThat(PoolShares.share(1_260_001, new long[] {1, 1, 1})).as("a, b and c in id order: the penny to a")
                .containsExactly(420_001L, 420_000L, 420_000L);
    }

    /** Weights that are not tier rates leave many different remainders: the pence still go largest first. */
    @Test
    void withManyDifferentRemaindersThePenceGoToTheLargestThenTheLowestId() {
        long[] weights = {3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 3, 5};
        long pool = 1_000;
        long total = java.util.Arrays.stream(weights).sum();
        java.util.List<Integer> byRemainder = new java.util.ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            byRemainder.add(i);
        }
        byRemainder.sort(java.util.Comparator.<Integer>comparingLong(i -> -(pool * weights[i] % total))
                .thenComparing(i -> i));
        long[] expected = java.util.Arrays.stream(weights).map(weight -> pool * weight / total).toArray();
        long leftOver = pool - java.util.Arrays.stream(expected).sum();
        for (int i = 0; i < leftOver; i++) {
            expected[byRemainder.get(i)]++;
        }

        assertThat(PoolShares.share(pool, weights)).containsExactly(expected);
    }

    @Test
    void proRataSharesFollowBaseGrantsAndLargestRemaindersGetThePence() {
        long[] shares = PoolShares.share(100, new long[] {1_960_000, 630_000});

        // 100 * 1960000 / 2590000 = 75.675..., 100 * 630000 / 2590000 = 24.324...: floors 75 + 24, 1p to the single tier.
        assertThat(shares).containsExactly(76L, 24L);
    }

    @Test
    void unclaimedGrantsStayWithTheProgrammeUnlessRedistributed() {
        ProgrammeDocument doc = new ProgrammeDocument().partnership("a", "METROPOLITAN").submission("a")
                .partnership("b", "UNITARY");

        Allocation kept = AllocationEngine.allocate(doc.programme());
        assertThat(byId(kept).get("b").status()).isEqualTo(Status.NOT_PARTICIPATING);
        assertThat(kept.totals().unallocatedPence()).isEqualTo(1_960_000);
        assertThat(byId(kept).get("b").reason()).contains("stays unallocated");

        Allocation shared = AllocationEngine.allocate(doc.set("redistributeUnclaimed", true).programme());
        assertThat(shared.totals().unallocatedPence()).isZero();
        assertThat(byId(shared).get("a").finalGrantPence()).isEqualTo(3_920_000);
        assertThat(byId(shared).get("a").reason()).contains("redistributed from unclaimed grants");
    }

    @Test
    void aPoolWithNobodyFundedStaysUnallocatedWithAWarning() {
        ProgrammeDocument doc = new ProgrammeDocument().partnership("shire", "COUNTY").district("d1", "shire")
                .submission("shire");

        Allocation allocation = AllocationEngine.allocate(doc.programme());

        assertThat(allocation.totals().funded()).isZero();
        assertThat(allocation.totals().unallocatedPence()).isEqualTo(1_260_000);
        assertThat(allocation.warnings()).singleElement().asString().contains("£12,600.00", "unallocated");
    }

    @Test
    void aBudgetBelowTheBaseGrantsRefusesTheRun() {
        ProgrammeDocument doc = new ProgrammeDocument().set("grantBudget", "19599.99")
                .partnership("a", "METROPOLITAN").submission("a");

        assertThatThrownBy(() -> AllocationEngine.allocate(doc.programme()))
                .isInstanceOf(BudgetExceededException.class)
                .hasMessageContaining("£19,600.00").hasMessageContaining("£19,599.99").hasMessageContaining("£0.01");
    }

    @Test
    void euroAmountsRoundHalfUpToTheCentAndSupportDaysGoToTheFundedOnly() {
        // 19600.00 * 1.00005 = 19600.98 exactly; 6300.00 * 1.00005 = 6300.315 -> 6300.32 (half-up)
        ProgrammeDocument doc = new ProgrammeDocument().set("eurRate", "1.00005").set("supportDaysPerPartnership", "1.5")
                .partnership("a", "METROPOLITAN").submission("a")
                .partnership("shire", "COUNTY").submission("shire").district("d1", "shire").submission("d1", "shire")
                .partnership("b", "UNITARY");

        Map<String, AllocationRow> rows = byId(AllocationEngine.allocate(doc.programme()));

        assertThat(Money.format(rows.get("a").finalGrantEuroCents())).isEqualTo("19600.98");
        assertThat(Money.format(rows.get("d1").finalGrantEuroCents())).isEqualTo("6300.32");
        assertThat(rows.get("a").supportHalfDays()).isEqualTo(3);
        assertThat(rows.get("b").supportHalfDays()).isZero();
    }
}
