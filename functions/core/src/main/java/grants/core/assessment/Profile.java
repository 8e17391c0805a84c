package grants.core.assessment;

import java.util.List;
import java.util.Optional;

/**
 * A partnership's scores by domain, at the baseline and at the end: each the exact mean of its
 * statements' scores in the latest confirmed assessment of that wave (absent where none counts yet).
 */
public record Profile(PartnershipFacts partnership, List<DomainScores> domains, Optional<Assessment> baseline,
                      Optional<Assessment> end) {

    public Profile {
        domains = List.copyOf(domains);
    }

    public record DomainScores(Domain domain, Optional<Mean> baseline, Optional<Mean> end) {

        /** The latest figure there is: the end's, else the baseline's. */
        public Optional<Mean> latest() {
            return end.or(() -> baseline);
        }
    }
}
