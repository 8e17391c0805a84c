package grants.documents.reporting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.errors.InvalidInputException;
import grants.core.reporting.Figure;
import grants.core.reporting.Observation;
import grants.core.reporting.Period;
import grants.core.reporting.UploadedFigure;
import grants.documents.FieldReader;
import grants.documents.Json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads figures loaded as a CSV file: the open data's {@code indicator_id,reference,period,value} columns, with
 * {@code numerator} and {@code denominator} for a RATIO indicator, {@code status} (PROVISIONAL or FINAL) and
 * {@code reason} for a revision; in any order, {@code reference}, {@code reason} and the parts a figure does not
 * need may be left out. Every problem is named by its row (the file's line, the header's being 1) and column
 * ({@code row 3.period}); a file with one is refused whole. Computed columns (a card's status, the target to
 * date, {@code published_on}) are never typed, so they are refused, not ignored.
 */
public final class FiguresCsv {

    public static final List<String> COLUMNS = List.of("indicator_id", "reference", "period", "value", "numerator",
            "denominator", "status", "reason");
    private static final List<String> REQUIRED = List.of("indicator_id", "period", "status");
    private static final List<String> COMPUTED = List.of("target_to_date", "published_on", "year_to_date");
    /** More rows than a register sends at once (a quarter of every indicator, revisions and all). */
    private static final int MAX_ROWS = 1_000;

    private FiguresCsv() {
    }

    /** The rows, or {@link InvalidInputException} naming every problem of the file. */
    public static List<UploadedFigure> read(String text) {
        FieldReader reader = new FieldReader();
        List<List<String>> lines = CsvLines.parse(text == null ? "" : text, reader);
        List<UploadedFigure> rows = new ArrayList<>();
        if (lines.isEmpty()) {
            reader.problem("row 1", "is required: a header naming the columns, " + String.join(",", COLUMNS));
        } else if (lines.size() > MAX_ROWS + 1) {
            reader.problem("rows", "has " + (lines.size() - 1) + " rows, more than the " + MAX_ROWS + " one file may have");
        } else if (header(lines.get(0), reader)) {
            List<String> header = lines.get(0);
            for (int i = 1; i < lines.size(); i++) {
                UploadedFigure row = row(i + 1, header, lines.get(i), reader);
                if (row != null) {
                    rows.add(row);
                }
            }
        }
        if (!reader.problems().isEmpty()) {
            throw reader.refusal("figures file", "nothing was recorded");
        }
        return rows;
    }

    /** Whether the header names known columns, each once, the required ones among them. */
    private static boolean header(List<String> header, FieldReader reader) {
        int before = reader.problems().size();
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i).strip();
            if (COMPUTED.contains(column) || column.equals("card")) {
                reader.problem("row 1." + column, "is computed by the rules, never typed: leave the column out");
            } else if (!COLUMNS.contains(column)) {
                reader.problem("row 1." + column, "is not a column here (check its spelling): the columns are "
                        + String.join(", ", COLUMNS));
            } else if (header.subList(0, i).stream().map(String::strip).anyMatch(column::equals)) {
                reader.problem("row 1." + column, "is named twice: each column once");
            }
        }
        REQUIRED.stream().filter(column -> header.stream().map(String::strip).noneMatch(column::equals))
                .forEach(column -> reader.problem("row 1", "has no " + column + " column: it is required"));
        if (header.stream().map(String::strip).noneMatch(c -> c.equals("value") || c.equals("numerator"))) {
            reader.problem("row 1", "has neither a value column nor numerator and denominator columns");
        }
        return reader.problems().size() == before;
    }

    /** One row read through the reader of every document, as if its cells were a JSON object's fields. */
    private static UploadedFigure row(int number, List<String> header, List<String> cells, FieldReader reader) {
        String path = "row " + number;
        if (cells.size() != header.size()) {
            reader.problem(path, "has " + cells.size() + " cells, the header " + header.size() + " columns");
            return null;
        }
        ObjectNode node = Json.object();
        for (int i = 0; i < header.size(); i++) {
            if (!cells.get(i).isBlank()) {
                node.put(header.get(i).strip(), cells.get(i).strip());
            }
        }
        String indicatorId = reader.text(node, path, "indicator_id", true);
        String reference = reader.text(node, path, "reference", false);
        Period period = period(node, path, reader);
        BigDecimal value = reader.decimal(node, path, "value", false);
        BigDecimal numerator = reader.decimal(node, path, "numerator", false);
        BigDecimal denominator = reader.decimal(node, path, "denominator", false);
        Observation.Finality finality = reader.oneOf(node, path, "status", Observation.Finality.class, true);
        String reason = reader.text(node, path, "reason", false, FieldReader.MAX_LONG_TEXT);
        boolean partsRead = (value != null || !node.has("value")) && (numerator != null || !node.has("numerator"))
                && (denominator != null || !node.has("denominator"));
        return indicatorId == null || period == null || finality == null || !partsRead ? null
                : new UploadedFigure(number, indicatorId, reference, period, new Figure(value, numerator, denominator),
                finality, reason);
    }

    private static Period period(ObjectNode node, String path, FieldReader reader) {
        String text = reader.text(node, path, "period", true);
        if (text == null) {
            return null;
        }
        try {
            return Period.parse(text, FieldReader.path(path, "period"));
        } catch (InvalidInputException notAQuarter) {
            reader.problem(FieldReader.path(path, "period"), "must be a quarter such as \"2008-09 Q1\", got \"" + text + "\"");
            return null;
        }
    }
}
