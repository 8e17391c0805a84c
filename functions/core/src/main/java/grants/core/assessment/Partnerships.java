package grants.core.assessment;

import java.util.List;
import java.util.Optional;

/** The partnerships of a programme as assessing needs them (outbound port: the programme document outside). */
public interface Partnerships {

    Optional<PartnershipFacts> of(String programmeId, String partnershipId);

    /** Every partnership of the programme, by id. */
    List<PartnershipFacts> all(String programmeId);
}
