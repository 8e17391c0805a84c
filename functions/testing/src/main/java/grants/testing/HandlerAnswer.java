package grants.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** What a function's handler answered a test's request: its status and its JSON body. */
public record HandlerAnswer(int status, JsonNode body) {

    /** The refusal's code: {@code NOT_OWNER}, {@code LOCKED} ... */
    public String code() {
        return body.path("error").path("code").asText();
    }

    /** The fields a 400 names. */
    public List<String> fields() {
        List<String> fields = new ArrayList<>();
        body.path("error").path("details").forEach(detail -> fields.add(detail.path("field").asText()));
        return fields;
    }
}
