package grants.core.notices;

import java.util.Optional;

/** Letters that LETTER notices send (outbound port: items beside the notices). */
public interface LetterStore {

    /** Writes the letter unless one with its id exists; the same letter written twice changes nothing. */
    void putLetter(String programmeId, String letterId, Letter letter);

    Optional<Letter> letter(String programmeId, String letterId);
}
