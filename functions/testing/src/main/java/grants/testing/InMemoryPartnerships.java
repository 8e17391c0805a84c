package grants.testing;

import grants.core.assessment.PartnershipFacts;
import grants.core.assessment.Partnerships;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Assessing's port of partnerships, held in memory: a programme's partnerships as the tests name them. */
public final class InMemoryPartnerships implements Partnerships {

    private final Map<String, Map<String, PartnershipFacts>> byProgramme = new ConcurrentHashMap<>();

    public InMemoryPartnerships add(String programmeId, PartnershipFacts partnership) {
        byProgramme.computeIfAbsent(programmeId, id -> new TreeMap<>()).put(partnership.id(), partnership);
        return this;
    }

    @Override
    public Optional<PartnershipFacts> of(String programmeId, String partnershipId) {
        return Optional.ofNullable(byProgramme.getOrDefault(programmeId, Map.of()).get(partnershipId));
    }

    @Override
    public List<PartnershipFacts> all(String programmeId) {
        return List.copyOf(byProgramme.getOrDefault(programmeId, Map.of()).values());
    }
}
