package grants.core.exports;

import java.util.List;
import java.util.Optional;

/** What an export wrote, and the finance email it sent (empty when sent before or nobody to send to). */
public record ExportResult(String prefix, List<WrittenFile> files, Optional<String> emailMessageId) {

    public ExportResult {
        files = List.copyOf(files);
    }
}
