package grants.documents.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import grants.documents.FieldReader;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A manager's bank holidays, {@code {"days": ["2027-12-27", ...]}}: each read as a monitoring document's
 * days are (a real date written YYYY-MM-DD), none given twice, every problem named as {@code days[i]}.
 */
public final class BankHolidaysJson {

    private BankHolidaysJson() {
    }

    /** The days, or {@link grants.core.errors.InvalidInputException} naming every problem. */
    public static List<LocalDate> read(JsonNode body) {
        FieldReader reader = new FieldReader();
        MonitoringFields fields = new MonitoringFields(reader);
        List<LocalDate> days = new ArrayList<>();
        if (reader.isObject(body, "body")) {
            reader.onlyFields(body, "", "days");
            List<JsonNode> given = reader.array(body, "", "days", true);
            for (int i = 0; i < given.size(); i++) {
                String path = "days[" + i + "]";
                LocalDate day = fields.date(given.get(i), path);
                if (day != null && days.contains(day)) {
                    reader.problem(path, "is " + day + " again: give each day once");
                } else if (day != null) {
                    days.add(day);
                }
            }
        }
        reader.refuseIfAny("bank holidays", "nothing was changed");
        return days;
    }
}
