package grants.core.reporting;

/**
 * One row of a figures upload ({@code figures.csv}): an indicator's quarter, its figure, provisional or
 * final, and the reason when it revises the quarter. {@code row} is the file's line, the header's being 1,
 * so a problem is named where the person will look for it. {@code reference}, when given, must be the
 * indicator's: it catches a row pasted against the wrong id.
 */
public record UploadedFigure(int row, String indicatorId, String reference, Period period, Figure figure,
                             Observation.Finality finality, String reason) {

    /** How the upload names a column of this row: {@code row 3.value}. */
    public String column(String name) {
        return "row " + row + "." + name;
    }
}
