package grants.core.governance;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A decision recorded by the clerk at a meeting of its body: its item, what it is about (an
 * indicator or an organisation), who declared an interest, whether it is exempt from publication,
 * its terms, and its quorum as G3 counted it.
 */
public record Decision(String id, String body, LocalDate meeting, String item, Optional<String> about,
                       List<String> declared, Optional<Exempt> exempt, Terms terms, Quorum quorum, String recordedBy) {

    /** Why a decision's words are kept from the public (G11). */
    public enum Exempt { PERSONAL, COMMERCIAL, LEGAL }

    public Decision {
        declared = declared.stream().distinct().sorted().toList();
    }

    public Terms.Kind kind() {
        return terms.kind();
    }
}
