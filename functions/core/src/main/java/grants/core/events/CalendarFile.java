package grants.core.events;

import grants.core.text.InWords;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An event as an iCalendar file (RFC 5545) that any calendar imports: one VEVENT with a UID that stays the same
 * for the event (so importing it again updates rather than duplicates), its times in UTC, its place or link.
 * Lines end CRLF and are folded at 75 octets; text values are escaped.
 */
public final class CalendarFile {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private CalendarFile() {
    }

    /** The file's text; {@code stamp} is when it was made (DTSTAMP). */
    public static String of(String programmeId, LearningEvent event, Instant stamp) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//grants//Learning to Deliver events//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:PUBLISH");
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:" + event.id() + "." + programmeId + "@grants.events");
        line(ics, "DTSTAMP:" + UTC.format(stamp));
        line(ics, "DTSTART:" + UTC.format(event.date().atTime(event.starts()).atZone(InWords.UK).toInstant()));
        line(ics, "DTEND:" + UTC.format(event.date().atTime(event.ends()).atZone(InWords.UK).toInstant()));
        line(ics, "SUMMARY:" + text(event.title()));
        if (event.place() != null) {
            line(ics, "LOCATION:" + text(event.place()));
        }
        if (event.onlineLink() != null) {
            line(ics, "URL:" + event.onlineLink());
        }
        line(ics, "DESCRIPTION:" + text(EventWords.kind(event.kind()) + " on " + event.topic().replace('-', ' ')));
        line(ics, "END:VEVENT");
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    /** RFC 5545 3.3.11: backslash, semicolon, comma and new lines escaped. */
    private static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n");
    }

    /** RFC 5545 3.1: a line longer than 75 octets continues on the next, which starts with a space. */
    private static void line(StringBuilder ics, String content) {
        int octets = 0;
        StringBuilder folded = new StringBuilder();
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            String character = new String(Character.toChars(codePoint));
            int size = character.getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                folded.append("\r\n ");
                octets = 1;
            }
            folded.append(character);
            octets += size;
            i += Character.charCount(codePoint);
        }
        ics.append(folded).append("\r\n");
    }
}
