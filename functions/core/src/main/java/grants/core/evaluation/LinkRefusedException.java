package grants.core.evaluation;

import grants.core.errors.NotFoundException;

/**
 * A survey link that opens nothing: never issued, already used, or past its closing date. One answer for
 * all three, so a caller learns nothing about which (and a guessed token nothing at all).
 */
public final class LinkRefusedException extends NotFoundException {

    public static final String MESSAGE = "This link has already been used or has expired.";

    public LinkRefusedException() {
        super(MESSAGE);
    }
}
