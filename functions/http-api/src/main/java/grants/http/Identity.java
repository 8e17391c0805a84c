package grants.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import grants.core.access.Actor;
import grants.core.access.NotSignedInException;
import grants.core.access.Role;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The caller, from the claims API Gateway's JWT authorizer puts in the request once it has
 * verified the token (the local server does the same after verifying it): the Cognito groups are
 * the roles; {@code custom:partnershipId} and {@code custom:adviserId} tie a member or an adviser
 * to their own records. A machine client (client credentials) has scopes instead of groups.
 */
public final class Identity {

    public static final String GROUPS = "cognito:groups";
    public static final String PARTNERSHIP = "custom:partnershipId";
    public static final String ADVISER = "custom:adviserId";
    /** The programmes a person's roles apply to, comma-separated; absent for every programme. */
    public static final String PROGRAMMES = "custom:programmes";
    /** In a commissioning round: a board member's voter id, a panel member's id, or a sub-group's issue. */
    public static final String PERSON = "custom:personId";
    /** The organisation a proposer proposes for. */
    public static final String ORGANISATION = "custom:organisationId";
    /** The scope a finance system's machine client is granted: read runs and exports. */
    public static final String FINANCE_READ_SCOPE = "grants/finance.read";

    private Identity() {
    }

    public static Actor of(APIGatewayV2HTTPEvent request) {
        Map<String, String> claims = claims(request);
        String subject = claims.get("sub");
        if (subject == null || subject.isBlank()) {
            throw new NotSignedInException();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String group : list(claims.get(GROUPS))) {
            Role.ofGroup(group).ifPresent(roles::add);
        }
        if (list(claims.get("scope")).contains(FINANCE_READ_SCOPE)) {
            roles.add(Role.FINANCE_OFFICER);
        }
        Set<String> programmes = new java.util.TreeSet<>(list(claims.get(PROGRAMMES)));
        return new Actor(subject, claims.get("email"), roles, Optional.ofNullable(claims.get(PARTNERSHIP)),
                Optional.ofNullable(claims.get(ADVISER)), programmes, Optional.ofNullable(claims.get(PERSON)),
                Optional.ofNullable(claims.get(ORGANISATION)));
    }

    /** The claims a verified token of this actor carries, as the JWT authorizer hands them on. */
    public static Map<String, String> claimsOf(Actor actor) {
        Map<String, String> claims = new java.util.HashMap<>();
        claims.put("sub", actor.subject());
        if (actor.email() != null) {
            claims.put("email", actor.email());
        }
        claims.put(GROUPS, "[" + actor.roles().stream().map(Role::group).sorted()
                .collect(java.util.stream.Collectors.joining(" ")) + "]");
        actor.partnershipId().ifPresent(id -> claims.put(PARTNERSHIP, id));
        actor.adviserId().ifPresent(id -> claims.put(ADVISER, id));
        actor.personId().ifPresent(id -> claims.put(PERSON, id));
        actor.organisationId().ifPresent(id -> claims.put(ORGANISATION, id));
        if (!actor.programmes().isEmpty()) {
            claims.put(PROGRAMMES, String.join(",", new java.util.TreeSet<>(actor.programmes())));
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
