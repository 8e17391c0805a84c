package grants.core.evaluation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * One contact of one partnership asked to answer a survey. {@code contactKey} names them without their
 * address (keys travel in logs and stream records). Once answered, every link it was sent is spent.
 */
public record Invitation(String programmeId, Wave wave, String contactKey, String partnershipId, String name,
                         String email, Optional<LocalDate> invitedOn, Optional<LocalDate> answeredOn) {

    public static Invitation of(String programmeId, Wave wave, SurveyedPartnership partnership,
                                SurveyedPartnership.Contact contact) {
        return new Invitation(programmeId, wave, contactKey(partnership.id(), contact.email()), partnership.id(),
                contact.name(), contact.email(), Optional.empty(), Optional.empty());
    }

    public boolean isAnswered() {
        return answeredOn.isPresent();
    }

    public Invitation invited(LocalDate on) {
        return new Invitation(programmeId, wave, contactKey, partnershipId, name, email, Optional.of(on), answeredOn);
    }

    /** The same for the same contact of the same partnership: a SHA-256 of both, so no address is in a key. */
    static String contactKey(String partnershipId, String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((partnershipId + "\n"
                    + email.strip().toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
