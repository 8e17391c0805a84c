package grants.core.events;

import grants.core.notices.Letter;

/**
 * An email an event's change sends, written with the change in its transaction: the letter (kept under the
 * programme's notices) and a LETTER notice under {@code noticeKey} for each of its addressees, which the notices
 * machinery sends once.
 */
public record OutgoingLetter(String letterId, String noticeKey, Letter letter) {
}
