package grants.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.allocation.AllocationCsv;
import grants.core.allocation.AllocationRow;
import grants.core.errors.InvalidInputException;
import grants.documents.Json;
import grants.documents.ProgrammeJson;
import grants.functions.allocate.RunJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code allocate}: load a programme, run the allocation (a dry run unless --commit), write the CSV and summary. */
@Command(name = "allocate", mixinStandardHelpOptions = true,
        description = "Loads a programme document and runs its allocation; writes DIR/allocations.csv and"
                + " DIR/summary.json and prints a summary per locality.")
final class AllocateCommand implements Callable<Integer> {

    static final int BAD_INPUT = 2;
    /** The most rows a page of the API carries. */
    private static final Map<String, String> FIRST_PAGE = Map.of("limit", "5000");

    @Option(names = "--programme", required = true, paramLabel = "FILE", description = "The programme document (JSON).")
    Path programmeFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the run's files.")
    Path outDirectory;

    @Option(names = "--commit", description = "Store the run (immutably) instead of a dry run that stores nothing.")
    boolean commit;

    @Option(names = "--idempotency-key", paramLabel = "KEY",
            description = "With --commit: a retried commit with the same key returns the first run.")
    String idempotencyKey;

    @Option(names = "--supersede", paramLabel = "RUN",
            description = "With --commit: commit an input that run RUN already holds, replacing that run (needs --reason).")
    String supersede;

    @Option(names = "--reason", paramLabel = "TEXT", description = "With --supersede: why; recorded with the new run.")
    String reason;

    @Option(names = "--notice-rate", paramLabel = "N", defaultValue = "10",
            description = "With --commit: notices sent per second at most (default: ${DEFAULT-VALUE}; AWS's default is 1).")
    double noticeRate;

    @Option(names = "--state", paramLabel = "DIR", defaultValue = ".grants-local",
            description = "Where the local AWS stack keeps its tables and objects (default: ${DEFAULT-VALUE}).")
    Path stateDirectory;

    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    @Override
    public Integer call() throws IOException {
        String document;
        try {
            document = Files.readString(programmeFile);
        } catch (NoSuchFileException e) {
            err.println("--programme: no such file: " + programmeFile.toAbsolutePath());
            return BAD_INPUT;
        }
        if ((supersede != null || reason != null) && !commit) {
            err.println("--supersede and --reason go with --commit");
            return BAD_INPUT;
        }
        String programmeId = programmeIdOf(document);
        try (LocalFunctions functions = LocalFunctions.start(stateDirectory)) {
            APIGatewayV2HTTPResponse stored = functions.allocateGrants("PUT /programmes/{programmeId}",
                    Map.of("programmeId", programmeId), document, Map.of());
            if (stored.getStatusCode() >= 400) {
                return refused(stored);
            }
            Map<String, String> headers = new HashMap<>();
            if (idempotencyKey != null) {
                headers.put("idempotency-key", idempotencyKey);
            }
            Map<String, String> path = Map.of("programmeId", programmeId);
            APIGatewayV2HTTPResponse run = functions.allocateGrants("POST /programmes/{programmeId}/allocation-runs",
                    path, FIRST_PAGE, "{\"mode\":\"DRY_RUN\"}", headers);
            if (run.getStatusCode() < 400 && commit) {
                // As a manager would: the commit confirms the preview just made, by its input hash.
                run = functions.allocateGrants("POST /programmes/{programmeId}/allocation-runs", path, FIRST_PAGE,
                        commitBody(Json.parse(run.getBody()).get("inputHash").asText()), headers);
                if (run.getStatusCode() == 202) {
                    run = backgroundCommit(functions, programmeId, Json.parse(run.getBody()));
                }
            }
            if (run.getStatusCode() >= 400) {
                return refused(run);
            }
            JsonNode result = everyRow(functions, path, Json.parse(run.getBody()));
            // Reported with the run, never allocated (allocation-rules.md): as the stored programme has them.
            writeFiles(result, ProgrammeJson.write(ProgrammeJson.read(Json.parse(document), programmeId)).get("additionalFunds"));
            new SummaryTable(out).print(Json.parse(stored.getBody()).get("name").asText(), result);
            out.println("Wrote " + outDirectory.resolve("allocations.csv") + " and " + outDirectory.resolve("summary.json"));
            if (commit) {
                long started = System.nanoTime();
                functions.deliverTableStream(); // the commit's stream record reaches ExportFinance, as on AWS
                out.printf("Exported to the local S3 in %d ms and copied into %s:%n",
                        (System.nanoTime() - started) / 1_000_000, outDirectory);
                if (ExportFiles.fetch(functions, programmeId, result.get("runId").asText(), outDirectory, out, err) == null) {
                    return 1;
                }
                Files.writeString(outDirectory.resolve("budget.csv"), functions.budgetCsv(programmeId));
                out.println("Wrote " + outDirectory.resolve("budget.csv") + " (the programme's budget lines, committed and left)");
                int notices = functions.deliverNoticesQueue(noticeRate);
                int written = Outbox.write(functions.sentEmails(), outDirectory.resolve("outbox"));
                out.println("Sent " + notices + " notices through the local SES; " + written
                        + " emails are in " + outDirectory.resolve("outbox") + " (.eml and .html)");
            }
            return 0;
        }
    }

    /**
     * A large programme's commit is a job: as on AWS, the table stream hands it to CommitRuns, and
     * the job, once DONE, names its run, read here as the first page a smaller commit answers with.
     */
    private APIGatewayV2HTTPResponse backgroundCommit(LocalFunctions functions, String programmeId, JsonNode queued) {
        String jobId = queued.get("jobId").asText();
        out.println("Committing " + queued.get("rowsTotal").asInt() + " partnerships in the background as job " + jobId + "...");
        functions.deliverTableStream();
        JsonNode job = Json.parse(functions.allocateGrants("GET /programmes/{programmeId}/commit-jobs/{jobId}",
                Map.of("programmeId", programmeId, "jobId", jobId), null, Map.of()).getBody());
        if (!"DONE".equals(job.path("state").asText())) {
            throw new IllegalStateException("commit job " + jobId + " is " + job.path("state").asText() + ": "
                    + job.path("failure").asText("run the command again with the same --idempotency-key to resume it"));
        }
        return functions.allocateGrants("GET /programmes/{programmeId}/allocation-runs/{runId}",
                Map.of("programmeId", programmeId, "runId", job.get("runId").asText()), FIRST_PAGE, null, Map.of());
    }

    /**
     * The run with all its rows: the API answers a page at a time, so the rest is read page by page
     * (a committed run's from the stored run; a dry run's by computing it again, which gives the same
     * rows for the same input).
     */
    private JsonNode everyRow(LocalFunctions functions, Map<String, String> path, JsonNode first) {
        ObjectNode whole = first.deepCopy();
        ArrayNode rows = whole.withArray("rows");
        String next = first.path("rowsPage").path("next").asText(null);
        while (next != null) {
            Map<String, String> query = Map.of("limit", FIRST_PAGE.get("limit"), "after", next);
            APIGatewayV2HTTPResponse page = commit
                    ? functions.allocateGrants("GET /programmes/{programmeId}/allocation-runs/{runId}",
                            Map.of("programmeId", path.get("programmeId"), "runId", first.get("runId").asText()), query,
                            null, Map.of())
                    : functions.allocateGrants("POST /programmes/{programmeId}/allocation-runs", path, query,
                            "{\"mode\":\"DRY_RUN\"}", Map.of());
            JsonNode answer = Json.parse(page.getBody());
            if (page.getStatusCode() >= 400 || !answer.path("inputHash").equals(first.path("inputHash"))) {
                throw new IllegalStateException("the rows after " + next + " could not be read: " + page.getBody());
            }
            answer.get("rows").forEach(rows::add);
            next = answer.path("rowsPage").path("next").asText(null);
        }
        whole.remove("rowsPage");
        return whole;
    }

    private String commitBody(String inputHash) {
        ObjectNode body = Json.object().put("mode", "COMMIT").put("inputHash", inputHash);
        if (supersede != null) {
            body.put("supersedes", supersede);
        }
        if (reason != null) {
            body.put("reason", reason);
        }
        return Json.write(body);
    }

    /** The id to store the programme under: its own programmeId, or the file's name if it has none. */
    private String programmeIdOf(String document) {
        try {
            JsonNode id = Json.parse(document).path("programmeId");
            if (id.isTextual() && !id.asText().isBlank()) {
                return id.asText();
            }
        } catch (InvalidInputException notJson) {
            // the handler reports it, naming the field
        }
        String name = programmeFile.getFileName().toString().replaceFirst("\\.json$", "");
        return name.toLowerCase().replaceAll("[^a-z0-9-]", "-");
    }

    private void writeFiles(JsonNode result, JsonNode additionalFunds) throws IOException {
        List<AllocationRow> rows = RunJson.readRows(result.get("rows"));
        byte[] csv = AllocationCsv.write(rows);
        String expected = result.get("totals").get("csvSha256").asText();
        if (!AllocationCsv.sha256(csv).equals(expected)) {
            throw new IllegalStateException("the CSV written here does not match the run's control total " + expected);
        }
        ObjectNode summary = result.deepCopy();
        summary.remove("rows");
        summary.set("additionalFunds", additionalFunds);
        Files.createDirectories(outDirectory);
        Files.write(outDirectory.resolve("allocations.csv"), csv);
        Files.writeString(outDirectory.resolve("summary.json"), Json.writePretty(summary) + "\n");
    }

    private int refused(APIGatewayV2HTTPResponse response) {
        JsonNode error = Json.parse(response.getBody()).get("error");
        err.println(error.get("message").asText());
        for (JsonNode detail : error.get("details")) {
            err.println("  " + detail.get("field").asText() + ": " + detail.get("problem").asText());
        }
        return response.getStatusCode() >= 500 ? 1 : BAD_INPUT;
    }
}
