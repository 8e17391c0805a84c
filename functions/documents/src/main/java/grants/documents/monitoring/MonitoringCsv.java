package grants.documents.monitoring;

import grants.core.exports.ExportFile;
import grants.core.text.Csv;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A replay's CSV file: a header and its rows, each field escaped as every CSV of the system is. */
final class MonitoringCsv {

    private MonitoringCsv() {
    }

    static ExportFile file(String name, String header, List<List<String>> rows) {
        StringBuilder csv = new StringBuilder(header).append('\n');
        rows.forEach(row -> Csv.line(csv, row));
        return new ExportFile(name, "text/csv; charset=utf-8", csv.toString().getBytes(StandardCharsets.UTF_8),
                rows.size());
    }

    /** A day, or empty. */
    static String day(Optional<LocalDate> day) {
        return day.map(LocalDate::toString).orElse("");
    }
}
