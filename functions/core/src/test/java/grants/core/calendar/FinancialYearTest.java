package grants.core.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class FinancialYearTest {

    @Test
    void aFinancialYearRunsFromTheFirstOfAprilToTheLastDayOfMarch() {
        FinancialYear year = FinancialYear.parse("2007-08").orElseThrow();

        assertThat(year.start()).isEqualTo(LocalDate.of(2007, 4, 1));
        assertThat(year.end()).isEqualTo(LocalDate.of(2008, 3, 31));
        assertThat(FinancialYear.of(LocalDate.of(2008, 3, 31))).isEqualTo(year);
        assertThat(FinancialYear.of(LocalDate.of(2008, 4, 1))).hasToString("2008-09");
        assertThat(FinancialYear.parse("1999-00").orElseThrow().next()).hasToString("2000-01");
    }

    @Test
    void onlyTwoConsecutiveYearsNameOne() {
        assertThat(FinancialYear.parse("2007-09")).isEmpty();
        assertThat(FinancialYear.parse("2007/08")).isEmpty();
        assertThat(FinancialYear.parse(null)).isEmpty();
        assertThat(FinancialYear.parse("1999-00")).isPresent();
    }
}
