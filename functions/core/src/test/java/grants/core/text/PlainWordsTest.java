package grants.core.text;

import grants.core.money.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Money and dates in sentences read as GOV.UK writes them, never as a machine's format. */
class PlainWordsTest {

    @Test
    void moneyIsWrittenWithAPoundSignAndThousandsSeparated() {
        assertEquals("£19,600.00", Money.pounds(1_960_000));
        assertEquals("£0.05", Money.pounds(5));
        assertEquals("£999.99", Money.pounds(99_999));
        assertEquals("£1,000.00", Money.pounds(100_000));
        assertEquals("£11,550,000.00", Money.pounds(1_155_000_000));
        assertEquals("-£1,181.25", Money.pounds(-118_125));
    }

    @Test
    void datesAreWrittenInWords() {
        assertEquals("1 April 2007", InWords.date(LocalDate.of(2007, 4, 1)));
        assertEquals("31 January 2027", InWords.date(LocalDate.of(2027, 1, 31)));
    }

    @Test
    void timesAreSaidInUkTimeWithAmOrPm() {
        assertEquals("3 December 2026 at 9:24pm", InWords.dateTime(Instant.parse("2026-12-03T21:24:04.587657563Z")));
        // British Summer Time: 09:00 UTC on 1 July is 10am in the UK.
        assertEquals("1 July 2026 at 10am", InWords.dateTime(Instant.parse("2026-07-01T09:00:00Z")));
        assertEquals("5 December 2026 at 12:05am", InWords.dateTime(Instant.parse("2026-12-05T00:05:00Z")));
    }
}
