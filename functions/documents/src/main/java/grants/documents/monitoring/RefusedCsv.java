package grants.documents.monitoring;

import grants.documents.CsvFile;

import grants.core.exports.ExportFile;

import java.util.List;

/** {@code refused.csv}: each event the live system refused (M14), in the order they happened, with its reason. */
final class RefusedCsv {

    static final String HEADER = "on,type,by,subject,reason";

    private RefusedCsv() {
    }

    static ExportFile render(MonitoringRecord record) {
        return CsvFile.of("refused.csv", HEADER, record.refused().stream()
                .map(r -> List.of(r.event().on().toString(), r.event().type().documentName(), r.event().by(),
                        r.subject(), r.reason()))
                .toList());
    }
}
