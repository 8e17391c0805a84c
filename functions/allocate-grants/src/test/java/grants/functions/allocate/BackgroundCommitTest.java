package grants.functions.allocate;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import grants.adapters.aws.Environment;
import grants.testing.TestProgrammes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static grants.functions.allocate.ApiOnTheEmulators.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A commit too large for one request, through the API on the emulators: 202 and a job to follow,
 * nothing visible until the worker is done, then the run where the job says. The West Midlands'
 * 38 partnerships count as large here, with the limit set to 10.
 */
class BackgroundCommitTest {

    private static final String RUNS = "POST /programmes/{programmeId}/allocation-runs";
    private static final String JOB = "GET /programmes/{programmeId}/commit-jobs/{jobId}";
    private static final Map<String, String> WM = Map.of("programmeId", "l2d-2007-08");

    private ApiOnTheEmulators api;
    private String inputHash;

    @BeforeEach
    void programmePreviewed() throws IOException {
        api = new ApiOnTheEmulators(getClass(), Map.of(Environment.COMMIT_IN_BACKGROUND_ABOVE, "10"));
        try (InputStream in = getClass().getResourceAsStream("/data/" + TestProgrammes.WEST_MIDLANDS)) {
            api.call("PUT /programmes/{programmeId}", WM, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        inputHash = body(api.call(RUNS, WM, "{\"mode\":\"DRY_RUN\"}")).get("inputHash").asText();
    }

    private APIGatewayV2HTTPResponse commit(String key) {
        return api.call(RUNS, WM, Map.of(), "{\"mode\":\"COMMIT\",\"inputHash\":\"" + inputHash + "\"}",
                Map.of("idempotency-key", key));
    }

    @Test
    void theCommitAnswers202AndTheJobLeadsToTheWholeRunOnceTheWorkerIsDone() {
        APIGatewayV2HTTPResponse accepted = commit("commit-1");

        assertThat(accepted.getStatusCode()).isEqualTo(202);
        JsonNode job = body(accepted);
        String jobId = job.get("jobId").asText();
        assertThat(accepted.getHeaders()).containsEntry("location", "/programmes/l2d-2007-08/commit-jobs/" + jobId);
        assertThat(job.get("state").asText()).isEqualTo("QUEUED");
        assertThat(job.get("rowsTotal").asInt()).isEqualTo(38);
        Map<String, String> jobPath = Map.of("programmeId", "l2d-2007-08", "jobId", jobId);
        Map<String, String> runPath = Map.of("programmeId", "l2d-2007-08", "runId", job.get("runId").asText());
        assertThat(api.call("GET /programmes/{programmeId}/allocation-runs/{runId}", runPath, null).getStatusCode())
                .as("the run is invisible until whole").isEqualTo(404);

        api.composition().commitJobs().work("l2d-2007-08", jobId); // what CommitRuns does with the job's stream record

        JsonNode done = body(api.call(JOB, jobPath, null));
        assertThat(done.get("state").asText()).isEqualTo("DONE");
        assertThat(done.get("rowsWritten").asInt()).isEqualTo(38);
        assertThat(done.get("run").asText()).isEqualTo("/programmes/l2d-2007-08/allocation-runs/" + job.get("runId").asText());
        JsonNode run = body(api.call("GET /programmes/{programmeId}/allocation-runs/{runId}", runPath, null));
        assertThat(run.at("/rowsPage/total").asInt()).isEqualTo(38);
        assertThat(run.at("/totals/finalGrantsGbp").asText()).isEqualTo("372400.00");
        JsonNode audit = body(api.call("GET /programmes/{programmeId}/audit", WM, null)).get("entries");
        assertThat(audit.findValuesAsText("action")).contains("RUN_COMMIT_STARTED", "RUN_COMMITTED");
        assertThat(audit.findValuesAsText("actor")).containsOnly(ApiOnTheEmulators.MANAGER.email());
    }

    @Test
    void aRetryGetsTheSameJobAndAnotherCommitWaitsForIt() {
        String jobId = body(commit("commit-1")).get("jobId").asText();

        APIGatewayV2HTTPResponse retried = commit("commit-1");
        assertThat(retried.getStatusCode()).isEqualTo(202);
        assertThat(body(retried).get("jobId").asText()).isEqualTo(jobId);
        assertThat(retried.getHeaders()).containsEntry("idempotent-replayed", "true");

        APIGatewayV2HTTPResponse another = commit("commit-2");
        assertThat(another.getStatusCode()).isEqualTo(409);
        assertThat(body(another).at("/error/code").asText()).isEqualTo("COMMIT_IN_PROGRESS");
        assertThat(body(another).at("/error/message").asText()).contains(jobId);
    }

    @Test
    void aJobThatDoesNotExistIsNotFound() {
        APIGatewayV2HTTPResponse missing = api.call(JOB, Map.of("programmeId", "l2d-2007-08", "jobId", "nope"), null);
        assertThat(missing.getStatusCode()).isEqualTo(404);
        assertThat(body(missing).at("/error/message").asText()).contains("no commit job \"nope\"");
    }
}
