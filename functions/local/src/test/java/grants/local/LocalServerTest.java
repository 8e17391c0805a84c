package grants.local;

import com.fasterxml.jackson.databind.JsonNode;
import grants.documents.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local server as a browser meets it: sign-in by the authorization code grant with PKCE, then
 * the API with the token, each request checked as API Gateway's JWT authorizer would.
 */
class LocalServerTest {

    private static final String PASSWORD = "demo-test-password";
    private static final String VERIFIER = "a-pkce-verifier-of-forty-three-characters-or-more-0123";

    @TempDir
    static Path state;
    private static LocalFunctions functions;
    private static LocalServer server;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void serve() throws IOException {
        functions = LocalFunctions.start(state);
        server = LocalServer.start(functions, 0, ServeCommand.demoUsers(PASSWORD));
        functions.ensureExportBucket();
        ServeCommand.loadDemoProgramme(functions, ServeCommand.demoUsers(PASSWORD).get(0).person());
    }

    @AfterAll
    static void stop() {
        server.close();
        functions.close();
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(field -> field.getKey() + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.origin() + path))
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.origin() + path));
        if (token != null) {
            request.header("authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> signInFields(String email, String password) {
        return Map.of("client_id", LocalSignIn.CLIENT_ID, "redirect_uri", server.origin() + "/auth/callback",
                "state", "s-1", "code_challenge", LocalSignIn.challengeOf(VERIFIER), "code_challenge_method", "S256",
                "email", email, "password", password);
    }

    /** The whole sign-in, as the console does it; the ID token it ends with. */
    private static String signIn(String email) throws Exception {
        HttpResponse<String> signedIn = post("/login", signInFields(email, PASSWORD));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        String location = signedIn.headers().firstValue("location").orElseThrow();
        assertThat(location).startsWith(server.origin() + "/auth/callback?code=").endsWith("&state=s-1");
        String code = location.replaceAll(".*code=([0-9a-f]+).*", "$1");
        HttpResponse<String> token = post("/oauth2/token", Map.of("grant_type", "authorization_code", "code", code,
                "code_verifier", VERIFIER, "redirect_uri", server.origin() + "/auth/callback", "client_id",
                LocalSignIn.CLIENT_ID));
        assertThat(token.statusCode()).isEqualTo(200);
        return Json.parse(token.body()).get("id_token").asText();
    }

    @Test
    void theSignInPageCarriesTheClientsChallengeAndRefusesLinksToElsewhere() throws Exception {
        String query = "response_type=code&client_id=" + LocalSignIn.CLIENT_ID + "&code_challenge_method=S256"
                + "&code_challenge=" + LocalSignIn.challengeOf(VERIFIER) + "&state=s-1&redirect_uri=";

        HttpResponse<String> page = get("/oauth2/authorize?" + query
                + URLEncoder.encode(server.origin() + "/auth/callback", StandardCharsets.UTF_8), null);
        HttpResponse<String> elsewhere = get("/oauth2/authorize?" + query
                + URLEncoder.encode("https://evil.example/callback", StandardCharsets.UTF_8), null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(LocalSignIn.challengeOf(VERIFIER), "manager@demo.grants.local",
                "for=\"email\"");
        assertThat(elsewhere.statusCode()).isEqualTo(400);
    }

    @Test
    void aManagerSignsInAndReadsTheRuns() throws Exception {
        String token = signIn("manager@demo.grants.local");

        HttpResponse<String> runs = get("/api/programmes/l2d-2007-08/allocation-runs", token);

        assertThat(runs.statusCode()).isEqualTo(200);
        assertThat(Json.parse(runs.body()).get("programmeId").asText()).isEqualTo("l2d-2007-08");
    }

    @Test
    void withoutAValidTokenTheApiAnswers401() throws Exception {
        String token = signIn("auditor@demo.grants.local");
        String tampered = token.substring(0, token.length() - 4) + "AAAA";

        assertThat(get("/api/programmes/l2d-2007-08/allocation-runs", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/programmes/l2d-2007-08/allocation-runs", tampered).statusCode()).isEqualTo(401);
        assertThat(get("/api/programmes/l2d-2007-08/allocation-runs", "not-a-token").statusCode()).isEqualTo(401);
    }

    @Test
    void aCodeIsGoodOnceAndOnlyWithItsVerifier() throws Exception {
        String location = post("/login", signInFields("finance@demo.grants.local", PASSWORD))
                .headers().firstValue("location").orElseThrow();
        String code = location.replaceAll(".*code=([0-9a-f]+).*", "$1");
        Map<String, String> exchange = Map.of("grant_type", "authorization_code", "code", code,
                "code_verifier", "some-other-verifier-that-does-not-match-the-challenge", "redirect_uri",
                server.origin() + "/auth/callback", "client_id", LocalSignIn.CLIENT_ID);

        assertThat(post("/oauth2/token", exchange).statusCode()).isEqualTo(400);
        assertThat(post("/oauth2/token", Map.of("grant_type", "authorization_code", "code", code, "code_verifier",
                VERIFIER, "redirect_uri", server.origin() + "/auth/callback")).statusCode())
                .as("a code is spent by its first use").isEqualTo(400);
    }

    @Test
    void aWrongPasswordShowsTheProblemAndSignsNobodyIn() throws Exception {
        HttpResponse<String> refused = post("/login", signInFields("manager@demo.grants.local", "guess"));

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("There is a problem");
    }

    @Test
    void aPartnershipMemberSeesTheirOwnRowOnly() throws Exception {
        String manager = signIn("manager@demo.grants.local");
        HttpRequest dryRun = HttpRequest.newBuilder(URI.create(server.origin() + "/api/programmes/l2d-2007-08/allocation-runs"))
                .header("authorization", "Bearer " + manager)
                .POST(HttpRequest.BodyPublishers.ofString("{\"mode\":\"DRY_RUN\"}")).build();
        String inputHash = Json.parse(HTTP.send(dryRun, HttpResponse.BodyHandlers.ofString()).body()).get("inputHash").asText();
        HttpRequest commit = HttpRequest.newBuilder(URI.create(server.origin() + "/api/programmes/l2d-2007-08/allocation-runs"))
                .header("authorization", "Bearer " + manager)
                .POST(HttpRequest.BodyPublishers.ofString("{\"mode\":\"COMMIT\",\"inputHash\":\"" + inputHash + "\"}")).build();
        HttpResponse<String> committed = HTTP.send(commit, HttpResponse.BodyHandlers.ofString());
        JsonNode run = Json.parse(committed.body());
        String runId = run.has("runId") ? run.get("runId").asText()
                : run.at("/error/message").asText().replaceAll(".*Run (\\S+) already holds.*", "$1");
        String member = signIn("birmingham@demo.grants.local");

        HttpResponse<String> own = get("/api/programmes/l2d-2007-08/allocation-runs/" + runId + "/partnerships/birmingham", member);
        HttpResponse<String> another = get("/api/programmes/l2d-2007-08/allocation-runs/" + runId + "/partnerships/coventry", member);

        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(Json.parse(own.body()).get("finalGrantGbp").asText()).isEqualTo("19600.00");
        assertThat(another.statusCode()).isEqualTo(403);
    }
}
