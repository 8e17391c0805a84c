package grants.documents.monitoring;


import java.time.LocalDate;
import java.util.Optional;

/** What the monitoring replay's CSV files share (the files themselves are {@link grants.documents.CsvFile}s). */
final class MonitoringCsv {

    private MonitoringCsv() {
    }

    /** A day, or empty. */
    static String day(Optional<LocalDate> day) {
        return day.map(LocalDate::toString).orElse("");
    }
}
