package grants.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import grants.core.access.Actor;
import grants.core.access.Binding;
import grants.core.access.NotSignedInException;
import grants.core.access.Role;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The caller, from the claims API Gateway's JWT authorizer puts in the request once it has
 * verified the token (the local server does the same after verifying it).
 *
 * <p>A person is taken only from an ID token ({@code token_use = id}): its Cognito groups are
 * their roles, which only administrators change, and {@link BindingClaims#CLAIM}, written from
 * the grants table by SignInClaims, says where those roles apply and which records are their own.
 * A binding for the programme or round the request names is used, else one bound everywhere;
 * with neither they may do nothing there. User pool attributes ({@code custom:*}), which people
 * could once rewrite, are never read. A machine is taken only from an access token
 * ({@code token_use = access}) of the finance system's app client, with its scope.
 */
public final class Identity {

    public static final String GROUPS = "cognito:groups";
    public static final String TOKEN_USE = "token_use";
    /** The scope a finance system's machine client is granted: read runs and exports. */
    public static final String FINANCE_READ_SCOPE = "grants/finance.read";

    private Identity() {
    }

    /** A caller of an API that takes no machine clients. */
    public static Actor of(APIGatewayV2HTTPEvent request) {
        return of(request, null);
    }

    /** The caller; {@code financeClientId} is the one app client whose access tokens are accepted. */
    public static Actor of(APIGatewayV2HTTPEvent request, String financeClientId) {
        return of(request, financeClientId, scopeOf(request));
    }

    /**
     * The caller as bound in {@code scope}, else everywhere: for a request about a record that
     * belongs to a round or programme its path does not name (a monitored agreement's).
     */
    public static Actor in(String scope, APIGatewayV2HTTPEvent request, String financeClientId) {
        return of(request, financeClientId, Optional.of(scope));
    }

    /** Every binding of the caller's ID token, by scope; none for a machine's access token. */
    public static Map<String, Binding> bindings(APIGatewayV2HTTPEvent request) {
        Map<String, String> claims = claims(request);
        return "id".equals(claims.get(TOKEN_USE)) ? BindingClaims.decode(claims.get("sub"), claims.get(BindingClaims.CLAIM))
                : Map.of();
    }

    private static Actor of(APIGatewayV2HTTPEvent request, String financeClientId, Optional<String> scope) {
        Map<String, String> claims = claims(request);
        String subject = claims.get("sub");
        if (subject == null || subject.isBlank()) {
            throw new NotSignedInException();
        }
        String tokenUse = claims.getOrDefault(TOKEN_USE, "");
        if (tokenUse.equals("access")) {
            return machine(claims, financeClientId);
        }
        if (!tokenUse.equals("id")) {
            throw new NotSignedInException("Sign in again: this token is neither an ID token nor a machine's access token.");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String group : list(claims.get(GROUPS))) {
            Role.ofGroup(group).ifPresent(roles::add);
        }
        Map<String, Binding> bindings = BindingClaims.decode(subject, claims.get(BindingClaims.CLAIM));
        Optional<Binding> here = scope.map(bindings::get)
                .or(() -> Optional.ofNullable(bindings.get(Actor.EVERY_PROGRAMME)));
        return new Actor(subject, claims.get("email"), roles, here.flatMap(Binding::partnershipId),
                here.flatMap(Binding::adviserId), bindings.keySet(), here.flatMap(Binding::personId),
                here.flatMap(Binding::organisationId));
    }

    /** The finance system, by its client credentials: its access token, from its own app client, with its scope. */
    private static Actor machine(Map<String, String> claims, String financeClientId) {
        boolean financeClient = financeClientId != null && !financeClientId.isBlank()
                && financeClientId.equals(claims.get("client_id"));
        if (!financeClient || !list(claims.get("scope")).contains(FINANCE_READ_SCOPE)) {
            throw new NotSignedInException("Send the ID token of your sign-in, not its access token: only the finance"
                    + " system's client calls with an access token.");
        }
        return new Actor(claims.get("sub"), null, Set.of(Role.FINANCE_OFFICER), Optional.empty(), Optional.empty(),
                Set.of(Actor.EVERY_PROGRAMME));
    }

    /** The programme or round a request is about, as its path names it. */
    static Optional<String> scopeOf(APIGatewayV2HTTPEvent request) {
        Map<String, String> path = request.getPathParameters() == null ? Map.of() : request.getPathParameters();
        return Optional.ofNullable(path.getOrDefault("programmeId", path.get("roundId")));
    }

    /**
     * The claims of this actor's ID token, as SignInClaims and the JWT authorizer hand them on: its
     * groups, and a binding in each of its programmes with its own records (tests and the local runner).
     */
    public static Map<String, String> claimsOf(Actor actor) {
        Map<String, String> claims = new HashMap<>();
        claims.put("sub", actor.subject());
        claims.put(TOKEN_USE, "id");
        if (actor.email() != null) {
            claims.put("email", actor.email());
        }
        claims.put(GROUPS, "[" + actor.roles().stream().map(Role::group).sorted()
                .collect(Collectors.joining(" ")) + "]");
        List<Binding> bindings = new TreeSet<>(actor.programmes()).stream().map(scope -> new Binding(actor.subject(),
                scope, actor.name(), actor.partnershipId(), actor.adviserId(), actor.personId(),
                actor.organisationId())).toList();
        if (!bindings.isEmpty()) {
            claims.put(BindingClaims.CLAIM, BindingClaims.encode(bindings));
        }
        return claims;
    }

    /** The request context API Gateway builds once its JWT authorizer has verified a token with these claims. */
    public static APIGatewayV2HTTPEvent.RequestContext verified(Map<String, String> claims) {
        return APIGatewayV2HTTPEvent.RequestContext.builder()
                .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                        .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims).build())
                        .build())
                .build();
    }

    private static Map<String, String> claims(APIGatewayV2HTTPEvent request) {
        if (request.getRequestContext() == null || request.getRequestContext().getAuthorizer() == null
                || request.getRequestContext().getAuthorizer().getJwt() == null
                || request.getRequestContext().getAuthorizer().getJwt().getClaims() == null) {
            return Map.of();
        }
        return request.getRequestContext().getAuthorizer().getJwt().getClaims();
    }

    /** API Gateway hands a list claim over as {@code [a b]}; a scope claim is space-separated. */
    private static List<String> list(String claim) {
        if (claim == null || claim.isBlank()) {
            return List.of();
        }
        return List.of(claim.replace("[", "").replace("]", "").strip().split("[\\s,]+"));
    }
}
