package grants.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import grants.core.access.ForbiddenException;
import grants.core.access.Role;
import grants.core.errors.ConflictException;
import grants.core.errors.InvalidInputException;
import grants.core.errors.NotFoundException;
import grants.documents.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The HTTP plumbing every API function shares: requests read with named errors, failures mapped to statuses. */
class ApiHandlerTest {

    private static final String ROUTE = "GET /things/{thingId}";
    private static final Map<String, Access> ACCESS = Map.of(ROUTE, Access.by("read things", Role.AUDITOR));

    /** What API Gateway's JWT authorizer hands on once it has verified a token with these claims. */
    private static APIGatewayV2HTTPEvent.RequestContext signedIn(Map<String, String> claims) {
        return APIGatewayV2HTTPEvent.RequestContext.builder().withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer
                .builder().withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims)
                        .build()).build()).build();
    }

    private static APIGatewayV2HTTPEvent request(Map<String, String> path, Map<String, String> headers, String body,
                                                 boolean base64) {
        return APIGatewayV2HTTPEvent.builder().withRouteKey(ROUTE).withPathParameters(path)
                .withHeaders(headers).withBody(body).withIsBase64Encoded(base64)
                .withRequestContext(signedIn(Map.of("sub", "u-1", "email", "auditor@region.example",
                        "cognito:groups", "[auditor]", "token_use", "id", BindingClaims.CLAIM, "{\"*\":{\"name\":\"A\"}}")))
                .build();
    }

    private static APIGatewayV2HTTPResponse answer(RuntimeException failure) {
        return ApiHandler.handle(request(Map.of(), Map.of(), null, false), null, ACCESS, (event, actor) -> {
            throw failure;
        });
    }

    @Test
    void aRequestWithoutAVerifiedCallerIsA401AndNothingRuns() {
        APIGatewayV2HTTPEvent anonymous = APIGatewayV2HTTPEvent.builder().withRouteKey(ROUTE).build();

        APIGatewayV2HTTPResponse response = ApiHandler.handle(anonymous, null, ACCESS, (event, actor) -> {
            throw new AssertionError("the route ran for nobody");
        });

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(Json.parse(response.getBody()).at("/error/code").asText()).isEqualTo("NOT_SIGNED_IN");
    }

    @Test
    void aRoleTheRouteDoesNotAllowIsA403InPlainWordsAndNothingRuns() {
        APIGatewayV2HTTPEvent member = request(Map.of(), Map.of(), null, false);
        member.setRequestContext(signedIn(Map.of("sub", "u-2", "email", "clerk@rugby.gov.uk", "token_use", "id",
                "cognito:groups", "[partnership-member]", BindingClaims.CLAIM, everywhere("partnershipId", "rugby"))));

        APIGatewayV2HTTPResponse response = ApiHandler.handle(member, null, ACCESS, (event, actor) -> {
            throw new AssertionError("the route ran for a refused caller");
        });

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(Json.parse(response.getBody()).at("/error/message").asText())
                .contains("clerk@rugby.gov.uk", "does not allow you to read things");
    }

    private static String everywhere(String field, String id) {
        return "{\"*\":{\"name\":\"Someone\",\"" + field + "\":\"" + id + "\"}}";
    }

    private static APIGatewayV2HTTPEvent requestIn(String programmeId, Map<String, String> claims) {
        APIGatewayV2HTTPEvent event = request(Map.of("programmeId", programmeId), Map.of(), null, false);
        event.setRequestContext(signedIn(claims));
        return event;
    }

    @Test
    void theTokensGroupsScopesAndOwnRecordsMakeTheActor() {
        APIGatewayV2HTTPEvent event = request(Map.of(), Map.of(), null, false);
        event.setRequestContext(signedIn(Map.of("sub", "u-3", "token_use", "id",
                "cognito:groups", "[adviser partnership-member]", BindingClaims.CLAIM,
                "{\"*\":{\"name\":\"Ann\",\"adviserId\":\"adviser-health\",\"partnershipId\":\"rugby\"}}")));
        APIGatewayV2HTTPEvent machine = request(Map.of(), Map.of(), null, false);
        machine.setRequestContext(signedIn(Map.of("sub", "finance-client", "token_use", "access",
                "client_id", "finance-client", "scope", "grants/finance.read")));

        assertThat(Identity.of(event).roles()).containsExactlyInAnyOrder(Role.ADVISER, Role.PARTNERSHIP_MEMBER);
        assertThat(Identity.of(event).isAdviser("adviser-health")).isTrue();
        assertThat(Identity.of(event).isMemberOf("rugby")).isTrue();
        assertThat(Identity.of(event).isMemberOf("warwick")).isFalse();
        assertThat(Identity.of(machine, "finance-client").roles()).containsExactly(Role.FINANCE_OFFICER);
    }

    @Test
    void aUserRewritingTheirPoolAttributesGainsNothing() {
        // What UpdateUserAttributes once let anyone put in their own ID token: every custom attribute.
        APIGatewayV2HTTPEvent rewritten = requestIn("l2d-2007-08", Map.of("sub", "u-5", "token_use", "id",
                "cognito:groups", "[partnership-member]", "custom:partnershipId", "warwick",
                "custom:programmes", "l2d-2007-08", "custom:personId", "board-01", "custom:organisationId", "org-1",
                "custom:adviserId", "adviser-health"));

        var actor = Identity.of(rewritten);

        assertThat(actor.isMemberOf("warwick")).isFalse();
        assertThat(actor.personId()).isEmpty();
        assertThat(actor.organisationId()).isEmpty();
        assertThat(actor.adviserId()).isEmpty();
        assertThatThrownBy(() -> Access.by("read a grant", Role.AUDITOR).orMemberOf("programmeId").check(actor, rewritten))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("l2d-2007-08");
    }

    @Test
    void anAccessTokenOfAPersonIsRefusedEvenWithTheirGroups() {
        // The console's access token of the same sign-in: groups, but no bindings, and not the finance client.
        Map<String, String> access = Map.of("sub", "u-6", "token_use", "access", "client_id", "console-client",
                "cognito:groups", "[programme-manager]", "scope", "openid email profile");

        APIGatewayV2HTTPResponse response = ApiHandler.handle(requestIn("coventry-2008", access), null,
                "finance-client", ACCESS, (event, actor) -> {
                    throw new AssertionError("the route ran for a person's access token");
                });

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(response.getBody()).contains("ID token");
    }

    @Test
    void anAccessTokenWithTheFinanceScopeButAnotherClientIsRefused() {
        Map<String, String> access = Map.of("sub", "x", "token_use", "access", "client_id", "another-client",
                "scope", "grants/finance.read");

        assertThatThrownBy(() -> Identity.of(requestIn("l2d-2007-08", access), "finance-client"))
                .isInstanceOf(grants.core.access.NotSignedInException.class);
        assertThatThrownBy(() -> Identity.of(requestIn("l2d-2007-08", access)))
                .isInstanceOf(grants.core.access.NotSignedInException.class);
    }

    @Test
    void aTokenWithoutTokenUseIsRefused() {
        assertThatThrownBy(() -> Identity.of(requestIn("l2d-2007-08", Map.of("sub", "u-7",
                "cognito:groups", "[auditor]", BindingClaims.CLAIM, "{\"*\":{\"name\":\"A\"}}"))))
                .isInstanceOf(grants.core.access.NotSignedInException.class);
    }

    @Test
    void rolesBoundInSomeProgrammesApplyInThoseOnlyAndNoBindingMeansNothing() {
        Access reading = Access.by("read runs", Role.AUDITOR);
        Map<String, String> claims = Map.of("sub", "u-4", "token_use", "id", "cognito:groups", "[auditor]",
                BindingClaims.CLAIM, "{\"l2d-2007-08\":{\"name\":\"A\"},\"l2d-2008-09\":{\"name\":\"A\"}}");
        Map<String, String> unbound = Map.of("sub", "u-8", "token_use", "id", "cognito:groups", "[auditor]");

        reading.check(Identity.of(requestIn("l2d-2007-08", claims)), requestIn("l2d-2007-08", claims));
        assertThatThrownBy(() -> reading.check(Identity.of(requestIn("coventry-2008", claims)),
                requestIn("coventry-2008", claims))).isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("coventry-2008");
        assertThatThrownBy(() -> reading.check(Identity.of(requestIn("l2d-2007-08", unbound)),
                requestIn("l2d-2007-08", unbound))).isInstanceOf(ForbiddenException.class);
        assertThat(Identity.of(requestIn("l2d-2007-08", claims)).programmes())
                .containsExactlyInAnyOrder("l2d-2007-08", "l2d-2008-09");
    }

    @Test
    void anUnreadableBindingsClaimBindsNothing() {
        for (String claim : new String[] {"not json", "[\"*\"]", "{\"*\":{\"name\":\"A\",\"partnershipId\":\"a b\"}}"}) {
            var actor = Identity.of(requestIn("l2d-2007-08", Map.of("sub", "u-10", "token_use", "id",
                    "cognito:groups", "[partnership-member]", BindingClaims.CLAIM, claim)));
            assertThat(actor.worksOn("l2d-2007-08")).as(claim).isFalse();
            assertThat(actor.partnershipId()).as(claim).isEmpty();
        }
    }

    @Test
    void theRecordsThatAreTheirOwnAreThoseOfTheRoundTheRequestNames() {
        Map<String, String> claims = Map.of("sub", "u-9", "token_use", "id", "cognito:groups", "[board-member]",
                BindingClaims.CLAIM, "{\"round-a\":{\"name\":\"B\",\"personId\":\"board-01\"},"
                        + "\"round-b\":{\"name\":\"B\",\"personId\":\"board-07\"}}");

        assertThat(Identity.of(requestIn("round-a", claims)).is(Role.BOARD_MEMBER, "board-01")).isTrue();
        assertThat(Identity.of(requestIn("round-b", claims)).is(Role.BOARD_MEMBER, "board-01")).isFalse();
        assertThat(Identity.of(requestIn("round-c", claims)).personId()).isEmpty();
    }

    @Test
    void aMemberIsAllowedTheirOwnPartnershipOnly() {
        Access ownRow = Access.by("read a grant", Role.FINANCE_OFFICER).orMemberOf("partnershipId");
        APIGatewayV2HTTPEvent own = request(Map.of("partnershipId", "rugby"), Map.of(), null, false);
        own.setRequestContext(signedIn(Map.of("sub", "u-2", "cognito:groups", "[partnership-member]",
                "token_use", "id", BindingClaims.CLAIM, everywhere("partnershipId", "rugby"))));
        APIGatewayV2HTTPEvent another = request(Map.of("partnershipId", "warwick"), Map.of(), null, false);
        another.setRequestContext(own.getRequestContext());

        ownRow.check(Identity.of(own), own);
        assertThatThrownBy(() -> ownRow.check(Identity.of(another), another)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void eachKindOfFailureHasItsStatusAndNamesTheField() {
        assertThat(answer(InvalidInputException.of("partnerships[3].county", "is required")).getStatusCode()).isEqualTo(400);
        assertThat(Json.parse(answer(InvalidInputException.of("partnerships[3].county", "is required")).getBody())
                .at("/error/details/0/field").asText()).isEqualTo("partnerships[3].county");
        assertThat(answer(new NotFoundException("no such run")).getStatusCode()).isEqualTo(404);
        assertThat(answer(new ConflictException("BUSY", "try again")).getStatusCode()).isEqualTo(409);
    }

    @Test
    void anUnexpectedFailureIsA500ThatShowsNothingOfTheInternals() {
        APIGatewayV2HTTPResponse response = answer(new IllegalStateException("table grants-prod-7 is missing"));

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(response.getBody()).contains("INTERNAL_ERROR").doesNotContain("grants-prod-7", "IllegalState");
    }

    /** The log keeps the failure and its trace, and drops any address its messages quote. */
    @Test
    void anUnexpectedFailureIsLoggedWithoutTheAddressesItQuotes() {
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stderr = System.err;
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            answer(new IllegalStateException("no contact clerk@rugby.gov.uk in partnership rugby"));
        } finally {
            System.setErr(stderr);
        }

        assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("ERROR request", "IllegalStateException", "no contact [address] in partnership rugby")
                .doesNotContain("clerk@", "rugby.gov.uk");
    }

    @Test
    void anUnknownRouteIsA404NamingIt() {
        APIGatewayV2HTTPResponse response = ApiHandler.handle(request(Map.of(), Map.of(), null, false), null, ACCESS,
                (event, actor) -> Optional.empty());

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getBody()).contains("GET /things/{thingId}");
    }

    @Test
    void aPathIdOutsideItsAlphabetIsRefusedNamingIt() {
        assertThatThrownBy(() -> HttpRequests.pathId(request(Map.of("thingId", "../etc"), Map.of(), null, false), "thingId"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).details().get(0).field()).isEqualTo("thingId"));
    }

    @Test
    void aBase64BodyIsDecodedAndAnEmptyOneRefused() {
        String encoded = Base64.getEncoder().encodeToString("{\"mode\":\"DRY_RUN\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(HttpRequests.body(request(Map.of(), Map.of(), encoded, true)).get("mode").asText()).isEqualTo("DRY_RUN");
        assertThatThrownBy(() -> HttpRequests.body(request(Map.of(), Map.of(), "", false)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("body");
    }

    @Test
    void theIdempotencyKeyIsReadWhateverTheHeadersCase() {
        APIGatewayV2HTTPEvent event = request(Map.of(), Map.of("Idempotency-Key", "commit-1"), null, false);

        assertThat(HttpRequests.idempotencyKey(event)).hasValueSatisfying(key -> assertThat(key.value()).isEqualTo("commit-1"));
        assertThatThrownBy(() -> HttpRequests.idempotencyKey(request(Map.of(), Map.of("idempotency-key", "a b"), null, false)))
                .isInstanceOf(InvalidInputException.class);
    }
}
