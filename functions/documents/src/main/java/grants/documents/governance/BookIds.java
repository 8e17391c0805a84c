package grants.documents.governance;

import com.fasterxml.jackson.databind.JsonNode;
import grants.documents.FieldReader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The ids of a governance book: each given once in the whole book, the register's included (G1), and lists of known ones. */
final class BookIds {

    static final String PATTERN = "[a-z0-9-]{1,64}";
    static final String IN_WORDS = "1 to 64 characters of a-z, 0-9 and -";

    private final FieldReader reader;
    /** Where each id of the book was first given. */
    private final Map<String, String> idAt = new HashMap<>();

    BookIds(FieldReader reader) {
        this.reader = reader;
    }

    /** An id the register part gives (its themes, outcomes, people and indicators), at {@code where}. */
    void given(String id, String where) {
        idAt.putIfAbsent(id, where);
    }

    /** Claims an id for the thing at {@code where}; false (named at {@code field}) if something has it already. */
    boolean claim(String id, String where, String field) {
        String first = idAt.putIfAbsent(id, where);
        if (first != null && !first.equals(where)) {
            reader.problem(field, "\"" + id + "\" is already the id of " + first + ": ids are unique in the whole book");
            return false;
        }
        return true;
    }

    /** A list of ids each of which must be one of {@code ids}; null if any is not. */
    List<String> known(JsonNode parent, String path, String field, Set<String> ids, String whatEachIs) {
        List<JsonNode> given = reader.array(parent, path, field, true);
        List<String> values = new ArrayList<>();
        boolean good = parent.has(field);
        for (int i = 0; i < given.size(); i++) {
            String elementPath = FieldReader.path(path, field) + "[" + i + "]";
            String id = reader.element(given.get(i), elementPath, whatEachIs);
            if (id != null && !ids.contains(id)) {
                reader.problem(elementPath, "is not " + whatEachIs + ": \"" + id + "\"");
                id = null;
            }
            good &= id != null;
            values.add(id);
        }
        return good ? values : null;
    }
}
