package grants.documents.reporting;

import grants.documents.FieldReader;

import java.util.ArrayList;
import java.util.List;

/**
 * CSV as RFC 4180 writes it, read: fields split at commas, a quoted field may hold commas, line breaks and
 * doubled quotes; lines end with LF or CRLF; blank lines are skipped. An unclosed quote is a problem of its row.
 */
public final class CsvLines {

    private CsvLines() {
    }

    public static List<List<String>> parse(String text, FieldReader reader) {
        List<List<String>> lines = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int startedOn = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    line += c == '\n' ? 1 : 0;
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                end(lines, fields, field);
                fields = new ArrayList<>();
                line++;
                startedOn = line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            reader.problem("row " + startedOn, "has a quote that is never closed");
        }
        end(lines, fields, field);
        return lines;
    }

    private static void end(List<List<String>> lines, List<String> fields, StringBuilder field) {
        fields.add(field.toString());
        field.setLength(0);
        if (!(fields.size() == 1 && fields.get(0).isBlank())) {
            lines.add(fields);
        }
    }
}
