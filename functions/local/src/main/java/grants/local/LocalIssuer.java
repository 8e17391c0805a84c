package grants.local;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import grants.core.access.Actor;
import grants.http.Identity;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The local stand-in for the Cognito user pool's tokens: ID tokens in the same format (RS256, a
 * key id, the same claims: {@code sub}, {@code email}, {@code cognito:groups}, {@code token_use},
 * and the bindings SignInClaims adds, as the pool's pre token generation trigger does), access
 * tokens without them, a JWKS, and the checks API Gateway's JWT authorizer makes (the key id and
 * signature, issuer, audience or client id, expiry, not-before and issued-at) before a request
 * reaches a handler. The key is made anew each time the server starts.
 */
final class LocalIssuer {

    static final String AUDIENCE = "grants-console";
    private static final Duration LIFETIME = Duration.ofHours(1);
    /** How far a token's times may be ahead of this clock: none, as the tokens come from this very clock. */
    private static final Duration SKEW = Duration.ZERO;

    private final RSAKey key;
    private final String issuer;
    private final Clock clock;

    LocalIssuer(String issuer, Clock clock) {
        try {
            this.key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("no RSA key could be made", e);
        }
        this.issuer = issuer;
        this.clock = clock;
    }

    String issuer() {
        return issuer;
    }

    /**
     * An ID token for this person, as the user pool would issue one after they signed in: their
     * groups, and {@code addedClaims} (what the pre token generation trigger added). Nothing of the
     * person's bindings is taken from {@code person} itself.
     */
    String idToken(Actor person, Map<String, String> addedClaims) {
        JWTClaimsSet.Builder claims = standard(person).audience(AUDIENCE).claim("token_use", "id");
        if (person.email() != null) {
            claims.claim("email", person.email());
        }
        addedClaims.forEach(claims::claim);
        return sign(claims.build());
    }

    /** The access token of the same sign-in: Cognito's carries the groups, the client id and scopes, no bindings. */
    String accessToken(Actor person) {
        return sign(standard(person).claim("token_use", "access").claim("client_id", AUDIENCE)
                .claim("scope", "openid email profile").build());
    }

    private JWTClaimsSet.Builder standard(Actor person) {
        return new JWTClaimsSet.Builder().issuer(issuer).subject(person.subject())
                .issueTime(Date.from(clock.instant())).expirationTime(Date.from(clock.instant().plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString()).claim(Identity.GROUPS, "[" + person.roles().stream()
                        .map(grants.core.access.Role::group).sorted().collect(java.util.stream.Collectors.joining(" ")) + "]");
    }

    /** Signs these claims with this issuer's key, naming it ({@code kid}) as Cognito does. */
    String sign(JWTClaimsSet claims) {
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            token.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("the token could not be signed", e);
        }
        return token.serialize();
    }

    /** The public key, as a JWKS document: what a verifier fetches. */
    String jwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    /**
     * The claims of a token this issuer signed that is valid now, as the authorizer hands them on:
     * an ID token for the console's audience, or an access token of the console's client. What the
     * handler then accepts of it is the handler's business (a person's access token, none).
     */
    Optional<Map<String, String>> verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
                    || !key.getKeyID().equals(jwt.getHeader().getKeyID()) || !jwt.verify(new RSASSAVerifier(key))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            String tokenUse = String.valueOf(claims.getClaim("token_use"));
            boolean forUs = switch (tokenUse) {
                case "id" -> claims.getAudience().equals(List.of(AUDIENCE));
                case "access" -> AUDIENCE.equals(claims.getClaim("client_id"));
                default -> false;
            };
            boolean inTime = claims.getExpirationTime() != null && claims.getExpirationTime().toInstant().isAfter(now)
                    && claims.getIssueTime() != null && !claims.getIssueTime().toInstant().isAfter(now.plus(SKEW))
                    && (claims.getNotBeforeTime() == null || !claims.getNotBeforeTime().toInstant().isAfter(now.plus(SKEW)));
            if (!issuer.equals(claims.getIssuer()) || !forUs || !inTime) {
                return Optional.empty();
            }
            Map<String, String> flat = new HashMap<>();
            claims.getClaims().forEach((name, value) -> {
                if (value instanceof String text) {
                    flat.put(name, text);
                }
            });
            return Optional.of(flat);
        } catch (ParseException | JOSEException notAToken) {
            return Optional.empty();
        }
    }
}
