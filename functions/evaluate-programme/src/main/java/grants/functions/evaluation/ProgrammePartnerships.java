package grants.functions.evaluation;

import grants.core.evaluation.SurveyedPartnership;
import grants.core.programme.Partnership;
import grants.core.programme.PartnershipType;
import grants.core.programme.Programme;
import grants.core.programme.Tier;
import grants.core.run.ProgrammeStore;
import grants.core.run.StoredProgramme;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Evaluation's narrow view of a programme, from its latest document: each partnership's tier and locality
 * in words (a county and its districts are one locality, named after the county) and its contacts.
 */
final class ProgrammePartnerships implements SurveyedPartnership.Source {

    static final String NO_LOCALITY = "Single tier (no two-tier locality)";

    private final ProgrammeStore programmes;

    ProgrammePartnerships(ProgrammeStore programmes) {
        this.programmes = programmes;
    }

    @Override
    public List<SurveyedPartnership> of(String programmeId) {
        return programmes.load(programmeId).map(StoredProgramme::programme).map(ProgrammePartnerships::surveyed)
                .orElse(List.of());
    }

    static List<SurveyedPartnership> surveyed(Programme programme) {
        Map<String, Partnership> byId = programme.partnerships().stream()
                .collect(Collectors.toMap(Partnership::id, Function.identity(), (a, b) -> a));
        return programme.partnerships().stream().map(partnership -> new SurveyedPartnership(partnership.id(),
                partnership.name(), partnership.tier() == Tier.SINGLE_TIER ? "Single tier" : "Two tier",
                locality(partnership, byId), partnership.contacts().stream()
                .map(contact -> new SurveyedPartnership.Contact(contact.name(), contact.email())).toList())).toList();
    }

    private static String locality(Partnership partnership, Map<String, Partnership> byId) {
        if (partnership.type() == PartnershipType.COUNTY) {
            return partnership.name();
        }
        if (partnership.type() == PartnershipType.DISTRICT && partnership.county() != null) {
            Partnership county = byId.get(partnership.county());
            return county == null ? partnership.county() : county.name();
        }
        return NO_LOCALITY;
    }
}
