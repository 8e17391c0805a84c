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
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The local stand-in for the Cognito user pool's tokens: ID tokens in the same format (RS256,
 * the same claims: {@code sub}, {@code email}, {@code cognito:groups}, {@code custom:*}), a JWKS
 * for them, and the check API Gateway's JWT authorizer makes (signature, issuer, audience, expiry)
 * before a request reaches a handler. The key is made anew each time the server starts.
 */
final class LocalIssuer {

    static final String AUDIENCE = "grants-console";
    private static final Duration LIFETIME = Duration.ofHours(1);

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

    /** An ID token for this person, as the user pool would issue one after they signed in. */
    String idToken(Actor person) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).audience(AUDIENCE)
                .issueTime(Date.from(clock.instant())).expirationTime(Date.from(clock.instant().plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString()).claim("token_use", "id");
        Identity.claimsOf(person).forEach(claims::claim);
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims.build());
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

    /** The claims of a token this issuer signed that is still valid, as the authorizer hands them on. */
    Optional<Map<String, String>> verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new RSASSAVerifier(key))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            boolean valid = issuer.equals(claims.getIssuer()) && claims.getAudience().equals(List.of(AUDIENCE))
                    && claims.getExpirationTime() != null && claims.getExpirationTime().toInstant().isAfter(clock.instant());
            if (!valid) {
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
