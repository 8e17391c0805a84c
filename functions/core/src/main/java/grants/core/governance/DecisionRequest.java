package grants.core.governance;

import java.util.List;
import java.util.Optional;

/**
 * A decision as the clerk records it at today's meeting of {@code body}: its id, item, what it is
 * about (an indicator or an organisation), the members who declared an interest and withdrew, whether
 * it is exempt from publication, and its terms.
 */
public record DecisionRequest(String id, String body, String item, Optional<String> about, List<String> declared,
                              Optional<Decision.Exempt> exempt, Terms terms) {

    public DecisionRequest {
        declared = List.copyOf(declared);
    }
}
