package grants.core.monitoring;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * One version of a return as its lead contact submitted it (or a draft they saved): kept as it was,
 * whatever happens next. {@code milestoneEvidence} is evidence for milestones, by milestone id, that
 * the officer reads before recording them as achieved.
 */
public record Submission(LocalDate on, String by, Map<String, Long> outputs, String achieved, String next,
                         Map<String, String> milestoneEvidence) {

    public Submission {
        outputs = new TreeMap<>(outputs);
        milestoneEvidence = new TreeMap<>(milestoneEvidence);
    }

    /** A version without milestone evidence. */
    public Submission(LocalDate on, String by, Map<String, Long> outputs, String achieved, String next) {
        this(on, by, outputs, achieved, next, Map.of());
    }
}
