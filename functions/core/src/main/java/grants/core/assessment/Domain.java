package grants.core.assessment;

import java.util.List;

/**
 * One domain of a framework: its statements, the adviser specialisms that help with it (from the
 * controlled list) and the workshop topics (domain ids) that cover it.
 */
public record Domain(String id, String title, List<Statement> statements, List<String> specialisms,
                     List<String> workshopTopics) {

    public Domain {
        statements = List.copyOf(statements);
        specialisms = List.copyOf(specialisms);
        workshopTopics = List.copyOf(workshopTopics);
    }
}
