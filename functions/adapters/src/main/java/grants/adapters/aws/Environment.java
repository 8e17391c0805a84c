package grants.adapters.aws;

/** A function's settings from its environment, with a clear error naming what is missing. */
public final class Environment {

    private Environment() {
    }

    public static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: template.yaml sets it for this function");
        }
        return value;
    }

    public static String optional(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
