package grants.local;

import grants.core.access.Actor;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sign-in as Cognito's hosted UI does it, for the demo users of the local server: the
 * authorization code grant with PKCE (S256). A code is good once, for five minutes, and only with
 * the verifier whose challenge it was issued for; redirects go back to this server only.
 */
final class LocalSignIn {

    static final String CLIENT_ID = LocalIssuer.AUDIENCE;
    private static final Duration CODE_LIFETIME = Duration.ofMinutes(5);

    /** A demo person and their password. */
    record DemoUser(Actor person, String password) {
    }

    private record Grant(Actor person, String challenge, String redirectUri, Instant expiresAt) {
    }

    private final List<DemoUser> users;
    private final String origin;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();

    LocalSignIn(List<DemoUser> users, String origin, Clock clock) {
        this.users = List.copyOf(users);
        this.origin = origin;
        this.clock = clock;
    }

    List<DemoUser> users() {
        return users;
    }

    /** Only this server's own pages may receive a code. */
    boolean isOwnRedirect(String redirectUri) {
        try {
            URI uri = URI.create(redirectUri);
            return (uri.getScheme() + "://" + uri.getAuthority()).equals(origin) && uri.getRawQuery() == null;
        } catch (IllegalArgumentException notAUri) {
            return false;
        }
    }

    /** The code to hand back after a correct sign-in; empty for a wrong email or password. */
    Optional<String> signIn(String email, String password, String challenge, String redirectUri) {
        Optional<DemoUser> user = users.stream().filter(u -> u.person().email().equalsIgnoreCase(email.strip())
                && MessageDigest.isEqual(u.password().getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8))).findFirst();
        if (user.isEmpty() || challenge == null || challenge.isBlank() || !isOwnRedirect(redirectUri)) {
            return Optional.empty();
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String code = HexFormat.of().formatHex(bytes);
        codes.put(code, new Grant(user.get().person(), challenge, redirectUri, clock.instant().plus(CODE_LIFETIME)));
        return Optional.of(code);
    }

    /** The person a code stands for, if the verifier matches its challenge; the code is spent either way. */
    Optional<Actor> redeem(String code, String verifier, String redirectUri) {
        Grant grant = code == null ? null : codes.remove(code);
        if (grant == null || verifier == null || grant.expiresAt().isBefore(clock.instant())
                || !grant.redirectUri().equals(redirectUri) || !grant.challenge().equals(challengeOf(verifier))) {
            return Optional.empty();
        }
        return Optional.of(grant.person());
    }

    /** PKCE's S256: base64url of the verifier's SHA-256, without padding. */
    static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
