package grants.core.governance;

import java.time.LocalDate;
import java.util.List;

/**
 * What governance needs of performance reporting (outbound port, owned here; reporting implements
 * it): the exceptions a board meeting's pack lists (G8: its cards that are NOT_MET, or WORSENED
 * against the previous quarter, whether or not their owner has written), and who owns an indicator
 * (G9: a report's recommendation may go to an owner of the review's indicators).
 */
public interface PackExceptions {

    /** Nothing of reporting: for a use that reads neither packs nor owners (the daily escalation run). */
    PackExceptions NONE = new PackExceptions() {
        @Override
        public List<PackException> exceptionsFor(LocalDate boardMeeting) {
            return List.of();
        }

        @Override
        public java.util.Optional<String> ownerOf(String indicator) {
            return java.util.Optional.empty();
        }
    };

    /** One exception of a pack: the indicator, its reference ("NI 152") and why it is listed, in words. */
    record PackException(String indicator, String reference, String words) {
    }

    /** The exceptions of the pack for the board meeting on {@code boardMeeting}, in the pack's order. */
    List<PackException> exceptionsFor(LocalDate boardMeeting);

    /** Who owns an indicator; empty for an id that is not one of the register's indicators. */
    java.util.Optional<String> ownerOf(String indicator);
}
