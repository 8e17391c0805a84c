package grants.adapters.wiring;

import grants.core.assessment.PartnershipFacts;
import grants.core.assessment.Partnerships;
import grants.core.programme.Contact;
import grants.core.programme.Partnership;
import grants.core.programme.PartnershipType;
import grants.core.run.ProgrammeStore;
import grants.core.run.StoredProgramme;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Assessing's view of a programme's partnerships, from the stored programme document: the Project
 * Champions are the {@code PROJECT_CHAMPION} contacts it names (the seed check's reading), by email.
 */
public final class ProgrammePartnerships implements Partnerships {

    private final ProgrammeStore programmes;

    public ProgrammePartnerships(ProgrammeStore programmes) {
        this.programmes = programmes;
    }

    @Override
    public Optional<PartnershipFacts> of(String programmeId, String partnershipId) {
        return programmes.load(programmeId).flatMap(stored -> stored.programme().partnership(partnershipId))
                .map(ProgrammePartnerships::facts);
    }

    @Override
    public List<PartnershipFacts> all(String programmeId) {
        return programmes.load(programmeId).map(StoredProgramme::programme).map(programme -> programme.partnerships()
                .stream().sorted(Comparator.comparing(Partnership::id)).map(ProgrammePartnerships::facts).toList())
                .orElse(List.of());
    }

    private static PartnershipFacts facts(Partnership partnership) {
        return new PartnershipFacts(partnership.id(), partnership.name(), partnership.laa(),
                partnership.type() == PartnershipType.DISTRICT, partnership.contacts().stream()
                .filter(contact -> "PROJECT_CHAMPION".equals(contact.role())).map(Contact::email).toList());
    }
}
