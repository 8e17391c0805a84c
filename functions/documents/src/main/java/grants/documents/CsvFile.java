package grants.documents;

import grants.core.exports.ExportFile;
import grants.core.text.Csv;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** A CSV file of the system: its header, then each row escaped as every CSV of the system is (UTF-8, LF). */
public final class CsvFile {

    private CsvFile() {
    }

    public static ExportFile of(String name, String header, List<List<String>> rows) {
        StringBuilder csv = new StringBuilder(header).append('\n');
        rows.forEach(row -> Csv.line(csv, row));
        return new ExportFile(name, "text/csv; charset=utf-8", csv.toString().getBytes(StandardCharsets.UTF_8),
                rows.size());
    }
}
