package grants.functions.allocate;

import com.fasterxml.jackson.databind.JsonNode;
import grants.core.errors.InvalidInputException;
import grants.core.run.CommitRequest;
import grants.documents.FieldReader;

import java.util.Optional;

/**
 * The body of {@code POST .../allocation-runs}: {@code {"mode": "DRY_RUN"}}, or
 * {@code {"mode": "COMMIT", "inputHash": "<the dry run's>"}}, with {@code "supersedes": "<runId>"}
 * and {@code "reason"} to commit again an input that a run already holds.
 */
final class RunRequestJson {

    enum Mode { DRY_RUN, COMMIT }

    record RunRequest(Mode mode, Optional<CommitRequest> commit) {
    }

    private RunRequestJson() {
    }

    static RunRequest read(JsonNode body) {
        FieldReader reader = new FieldReader();
        if (!reader.isObject(body, "body")) {
            throw refused(reader);
        }
        reader.conformsTo("allocation-run", body);
        reader.onlyFields(body, "", "mode", "inputHash", "supersedes", "reason");
        String mode = body.path("mode").asText("");
        if (!mode.equals("DRY_RUN") && !mode.equals("COMMIT")) {
            throw InvalidInputException.of("mode", "must be DRY_RUN (compute and store nothing) or COMMIT"
                    + " (store the run), got " + (mode.isEmpty() ? "nothing" : "\"" + mode + "\""));
        }
        if (mode.equals("DRY_RUN")) {
            if (!reader.problems().isEmpty()) {
                throw refused(reader);
            }
            return new RunRequest(Mode.DRY_RUN, Optional.empty());
        }
        String inputHash = reader.text(body, "", "inputHash", true);
        String supersedes = reader.id(body, "", "supersedes", "[A-Za-z0-9_.:-]{1,128}", "a run id", false);
        String reason = reader.text(body, "", "reason", supersedes != null, FieldReader.MAX_LONG_TEXT);
        if (!reader.problems().isEmpty()) {
            throw refused(reader);
        }
        return new RunRequest(Mode.COMMIT, Optional.of(new CommitRequest(inputHash,
                Optional.ofNullable(supersedes).map(runId -> new CommitRequest.Supersession(runId, reason)))));
    }

    /** The body of {@code POST .../imports}: which upload to store. */
    static String uploadId(JsonNode body) {
        FieldReader reader = new FieldReader();
        if (reader.isObject(body, "body")) {
            reader.conformsTo("import", body);
            reader.onlyFields(body, "", "uploadId");
        }
        if (!reader.problems().isEmpty()) {
            throw refused(reader);
        }
        return body.path("uploadId").asText("");
    }

    private static InvalidInputException refused(FieldReader reader) {
        return reader.refusal("request", "nothing was run");
    }
}
