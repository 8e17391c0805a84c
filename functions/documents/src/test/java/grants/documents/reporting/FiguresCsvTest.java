package grants.documents.reporting;

import grants.core.errors.InvalidInputException;
import grants.core.errors.Problem;
import grants.core.reporting.Observation;
import grants.core.reporting.Period;
import grants.core.reporting.UploadedFigure;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Figures files as people save them from a spreadsheet, read or refused naming each row and column. */
class FiguresCsvTest {

    @Test
    void aSpreadsheetsFileWithWindowsLineEndsQuotedCommasAndARatioReads() {
        List<UploadedFigure> rows = FiguresCsv.read("period,indicator_id,numerator,denominator,status,reason\r\n"
                + "2009-10 Q1,ni-192,24030,73250,FINAL,\r\n"
                + "2009-10 Q1,ni-192,23880,73250,FINAL,\"the tonnage, weighed again\"\r\n\r\n");

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).row()).isEqualTo(2);
        assertThat(rows.get(1).period()).isEqualTo(Period.parse("2009-10 Q1"));
        assertThat(rows.get(1).figure().numerator()).isEqualTo(new BigDecimal("23880"));
        assertThat(rows.get(1).finality()).isEqualTo(Observation.Finality.FINAL);
        assertThat(rows.get(1).reason()).isEqualTo("the tonnage, weighed again");
    }

    @Test
    void theThousandsSeparatorOfASpreadsheetIsNamedNotGuessed() {
        InvalidInputException refused = refused("period,indicator_id,numerator,denominator,status\n"
                + "2009-10 Q1,ni-192,\"24,030\",73250,FINAL\n");

        assertThat(refused.details()).singleElement().satisfies(named("row 2.numerator", "must be a decimal number"));
    }

    @Test
    void theOpenDataDownloadedAndSentBackIsRefusedForItsComputedColumns() {
        InvalidInputException refused = refused(OpenData.OBSERVATIONS_HEADER + "\n"
                + "ni-152,NI 152,2008-09 Q1,13.7,NEAR,13.6,2008-08-21\n");

        assertThat(refused.details()).extracting(Problem::field)
                .containsExactly("row 1.target_to_date", "row 1.published_on");
        assertThat(refused).hasMessageEndingWith("nothing was recorded.");
    }

    @Test
    void anEmptyFileAMissingColumnAndAQuoteNeverClosed() {
        assertThat(refused("").details()).singleElement().satisfies(named("row 1", "a header naming the columns"));
        assertThat(refused("indicator_id,period,value\nni-152,2008-09 Q1,13.7\n").details())
                .singleElement().satisfies(named("row 1", "has no status column"));
        assertThat(refused("indicator_id,period,value,status,reason\nni-152,2008-09 Q1,13.7,FINAL,\"late\n").details())
                .anySatisfy(named("row 2", "a quote that is never closed"));
    }

    private static InvalidInputException refused(String csv) {
        return catchThrowableOfType(() -> FiguresCsv.read(csv), InvalidInputException.class);
    }

    private static java.util.function.Consumer<Problem> named(String field, String problem) {
        return p -> {
            assertThat(p.field()).isEqualTo(field);
            assertThat(p.problem()).contains(problem);
        };
    }
}
