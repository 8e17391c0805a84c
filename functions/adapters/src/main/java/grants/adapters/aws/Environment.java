package grants.adapters.aws;

import java.time.Duration;
import java.util.Map;

/**
 * A function's settings, read once: from the process environment in Lambda, or given whole by
 * the local runner and the tests. Every setting the functions read is named here; a missing one
 * is a clear error naming it.
 */
public final class Environment {

    public static final String TABLE = "GRANTS_TABLE_NAME";
    /** The audit table, apart from the grants table: only ever put to (template.yaml, {@code AuditTable}). */
    public static final String AUDIT_TABLE = "AUDIT_TABLE_NAME";
    public static final String EXPORT_BUCKET = "EXPORT_BUCKET_NAME";
    public static final String EXPORT_LINK_EXPIRY_SECONDS = "EXPORT_LINK_EXPIRY_SECONDS";
    public static final String SENDER_EMAIL = "SENDER_EMAIL";
    public static final String EMAIL_LINK_EXPIRY_HOURS = "EMAIL_LINK_EXPIRY_HOURS";
    public static final String NOTICES_QUEUE_URL = "NOTICES_QUEUE_URL";
    public static final String SES_CONFIGURATION_SET = "SES_CONFIGURATION_SET";
    public static final String NOTICE_RATE_PER_SECOND = "NOTICE_RATE_PER_SECOND";
    /** Programmes of more partnerships than this are committed in the background (the HTTP API stops waiting at 30 s). */
    public static final String COMMIT_IN_BACKGROUND_ABOVE = "COMMIT_IN_BACKGROUND_ABOVE";
    /** The finance system's app client: the one client whose access tokens the API functions take. */
    public static final String FINANCE_CLIENT_ID = "FINANCE_CLIENT_ID";
    /** How long an export waits for the ledger's intake to record its run (none unless set: the local runner records first). */
    public static final String LEDGER_WAIT_SECONDS = "LEDGER_WAIT_SECONDS";

    private final Map<String, String> values;

    private Environment(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** Lambda's: the process environment, as template.yaml sets it. */
    public static Environment system() {
        return new Environment(System.getenv());
    }

    public static Environment of(Map<String, String> values) {
        return new Environment(values);
    }

    /** The same settings with one more (or one changed): the local runner learns a queue's URL only once it exists. */
    public Environment with(String name, String value) {
        Map<String, String> changed = new java.util.HashMap<>(values);
        changed.put(name, value);
        return new Environment(changed);
    }

    public String required(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: template.yaml sets it for this function");
        }
        return value;
    }

    public String optional(String name, String defaultValue) {
        String value = values.get(name);
        return value == null || value.isBlank() ? defaultValue : value;
    }

    public Duration seconds(String name, long defaultSeconds) {
        return Duration.ofSeconds(number(name, defaultSeconds));
    }

    public Duration hours(String name, long defaultHours) {
        return Duration.ofHours(number(name, defaultHours));
    }

    public int wholeNumber(String name, int defaultValue) {
        return Math.toIntExact(number(name, defaultValue));
    }

    private long number(String name, long defaultValue) {
        String value = optional(name, Long.toString(defaultValue));
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(name + " must be a whole number, got \"" + value + "\"");
        }
    }
}
