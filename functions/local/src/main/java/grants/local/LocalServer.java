package grants.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.samskivert.mustache.Template;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import grants.core.access.Actor;
import grants.core.mail.Templates;
import grants.documents.Json;
import grants.http.Identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;

/**
 * The system on this machine as a browser sees it on AWS: sign-in as Cognito's hosted UI does it
 * (authorization code with PKCE), the same handlers under {@code /api/} with each request turned
 * into the API Gateway v2 event the Lambda would get, its claims filled in from a verified token
 * as the JWT authorizer would, and nothing without one. Bound to 127.0.0.1 only.
 */
final class LocalServer implements AutoCloseable {

    private static final Template SIGN_IN = Templates.html("/grants/local/sign-in.html.mustache");
    /** The largest request body API Gateway passes to a Lambda function. */
    private static final int MAX_BODY_BYTES = 6 * 1024 * 1024;

    private final HttpServer server;
    private final LocalFunctions functions;
    private final ApiRoutes routes;
    private final LocalIssuer issuer;
    private final LocalSignIn signIn;

    private LocalServer(HttpServer server, LocalFunctions functions, LocalIssuer issuer, LocalSignIn signIn) {
        this.server = server;
        this.functions = functions;
        this.routes = new ApiRoutes(LocalFunctions.apiRoutes());
        this.issuer = issuer;
        this.signIn = signIn;
    }

    static LocalServer start(LocalFunctions functions, int port, List<LocalSignIn.DemoUser> users) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        String origin = "http://127.0.0.1:" + server.getAddress().getPort();
        LocalServer local = new LocalServer(server, functions, new LocalIssuer(origin, Clock.systemUTC()),
                new LocalSignIn(users, origin, Clock.systemUTC()));
        server.createContext("/oauth2/authorize", exchange -> local.respond(exchange, local::authorize));
        server.createContext("/login", exchange -> local.respond(exchange, local::login));
        server.createContext("/logout", exchange -> local.respond(exchange, local::logout));
        server.createContext("/oauth2/token", exchange -> local.respond(exchange, local::token));
        server.createContext("/.well-known/jwks.json", exchange -> local.respond(exchange,
                e -> new Reply(200, "application/json", local.issuer.jwks(), Map.of())));
        server.createContext("/api/", exchange -> local.respond(exchange, local::api));
        // EventBridge Scheduler's part on a laptop: POST here runs the monitoring reminders' daily run now.
        server.createContext("/local/monitor-daily-run", exchange -> local.respond(exchange, local::monitorDailyRun));
        // ... and here governance's daily escalation run.
        server.createContext("/local/govern-daily-run", exchange -> local.respond(exchange, local::governDailyRun));
        server.createContext("/config.json", exchange -> local.respond(exchange, local::consoleConfig));
        server.createContext("/", exchange -> local.respond(exchange, local::console));
        server.setExecutor(Executors.newFixedThreadPool(4));
        // Each demo user bound as a manager binds people: what their ID tokens carry comes from there.
        ServeCommand.bindDemoUsers(functions, users);
        server.start();
        return local;
    }

    String origin() {
        return issuer.issuer();
    }

    /** The user pool's stand-in: for tests that forge or age tokens. */
    LocalIssuer issuer() {
        return issuer;
    }

    private record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {

        Reply(int status, String contentType, String body, Map<String, String> headers) {
            this(status, contentType, body.getBytes(StandardCharsets.UTF_8), headers);
        }
    }

    @FunctionalInterface
    private interface Page {
        Reply handle(HttpExchange exchange) throws IOException;
    }

    /** A request this server cannot read, such as a form with a broken %-escape: answered 400, never 500. */
    private static final class BadRequest extends RuntimeException {
        BadRequest(String why) {
            super(why);
        }
    }

    /** A request body over what API Gateway passes on. */
    private static final class TooLarge extends IOException {
        TooLarge() {
            super("request body over " + MAX_BODY_BYTES + " bytes");
        }
    }

    private void respond(HttpExchange exchange, Page page) {
        try (exchange) {
            Reply reply;
            try {
                reply = ownHost(exchange) ? page.handle(exchange)
                        : new Reply(421, "text/plain; charset=utf-8", "This server answers only as " + origin() + ".", Map.of());
            } catch (BadRequest bad) {
                reply = new Reply(400, "text/plain; charset=utf-8", "Bad request: " + bad.getMessage(), Map.of());
            } catch (TooLarge tooLarge) {
                reply = new Reply(413, "application/json", "{\"message\":\"Request Entity Too Large\"}", Map.of());
            } catch (RuntimeException unexpected) {
                System.err.println("ERROR serving " + exchange.getRequestURI().getPath() + ": " + unexpected);
                reply = new Reply(500, "text/plain; charset=utf-8", "Something went wrong on this server; see its log.",
                        Map.of());
            }
            exchange.getResponseHeaders().set("content-type", reply.contentType());
            exchange.getResponseHeaders().set("x-content-type-options", "nosniff");
            exchange.getResponseHeaders().set("cache-control", "no-store");
            // As CloudFront's response headers policy does on AWS: nothing runs or loads from anywhere else.
            exchange.getResponseHeaders().set("content-security-policy", "default-src 'self'; script-src 'self';"
                    + " style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; form-action 'self';"
                    + " frame-ancestors 'none'; base-uri 'none'; object-src 'none'");
            exchange.getResponseHeaders().set("x-frame-options", "DENY");
            exchange.getResponseHeaders().set("referrer-policy", "no-referrer");
            reply.headers().forEach(exchange.getResponseHeaders()::set);
            byte[] body = reply.body();
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Only requests addressed to this server by its own name: a page on another site that points a
     * name of its own at 127.0.0.1 (DNS rebinding) sends its own Host, and is refused.
     */
    private boolean ownHost(HttpExchange exchange) {
        return origin().equals("http://" + exchange.getRequestHeaders().getFirst("host"));
    }

    /** Where the console signs in and out: on AWS, Cognito's hosted UI; here, this server's stand-in for it. */
    private Reply consoleConfig(HttpExchange exchange) {
        return new Reply(200, "application/json", Json.write(Json.object()
                .put("authorizeUrl", "/oauth2/authorize").put("tokenUrl", "/oauth2/token")
                .put("logoutUrl", "/logout").put("signedOutUri", signIn.signedOutUri())
                .put("clientId", LocalSignIn.CLIENT_ID).put("redirectUri", signIn.callbackUri())), Map.of());
    }

    /** The hosted UI's sign-out: for the console's client, back to its registered sign-out page only. */
    private Reply logout(HttpExchange exchange) {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        if (!LocalSignIn.CLIENT_ID.equals(query.get("client_id")) || !signIn.signedOutUri().equals(query.get("logout_uri"))) {
            return new Reply(400, "text/plain; charset=utf-8", "This sign-out link is not one the console makes.", Map.of());
        }
        return new Reply(302, "text/plain; charset=utf-8", "", Map.of("location", signIn.signedOutUri()));
    }

    /** The console's files; every other page path is the console's page, which reads the path itself. */
    private Reply console(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!exchange.getRequestMethod().equals("GET") || path.contains("..")) {
            return new Reply(404, "text/plain; charset=utf-8", "Not found", Map.of());
        }
        boolean asset = path.startsWith("/govuk/") || path.startsWith("/assets/")
                || path.matches("(/[a-z][A-Za-z-]*)+\\.(js|css)");
        String name = asset ? path : "/index.html";
        Optional<ConsoleFiles.File> file = ConsoleFiles.read(name);
        if (file.isEmpty()) {
            return new Reply(404, "text/plain; charset=utf-8", "Not found", Map.of());
        }
        // The browser keeps each file and asks whether it has changed: an unchanged file is a 304 with no
        // body, and the browser reuses what it compiled, instead of fetching and compiling 80 modules a page.
        Map<String, String> revalidate = Map.of("cache-control", "no-cache", "etag", file.get().etag());
        if (file.get().etag().equals(exchange.getRequestHeaders().getFirst("if-none-match"))) {
            return new Reply(304, ConsoleFiles.contentType(name), new byte[0], revalidate);
        }
        return new Reply(200, ConsoleFiles.contentType(name), file.get().bytes(), revalidate);
    }

    /** The sign-in form, carrying the client's PKCE challenge and where to return. */
    private Reply authorize(HttpExchange exchange) {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        if (!LocalSignIn.CLIENT_ID.equals(query.get("client_id")) || !"code".equals(query.get("response_type"))
                || !"S256".equals(query.get("code_challenge_method")) || !signIn.isOwnRedirect(query.getOrDefault("redirect_uri", ""))) {
            return new Reply(400, "text/plain; charset=utf-8", "This sign-in link is not one the console makes.", Map.of());
        }
        return signInPage(query, null);
    }

    private static final List<String> SIGN_IN_FIELDS = List.of("client_id", "redirect_uri", "state", "code_challenge",
            "code_challenge_method", "email");

    /** The form again, with what was typed (never the password) and the problem, if any. */
    private Reply signInPage(Map<String, String> fields, String error) {
        Map<String, Object> values = new HashMap<>();
        SIGN_IN_FIELDS.forEach(name -> values.put(name, fields.getOrDefault(name, "")));
        values.put("error", error == null ? List.of() : List.of(Map.of("message", error)));
        values.put("users", signIn.users().stream().map(u -> Map.of("email", u.person().email(),
                "roles", u.person().roles().iterator().next().group())).toList());
        return new Reply(error == null ? 200 : 401, "text/html; charset=utf-8", SIGN_IN.execute(values), Map.of());
    }

    private Reply login(HttpExchange exchange) throws IOException {
        Map<String, String> fields = form(body(exchange));
        LocalSignIn.Attempt attempt = signIn.signIn(fields.getOrDefault("email", ""), fields.getOrDefault("password", ""),
                fields.get("code_challenge"), fields.getOrDefault("redirect_uri", ""));
        if (attempt instanceof LocalSignIn.Attempt.LockedOut locked) {
            Reply page = signInPage(fields, "Too many wrong passwords for this address: try again after "
                    + locked.until().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + " (UTC)");
            return new Reply(429, page.contentType(), page.body(), Map.of("retry-after", Long.toString(Math.max(1,
                    java.time.Duration.between(java.time.Instant.now(), locked.until()).toSeconds()))));
        }
        if (!(attempt instanceof LocalSignIn.Attempt.SignedIn signedIn)) {
            return signInPage(fields, "Enter the email address and password of one of the demo users");
        }
        String location = fields.get("redirect_uri") + "?code=" + signedIn.code() + "&state="
                + URLEncoder.encode(fields.getOrDefault("state", ""), StandardCharsets.UTF_8);
        return new Reply(302, "text/plain; charset=utf-8", "", Map.of("location", location));
    }

    private Reply token(HttpExchange exchange) throws IOException {
        Map<String, String> fields = form(body(exchange));
        Optional<Actor> person = "authorization_code".equals(fields.get("grant_type"))
                ? signIn.redeem(fields.get("code"), fields.get("code_verifier"), fields.getOrDefault("redirect_uri", ""))
                : Optional.empty();
        if (person.isEmpty()) {
            return new Reply(400, "application/json", "{\"error\":\"invalid_grant\"}", Map.of());
        }
        // As the user pool does: the pre token generation trigger (SignInClaims) adds the bindings to the ID token.
        String idToken = issuer.idToken(person.get(), functions.signInClaims(person.get().subject()));
        return new Reply(200, "application/json", Json.write(Json.object().put("id_token", idToken)
                .put("access_token", issuer.accessToken(person.get())).put("token_type", "Bearer")
                .put("expires_in", 3600)), Map.of());
    }

    /** A request to the API: verified as the JWT authorizer would, then the handler's own event. */
    /** POST: the monitoring reminders' daily run, now; answers what it did. Only this machine reaches it. */
    private Reply monitorDailyRun(HttpExchange exchange) {
        return dailyRun(exchange, "the daily reminder run", functions::monitorDailyRun);
    }

    /** POST: governance's daily escalation run, now; answers what it did. Only this machine reaches it. */
    private Reply governDailyRun(HttpExchange exchange) {
        return dailyRun(exchange, "the daily escalation run", functions::governDailyRun);
    }

    private static Reply dailyRun(HttpExchange exchange, String name, java.util.function.Supplier<String> run) {
        if (!exchange.getRequestMethod().equals("POST")) {
            return new Reply(405, "text/plain; charset=utf-8", "POST to run " + name + ".", Map.of("allow", "POST"));
        }
        return new Reply(200, "text/plain; charset=utf-8", run.get(), Map.of());
    }

    private Reply api(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath().substring("/api".length());
        Optional<ApiRoutes.Match> match = routes.match(exchange.getRequestMethod(), path);
        Optional<Map<String, String>> claims = bearer(exchange).flatMap(issuer::verify);
        boolean open = match.filter(route -> LocalFunctions.publicApiRoutes().contains(route.routeKey())).isPresent();
        if (claims.isEmpty() && !open) {
            return new Reply(401, "application/json", "{\"message\":\"Unauthorized\"}", Map.of());
        }
        if (match.isEmpty()) {
            return new Reply(404, "application/json", "{\"message\":\"Not Found\"}", Map.of());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
        headers.remove("authorization");
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withRouteKey(match.get().routeKey())
                .withRawPath(path)
                .withPathParameters(match.get().pathParameters())
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withHeaders(headers)
                .withBody(body(exchange))
                .withIsBase64Encoded(false)
                .withRequestContext(claims.map(Identity::verified).orElse(null))
                .build();
        APIGatewayV2HTTPResponse response = functions.api(event);
        Map<String, String> extra = new HashMap<>(response.getHeaders() == null ? Map.of() : response.getHeaders());
        String contentType = extra.getOrDefault("content-type", "application/json");
        extra.remove("content-type");
        return new Reply(response.getStatusCode(), contentType, response.getBody() == null ? "" : response.getBody(), extra);
    }

    private static Optional<String> bearer(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("authorization");
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(header.startsWith("Bearer ") ? header.substring("Bearer ".length()).strip() : header.strip());
    }

    private static String body(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new TooLarge();
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (encoded == null || encoded.isBlank()) {
            return fields;
        }
        for (String pair : encoded.split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            try {
                fields.put(URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8),
                        nameAndValue.length > 1 ? URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8) : "");
            } catch (IllegalArgumentException brokenEscape) {
                throw new BadRequest("a form field is not URL-encoded: " + brokenEscape.getMessage());
            }
        }
        return fields;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
