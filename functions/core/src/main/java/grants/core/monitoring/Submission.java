package grants.core.monitoring;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/** One version of a return as its lead contact submitted it: kept as it was, whatever happens next. */
public record Submission(LocalDate on, String by, Map<String, Long> outputs, String achieved, String next) {

    public Submission {
        outputs = new TreeMap<>(outputs);
    }
}
