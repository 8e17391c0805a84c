package grants.core.evaluation;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * A contact's answers to one wave's survey, kept by partnership (so the waves are paired by
 * partnership) and not by person: an answer names no one. {@code values} are by question id, as typed
 * (a scale's point or a number as its digits, words as written); a text question left blank is absent.
 */
public record SurveyAnswer(String programmeId, Wave wave, String contactKey, String partnershipId, LocalDate on,
                           Map<String, String> values) {

    public SurveyAnswer {
        values = new TreeMap<>(values);
    }
}
