package grants.core.text;

import java.util.List;

/** CSV as RFC 4180 writes it: fields quoted only when they hold a comma, quote or line break; LF line ends. */
public final class Csv {

    private Csv() {
    }

    public static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    public static void line(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            append(csv, fields.get(i));
        }
        csv.append('\n');
    }

    /** {@link #field} appended, without the quoted copy in between: a description is quoted on every line. */
    private static void append(StringBuilder csv, String value) {
        if (value == null) {
            return;
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            csv.append(value);
            return;
        }
        csv.append('"');
        int from = 0;
        for (int quote = value.indexOf('"'); quote >= 0; quote = value.indexOf('"', from)) {
            csv.append(value, from, quote + 1).append('"');
            from = quote + 1;
        }
        csv.append(value, from, value.length()).append('"');
    }
}
