package grants.documents.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.monitoring.MonitoringSettings;
import grants.documents.FieldReader;
import grants.documents.Json;

import java.util.List;

/**
 * Monitoring settings as JSON (the spec's {@code settings}): read strictly, every problem named by
 * its field, from a monitoring document or from a manager's request; written for the console.
 */
public final class MonitoringSettingsJson {

    /** Working days a reminder may be from its due date, either way: a year's worth. */
    private static final int MAX_OFFSET = 260;
    private static final int MAX_WORKING_DAYS = 1_000;

    private MonitoringSettingsJson() {
    }

    /** A request's settings, or {@link grants.core.errors.InvalidInputException} naming every problem. */
    public static MonitoringSettings read(JsonNode body) {
        FieldReader reader = new FieldReader();
        MonitoringSettings settings = read(body, "", new MonitoringFields(reader));
        reader.refuseIfAny("monitoring settings", "nothing was changed");
        return settings;
    }

    /** The settings at {@code path} ("" for a whole body), or null with the problems told to the reader. */
    static MonitoringSettings read(JsonNode node, String path, MonitoringFields fields) {
        FieldReader reader = fields.reader();
        if (!reader.isObject(node, path.isEmpty() ? "body" : path)) {
            return null;
        }
        reader.onlyFields(node, path, "returnDueWorkingDays", "finalReturnDueWorkingDays", "holdGraceWorkingDays",
                "holdAcrossAgreements", "retainFinalInstalment", "reminders");
        Integer returnDue = fields.whole(node, path, "returnDueWorkingDays", 0, MAX_WORKING_DAYS);
        Integer finalDue = fields.whole(node, path, "finalReturnDueWorkingDays", 0, MAX_WORKING_DAYS);
        Integer grace = fields.whole(node, path, "holdGraceWorkingDays", 0, MAX_WORKING_DAYS);
        Boolean across = fields.requiredBoolean(node, path, "holdAcrossAgreements");
        Boolean retain = fields.requiredBoolean(node, path, "retainFinalInstalment");
        MonitoringFields.Once once = new MonitoringFields.Once(reader);
        List<MonitoringSettings.ReminderRule> reminders = fields.list(node, path, "reminders", (rule, rulePath) -> {
            reader.onlyFields(rule, rulePath, "id", "offsetWorkingDays", "audience");
            String id = fields.id(rule, rulePath, "id");
            Integer offset = fields.whole(rule, rulePath, "offsetWorkingDays", -MAX_OFFSET, MAX_OFFSET);
            MonitoringSettings.Audience audience = reader.oneOf(rule, rulePath, "audience",
                    MonitoringSettings.Audience.class, true);
            return once.first(id, FieldReader.path(rulePath, "id"), rulePath) && offset != null && audience != null
                    ? new MonitoringSettings.ReminderRule(id, offset, audience) : null;
        });
        if (returnDue == null || finalDue == null || grace == null || across == null || retain == null
                || reminders.contains(null)) {
            return null;
        }
        return new MonitoringSettings(returnDue, finalDue, grace, across, retain, reminders);
    }

    /** The settings as a request gives them, and in words. */
    public static ObjectNode write(MonitoringSettings settings) {
        ObjectNode json = Json.object();
        json.put("returnDueWorkingDays", settings.returnDueWorkingDays());
        json.put("finalReturnDueWorkingDays", settings.finalReturnDueWorkingDays());
        json.put("holdGraceWorkingDays", settings.holdGraceWorkingDays());
        json.put("holdAcrossAgreements", settings.holdAcrossAgreements());
        json.put("retainFinalInstalment", settings.retainFinalInstalment());
        ArrayNode reminders = json.putArray("reminders");
        settings.reminders().forEach(rule -> reminders.addObject().put("id", rule.id())
                .put("offsetWorkingDays", rule.offsetWorkingDays()).put("audience", rule.audience().name()));
        json.put("inWords", settings.words());
        return json;
    }
}
