package grants.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every email the SES emulator received, written under DIR/outbox/ as a readable .eml (text and
 * HTML parts, for a mail program) and an .html (for a browser).
 */
final class Outbox {

    private Outbox() {
    }

    /** Numbered in order of first recipient and subject, so the same run gives the same file names. */
    static int write(JsonNode emails, Path directory) throws IOException {
        Files.createDirectories(directory);
        List<JsonNode> sorted = new ArrayList<>();
        emails.forEach(sorted::add);
        sorted.sort(Comparator.comparing((JsonNode email) -> email.path("destination").path("to").path(0).asText())
                .thenComparing(email -> email.path("subject").asText()));
        int number = 0;
        for (JsonNode email : sorted) {
            number++;
            List<String> to = new ArrayList<>();
            email.path("destination").path("to").forEach(address -> to.add(address.asText()));
            String name = String.format("%03d-%s", number, to.isEmpty() ? "unaddressed" : to.get(0).replaceAll("[^A-Za-z0-9.@-]", "_"));
            String html = email.path("body").path("html").asText("");
            Files.writeString(directory.resolve(name + ".html"), html, StandardCharsets.UTF_8);
            Files.writeString(directory.resolve(name + ".eml"), eml(email, to, html), StandardCharsets.UTF_8);
        }
        return number;
    }

    private static String eml(JsonNode email, List<String> to, String html) {
        String boundary = "grants-" + Integer.toHexString(email.toString().hashCode());
        return "From: " + email.path("from").asText(LocalFunctions.SENDER) + "\r\n"
                + "To: " + String.join(", ", to) + "\r\n"
                + "Subject: " + email.path("subject").asText() + "\r\n"
                + "Message-ID: <" + email.path("messageId").asText("local") + "@grants-local>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n"
                + "--" + boundary + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + email.path("body").path("text").asText("").replace("\n", "\r\n") + "\r\n"
                + "--" + boundary + "\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n"
                + html.replace("\n", "\r\n") + "\r\n"
                + "--" + boundary + "--\r\n";
    }
}
