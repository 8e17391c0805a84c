package grants.local;

import com.fasterxml.jackson.databind.JsonNode;
import grants.core.notices.Notice;
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
        // As serve does: the demo register and its governance seeded on their own days, then today's clock.
        ReplayClock clock = new ReplayClock(java.time.LocalDate.now());
        functions = LocalFunctions.start(state, clock, grants.core.run.CommitJobs.DEFAULT_BACKGROUND_ABOVE);
        DemoRegister.seed(functions, clock, LocalFunctions.OPERATOR);
        DemoGovernance.seed(functions, clock);
        clock.followTheSystemClock();
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
    void aManagerKeepsAnIndicatorRegisterAndThePublicReadsWhatMeetingsPublishedWithoutSigningIn() throws Exception {
        String token = signIn("manager@demo.grants.local");

        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(server.origin()
                        + "/api/registers/demo-laa")).header("authorization", "Bearer " + token)
                .header("content-type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"note\": \"The demo area agreement\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> published = get("/api/public/registers/demo-laa/figures", null);

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(Json.parse(get("/api/registers/demo-laa", token).body()).path("note").asText())
                .isEqualTo("The demo area agreement");
        assertThat(get("/api/registers/demo-laa", null).statusCode()).isEqualTo(401);
        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(Json.parse(published.body()).path("figures")).as("no board meeting has reviewed a quarter").isEmpty();
        HttpResponse<String> openData = get("/api/public/registers/demo-laa/observations.csv", null);
        assertThat(openData.statusCode()).as("open data, without signing in").isEqualTo(200);
        assertThat(openData.headers().firstValue("content-type")).hasValue("text/csv; charset=utf-8");
        assertThat(openData.body()).isEqualTo("indicator_id,reference,period,value,status,target_to_date,published_on\n");
    }

    @Test
    void theClerkSetsUpTheBoardAndThePublicReadsTheDecisionsLogWithoutSigningIn() throws Exception {
        String token = signIn("manager@demo.grants.local");

        HttpResponse<String> board = HTTP.send(HttpRequest.newBuilder(URI.create(server.origin()
                        + "/api/registers/demo-laa/governance/bodies/board")).header("authorization", "Bearer " + token)
                .header("content-type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\": \"The board\", \"kind\": \"BOARD\", "
                        + "\"decisionMaking\": true, \"quorum\": 1, \"members\": [{\"person\": \"chair\", "
                        + "\"role\": \"CHAIR\"}]}")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> published = get("/api/public/registers/demo-laa/governance/decisions", null);

        assertThat(board.statusCode()).as(board.body()).isEqualTo(200);
        assertThat(Json.parse(board.body()).path("members").get(0).path("role").asText()).isEqualTo("CHAIR");
        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(Json.parse(published.body()).path("decisions")).as("no decision recorded yet").isEmpty();
        assertThat(get("/api/registers/demo-laa/governance/decisions", null).statusCode()).isEqualTo(401);
    }

    @Test
    void theDemoBoardIsServedItsOwnerSignsInToTheirWorkAndTheEscalationIsEmailedToThemAndTheChair() throws Exception {
        String register = "/api/registers/" + DemoRegister.REGISTER_ID + "/governance";
        String chair = signIn("chair@demo.grants.local");
        JsonNode quorum = Json.parse(get(register + "/bodies/clpsb/meetings/2009-11-19/quorum", chair).body());
        assertThat(quorum.path("voting").toString()).as("the demo board met on 19 November 2009")
                .contains("board-catherine", "board-lucy").doesNotContain("gowm-alan");

        JsonNode work = Json.parse(get(register + "/my-work", signIn("owner@demo.grants.local")).body());
        assertThat(work.path("actions").get(0).path("id").asText()).isEqualTo("clpsb-2009-11-19-01");
        assertThat(work.path("actions").get(0).path("escalatedOn").asText()).isEqualTo("2010-02-15");
        assertThat(work.path("recommendations").get(0).path("id").asText()).isEqualTo("clpsb-2009-11-19-02");

        // Queued with its ledger row; the table stream and SendNotices take it to SES as every notice (the replay's outbox).
        assertThat(functions.wiring().notices().withPrefix(DemoRegister.REGISTER_ID, Notice.REMINDER_KEY))
                .as("one email, to the owner and the board's chair").singleElement().satisfies(notice -> {
                    assertThat(notice.key()).isEqualTo("reminder/escalation/coventry-laa-demo/clpsb-2009-11-19-01");
                    assertThat(notice.recipients()).containsExactly("martin.cole@coventry-partnership.example",
                            "catherine.rowe@coventry-partnership.example");
                });
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

    @Test
    void theAccessTokenOfASignInIsRefusedByTheApi() throws Exception {
        HttpResponse<String> signedIn = post("/login", signInFields("finance@demo.grants.local", PASSWORD));
        String code = signedIn.headers().firstValue("location").orElseThrow().replaceAll(".*code=([0-9a-f]+).*", "$1");
        JsonNode tokens = Json.parse(post("/oauth2/token", Map.of("grant_type", "authorization_code", "code", code,
                "code_verifier", VERIFIER, "redirect_uri", server.origin() + "/auth/callback", "client_id",
                LocalSignIn.CLIENT_ID)).body());

        assertThat(get("/api/programmes/l2d-2007-08/allocation-runs", tokens.get("id_token").asText()).statusCode())
                .isEqualTo(200);
        assertThat(get("/api/programmes/l2d-2007-08/allocation-runs", tokens.get("access_token").asText()).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aTokenFromTheFutureOrNotYetValidOrUnderAnotherKeyIdIsRefused() throws Exception {
        java.time.Instant now = java.time.Instant.now();
        com.nimbusds.jwt.JWTClaimsSet.Builder valid = new com.nimbusds.jwt.JWTClaimsSet.Builder()
                .issuer(server.origin()).audience(LocalIssuer.AUDIENCE).subject("demo-auditor")
                .claim("token_use", "id").claim("cognito:groups", "[auditor]")
                .claim("grants:bindings", "{\"*\":{\"name\":\"auditor\"}}")
                .issueTime(java.util.Date.from(now.minusSeconds(5))).expirationTime(java.util.Date.from(now.plusSeconds(600)));
        String path = "/api/programmes/l2d-2007-08/allocation-runs";

        assertThat(get(path, server.issuer().sign(valid.build())).statusCode()).isEqualTo(200);
        assertThat(get(path, server.issuer().sign(new com.nimbusds.jwt.JWTClaimsSet.Builder(valid.build())
                .issueTime(java.util.Date.from(now.plusSeconds(600))).build())).statusCode()).isEqualTo(401);
        assertThat(get(path, server.issuer().sign(new com.nimbusds.jwt.JWTClaimsSet.Builder(valid.build())
                .notBeforeTime(java.util.Date.from(now.plusSeconds(600))).build())).statusCode()).isEqualTo(401);
        String[] parts = server.issuer().sign(valid.build()).split("\\.");
        String otherKid = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"kid\":\"another-key\",\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(get(path, otherKid + "." + parts[1] + "." + parts[2]).statusCode()).isEqualTo(401);
    }

    @Test
    void onlyTheRegisteredCallbackReceivesACodeCharacterForCharacter() throws Exception {
        for (String redirect : new String[] {server.origin() + "/auth/callback/../../api", server.origin() + "/",
                server.origin() + "/auth/callback?next=/x", server.origin().replace("127.0.0.1", "localhost") + "/auth/callback"}) {
            Map<String, String> fields = new java.util.HashMap<>(signInFields("manager@demo.grants.local", PASSWORD));
            fields.put("redirect_uri", redirect);
            assertThat(post("/login", fields).statusCode()).as(redirect).isEqualTo(401);
        }
    }

    @Test
    void aRequestForAnotherHostNameIsRefused() throws Exception {
        URI origin = URI.create(server.origin());
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", origin.getPort())) {
            socket.getOutputStream().write(("GET /config.json HTTP/1.1\r\nHost: rebound.example:" + origin.getPort()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 421");
        }
        assertThat(get("/config.json", null).statusCode()).isEqualTo(200);
    }

    @Test
    void theConsolesFilesAreKeptByTheBrowserAndSentAgainOnlyWhenChanged() throws Exception {
        HttpResponse<String> first = get("/console.js", null);
        String etag = first.headers().firstValue("etag").orElseThrow();
        assertThat(first.headers().firstValue("cache-control")).hasValue("no-cache");
        HttpResponse<String> unchanged = HTTP.send(HttpRequest.newBuilder(URI.create(server.origin() + "/console.js"))
                .header("if-none-match", etag).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        HttpResponse<String> older = HTTP.send(HttpRequest.newBuilder(URI.create(server.origin() + "/console.js"))
                .header("if-none-match", "\"an-older-version\"").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(older.statusCode()).isEqualTo(200);
        assertThat(older.body()).isEqualTo(first.body());
        assertThat(get("/api/programmes", null).headers().firstValue("cache-control")).as("the API's answers are never kept")
                .hasValue("no-store");
    }

    @Test
    void repeatedWrongPasswordsLockTheAddressOutEvenFromTheRightOne() throws Exception {
        for (int attempt = 1; attempt < LocalSignIn.FREE_FAILURES; attempt++) {
            assertThat(post("/login", signInFields("subgroup@demo.grants.local", "guess-" + attempt)).statusCode())
                    .isEqualTo(401);
        }
        assertThat(post("/login", signInFields("subgroup@demo.grants.local", "guess-last")).statusCode()).isEqualTo(429);

        HttpResponse<String> right = post("/login", signInFields("subgroup@demo.grants.local", PASSWORD));
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(right.body()).contains("Too many wrong passwords");
        assertThat(right.headers().firstValue("location")).isEmpty();
    }

    @Test
    void aFormWithABrokenEscapeIsA400NotA500() throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(server.origin() + "/login"))
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=%zz&password=%")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> token = HTTP.send(HttpRequest.newBuilder(URI.create(server.origin() + "/oauth2/token"))
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=%E0%A4%A")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(token.statusCode()).isEqualTo(400);
    }

    @Test
    void signingOutGoesBackToTheConsolesOwnSignedOutPageOnly() throws Exception {
        String signedOut = server.origin() + "/sign-out";
        JsonNode config = Json.parse(get("/config.json", null).body());

        HttpResponse<String> out = get(config.get("logoutUrl").asText() + "?client_id=" + LocalSignIn.CLIENT_ID
                + "&logout_uri=" + URLEncoder.encode(config.get("signedOutUri").asText(), StandardCharsets.UTF_8), null);
        HttpResponse<String> elsewhere = get("/logout?client_id=" + LocalSignIn.CLIENT_ID + "&logout_uri="
                + URLEncoder.encode("https://evil.example/", StandardCharsets.UTF_8), null);

        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("location")).contains(signedOut);
        assertThat(elsewhere.statusCode()).isEqualTo(400);
    }

    @Test
    void theDemoBoardMemberIsBoundInTheDemoRoundOnly() throws Exception {
        String board = signIn("board@demo.grants.local");

        assertThat(get("/api/rounds/" + ServeCommand.DEMO_ROUND, board).statusCode()).isNotIn(401, 403);
        assertThat(get("/api/rounds/another-round", board).statusCode()).isEqualTo(403);
        assertThat(get("/api/programmes/l2d-2007-08/allocation-runs", board).statusCode()).isEqualTo(403);
    }
}
