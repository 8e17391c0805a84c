package grants.core.assessment;

import grants.core.errors.NotFoundException;
import grants.core.support.PartnershipNeeds;

import java.util.Comparator;
import java.util.List;

/**
 * Support's narrow view of assessments: a partnership's domains by its latest confirmed figures,
 * weakest first (ties in the framework's order), each with the specialisms the framework maps to it.
 */
public final class NeedsFromAssessments implements PartnershipNeeds {

    private final Profiles profiles;

    public NeedsFromAssessments(Profiles profiles) {
        this.profiles = profiles;
    }

    @Override
    public List<Need> weakestFirst(String programmeId, String partnershipId) {
        Profile profile;
        try {
            profile = profiles.profile(programmeId, partnershipId);
        } catch (NotFoundException noFrameworkOrPartnership) {
            return List.of();
        }
        return profile.domains().stream().filter(scores -> scores.latest().isPresent())
                .sorted(Comparator.comparing(scores -> scores.latest().orElseThrow()))
                .map(scores -> {
                    Mean mean = scores.latest().orElseThrow();
                    return new Need(Domains.words(scores.domain().id()), mean.words(), mean.total(), mean.count(),
                            scores.domain().specialisms());
                }).toList();
    }
}
