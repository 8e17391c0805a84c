package grants.core.rounds;

import grants.core.commissioning.Panel;
import grants.core.commissioning.Proposal;
import grants.core.commissioning.RoundSetup;
import grants.core.commissioning.Sector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a panel page warns of, never refuses: members still needed because conflicts of interest
 * leave a proposal below quorum (rule C7), and a panel without the seed's mix of at least one
 * expert (a public or private organisation's member) and one voluntary or community member.
 *
 * @param stillNeeded   members to add so that every proposal can reach quorum (0: none)
 * @param shortOf       the proposals below quorum however many of the members score, by id
 */
public record PanelCheck(String specification, int members, int quorum, int stillNeeded, List<String> shortOf,
                         boolean hasExpert, boolean hasVoluntaryOrCommunity, List<String> warnings) {

    public PanelCheck {
        shortOf = List.copyOf(shortOf);
        warnings = List.copyOf(warnings);
    }

    /** The panel's members with their declared interests, against the specification's proposals. */
    public static PanelCheck of(RoundSetup setup, Panel panel, List<Proposal> proposals, Map<String, List<String>> declared) {
        List<Panel.Member> members = panel.members().stream().map(m -> new Panel.Member(m.id(), m.name(), m.organisation(),
                declared.getOrDefault(m.id(), m.interests()))).toList();
        int quorum = setup.panelQuorum();
        int needed = Math.max(0, quorum - members.size());
        List<String> shortOf = new ArrayList<>();
        for (Proposal proposal : proposals.stream().filter(p -> p.specification().equals(panel.specification()))
                .sorted(java.util.Comparator.comparing(Proposal::id)).toList()) {
            long clear = members.stream().filter(m -> !m.isConflictedOn(proposal)).count();
            if (clear < quorum) {
                shortOf.add(proposal.id());
                needed = Math.max(needed, (int) (quorum - clear));
            }
        }
        boolean expert = members.stream().anyMatch(m -> sector(setup, m).map(s -> s == Sector.PUBLIC || s == Sector.PRIVATE)
                .orElse(false));
        boolean voluntary = members.stream().anyMatch(m -> sector(setup, m)
                .map(s -> s == Sector.VOLUNTARY || s == Sector.COMMUNITY).orElse(false));
        List<String> warnings = new ArrayList<>();
        if (needed > 0) {
            warnings.add("Below quorum: " + quorum + " members without a conflict must score each proposal"
                    + (shortOf.isEmpty() ? "" : ", and conflicts leave " + String.join(", ", shortOf) + " short")
                    + "; add " + needed + " more member" + (needed == 1 ? "" : "s") + ".");
        }
        if (!expert) {
            warnings.add("No expert: add a member from a public or private organisation who knows the priority.");
        }
        if (!voluntary) {
            warnings.add("No voluntary or community member: add one who understands the client group's needs.");
        }
        return new PanelCheck(panel.specification(), members.size(), quorum, needed, shortOf, expert, voluntary, warnings);
    }

    private static Optional<Sector> sector(RoundSetup setup, Panel.Member member) {
        return setup.organisation(member.organisation()).map(RoundSetup.Organisation::sector);
    }
}
