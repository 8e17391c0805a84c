package grants.core.rounds;

import grants.core.commissioning.RoundOutcome;
import grants.core.exports.ExportFile;

import java.time.LocalDate;
import java.util.List;

/**
 * Renders every file a published round exports (outbound port; the formats live in
 * {@code functions/documents}): the rules' three CSVs, finance's payment schedule, 360Giving data,
 * the round report, and the manifest last, since its presence means the export is complete.
 */
public interface RoundRenderer {

    List<ExportFile> render(RoundOutcome outcome, LocalDate publishedOn);

    /** Where a round's decisions are exported in the bucket. */
    static String prefix(String roundId) {
        return "exports/" + roundId + "/round-decisions/";
    }
}
