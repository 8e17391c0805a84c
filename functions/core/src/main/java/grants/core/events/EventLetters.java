package grants.core.events;

import com.samskivert.mustache.Template;
import grants.core.mail.Templates;
import grants.core.notices.Letter;
import grants.core.notices.Notice;
import grants.core.text.InWords;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The emails an event sends, in plain English, each to one person: an invitation, a place given from the
 * waiting list, and a reminder. Each says where the calendar file is (SendNotices sends no attachments, so the
 * .ics is downloaded from the event's page).
 */
final class EventLetters {

    private static final Template TEXT = Templates.text("/grants/core/events/event-letter.txt.mustache");
    private static final Template HTML = Templates.html("/grants/core/events/event-letter.html.mustache");

    private EventLetters() {
    }

    static OutgoingLetter invitation(LearningEvent event, String name, String email) {
        return letter(event, "invitation", name, email, "Invitation: " + event.title() + " on " + InWords.date(event.date()),
                "You are invited to " + event.title() + ". A member of your partnership can register you from the event's page.",
                "Places are limited; when it is full, registering puts you on the waiting list.");
    }

    static OutgoingLetter placeGiven(LearningEvent event, Registration registration, long version) {
        return letter(event, "place-" + version, registration.name(), registration.email(),
                "You have a place: " + event.title() + " on " + InWords.date(event.date()),
                "A place has come free at " + event.title() + " and you were first on the waiting list, so it is yours.",
                "If you can no longer come, cancel from the event's page so that the next person may have it.");
    }

    static OutgoingLetter reminder(LearningEvent event, Registration registration) {
        return letter(event, "reminder", registration.name(), registration.email(),
                "Reminder: " + event.title() + " on " + InWords.date(event.date()),
                "This is a reminder that you have a place at " + event.title() + ".",
                "If you can no longer come, cancel from the event's page so that someone on the waiting list may have it.");
    }

    /** The letter's id and its notice's key name the event, what it tells and the person (by a hash, never the address). */
    private static OutgoingLetter letter(LearningEvent event, String what, String name, String email, String subject,
                                         String sentence, String closing) {
        Map<String, Object> values = new HashMap<>();
        values.put("name", name);
        values.put("sentence", sentence);
        values.put("title", event.title());
        values.put("when", when(event));
        values.put("place", event.place());
        values.put("onlineLink", event.onlineLink());
        values.put("closing", closing);
        String person = Notice.recipientKey(email);
        return new OutgoingLetter("event-" + event.id() + "-" + what + "-" + person,
                "event/" + event.id() + "/" + what + "/" + person,
                new Letter(subject, TEXT.execute(values), HTML.execute(values), List.of(email)));
    }

    /** "12 March 2008, 10am to 1pm". */
    static String when(LearningEvent event) {
        return InWords.date(event.date()) + ", " + InWords.time(event.date().atTime(event.starts())) + " to "
                + InWords.time(event.date().atTime(event.ends()));
    }
}
