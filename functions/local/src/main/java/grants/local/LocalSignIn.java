package grants.local;

import grants.core.access.Actor;

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
 * the verifier whose challenge it was issued for; redirects go to the one callback URL registered,
 * exactly, as Cognito's {@code CallbackURLs} does. Wrong passwords are throttled as Cognito does:
 * after {@value #FREE_FAILURES} in a row an address is locked out, for a minute and then twice as
 * long after each further failure (at most 15 minutes), even from the right password.
 */
final class LocalSignIn {

    static final String CLIENT_ID = LocalIssuer.AUDIENCE;
    private static final Duration CODE_LIFETIME = Duration.ofMinutes(5);
    static final int FREE_FAILURES = 5;
    private static final Duration FIRST_LOCKOUT = Duration.ofMinutes(1);
    private static final Duration LONGEST_LOCKOUT = Duration.ofMinutes(15);

    /** The outcome of a sign-in: a code, or why not. */
    sealed interface Attempt {
        record SignedIn(String code) implements Attempt {
        }

        record Refused() implements Attempt {
        }

        record LockedOut(Instant until) implements Attempt {
        }
    }

    private record Failures(int count, Instant lockedUntil) {
    }

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
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LocalSignIn(List<DemoUser> users, String origin, Clock clock) {
        this.users = List.copyOf(users);
        this.origin = origin;
        this.clock = clock;
    }

    List<DemoUser> users() {
        return users;
    }

    /** The console's callback, the one redirect registered (Cognito's CallbackURLs). */
    String callbackUri() {
        return origin + "/auth/callback";
    }

    /** Where signing out returns (Cognito's LogoutURLs). */
    String signedOutUri() {
        return origin + "/sign-out";
    }

    /** Only the registered callback, character for character, may receive a code. */
    boolean isOwnRedirect(String redirectUri) {
        return callbackUri().equals(redirectUri);
    }

    /** A code after a correct sign-in; refused for a wrong email or password; locked out after too many. */
    Attempt signIn(String email, String password, String challenge, String redirectUri) {
        String address = email.strip().toLowerCase(java.util.Locale.ROOT);
        Instant now = clock.instant();
        Failures before = failures.getOrDefault(address, new Failures(0, Instant.MIN));
        if (before.lockedUntil().isAfter(now)) {
            return new Attempt.LockedOut(before.lockedUntil());
        }
        Optional<DemoUser> user = users.stream().filter(u -> u.person().email().equalsIgnoreCase(address)
                && MessageDigest.isEqual(u.password().getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8))).findFirst();
        if (user.isEmpty()) {
            int count = before.count() + 1;
            Instant until = count < FREE_FAILURES ? Instant.MIN : now.plus(lockout(count));
            failures.put(address, new Failures(count, until));
            return count < FREE_FAILURES ? new Attempt.Refused() : new Attempt.LockedOut(until);
        }
        if (challenge == null || challenge.isBlank() || !isOwnRedirect(redirectUri)) {
            return new Attempt.Refused();
        }
        failures.remove(address);
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String code = HexFormat.of().formatHex(bytes);
        codes.put(code, new Grant(user.get().person(), challenge, redirectUri, now.plus(CODE_LIFETIME)));
        return new Attempt.SignedIn(code);
    }

    /** A minute at the fifth failure in a row, twice as long at each further one, 15 minutes at most. */
    private static Duration lockout(int failuresInARow) {
        int doublings = Math.min(failuresInARow - FREE_FAILURES, 4);
        Duration lockout = FIRST_LOCKOUT.multipliedBy(1L << doublings);
        return lockout.compareTo(LONGEST_LOCKOUT) > 0 ? LONGEST_LOCKOUT : lockout;
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
