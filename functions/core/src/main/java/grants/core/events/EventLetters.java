package grants.core.events;

import com.samskivert.mustache.Template;
import grants.core.mail.Attachment;
import grants.core.mail.Templates;
import grants.core.notices.Letter;
import grants.core.notices.Notice;
import grants.core.text.InWords;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The emails an event sends, in plain English, each to one person: an invitation, a place given from the
 * waiting list, and a reminder. The invitation and the place given carry the event's calendar file (.ics), made
 * when the letter is written and kept with it, so SendNotices sends it as it sends any letter; every letter also
 * says the event's page has the file.
 */
final class EventLetters {

    private static final Template TEXT = Templates.text("/grants/core/events/event-letter.txt.mustache");
    private static final Template HTML = Templates.html("/grants/core/events/event-letter.html.mustache");

    private EventLetters() {
    }

    /**
     * A calendar file sent by email is published, not a meeting request (RFC 5546 3.2.1): nobody is asked to reply,
     * registering is done on the event's page. RFC 6047 has the MIME type's method match the file's METHOD, which
     * {@link CalendarFile} writes as PUBLISH.
     */
    static final String CALENDAR_TYPE = "text/calendar; charset=UTF-8; method=PUBLISH";

    static OutgoingLetter invitation(String programmeId, LearningEvent event, String name, String email, Instant at) {
        return letter(event, calendar(programmeId, event, at), "invitation", name, email,
                "Invitation: " + event.title() + " on " + InWords.date(event.date()),
                "You are invited to " + event.title() + ". A member of your partnership can register you from the event's page.",
                "Places are limited; when it is full, registering puts you on the waiting list.");
    }

    static OutgoingLetter placeGiven(String programmeId, LearningEvent event, Registration registration, long version,
                                     Instant at) {
        return letter(event, calendar(programmeId, event, at), "place-" + version, registration.name(),
                registration.email(),
                "You have a place: " + event.title() + " on " + InWords.date(event.date()),
                "A place has come free at " + event.title() + " and you were first on the waiting list, so it is yours.",
                "If you can no longer come, cancel from the event's page so that the next person may have it.");
    }

    static OutgoingLetter reminder(LearningEvent event, Registration registration) {
        return letter(event, List.of(), "reminder", registration.name(), registration.email(),
                "Reminder: " + event.title() + " on " + InWords.date(event.date()),
                "This is a reminder that you have a place at " + event.title() + ".",
                "If you can no longer come, cancel from the event's page so that someone on the waiting list may have it.");
    }

    /**
     * The event is cancelled: to someone with a place, or waiting for one, with the manager's reason. No calendar
     * file: the event's page says it is cancelled.
     */
    static OutgoingLetter cancelled(LearningEvent event, Registration registration, String reason) {
        boolean waiting = registration.state() == Registration.State.WAITING;
        return letter(event, List.of(), "cancelled", registration.name(), registration.email(),
                "Cancelled: " + event.title() + " on " + InWords.date(event.date()),
                event.title() + " has been cancelled, so " + (waiting ? "you are no longer on its waiting list"
                        : "your place is no longer held") + ". The reason given: " + reason,
                "Please remove it from your calendar. We are sorry for the change of plan.", true);
    }

    /** The letter's id and its notice's key name the event, what it tells and the person (by a hash, never the address). */
    private static OutgoingLetter letter(LearningEvent event, List<Attachment> files, String what, String name, String email,
                                         String subject, String sentence, String closing) {
        return letter(event, files, what, name, email, subject, sentence, closing, false);
    }

    private static OutgoingLetter letter(LearningEvent event, List<Attachment> files, String what, String name,
                                         String email, String subject, String sentence, String closing,
                                         boolean cancelled) {
        Map<String, Object> values = new HashMap<>();
        values.put("name", name);
        values.put("sentence", sentence);
        values.put("title", event.title());
        values.put("when", when(event));
        values.put("place", event.place());
        values.put("onlineLink", event.onlineLink());
        values.put("closing", closing);
        values.put("cancelled", cancelled);
        values.put("attached", !files.isEmpty());
        values.put("file", files.isEmpty() ? null : files.get(0).fileName());
        String person = Notice.recipientKey(email);
        return new OutgoingLetter("event-" + event.id() + "-" + what + "-" + person,
                "event/" + event.id() + "/" + what + "/" + person,
                new Letter(subject, TEXT.execute(values), HTML.execute(values), List.of(email), files));
    }

    /** The event's .ics, named after the event, as of {@code at} (its DTSTAMP). */
    private static List<Attachment> calendar(String programmeId, LearningEvent event, Instant at) {
        return List.of(new Attachment(event.id() + ".ics", CALENDAR_TYPE, CalendarFile.of(programmeId, event, at)));
    }

    /** "12 March 2008, 10am to 1pm". */
    static String when(LearningEvent event) {
        return InWords.date(event.date()) + ", " + InWords.time(event.date().atTime(event.starts())) + " to "
                + InWords.time(event.date().atTime(event.ends()));
    }
}
