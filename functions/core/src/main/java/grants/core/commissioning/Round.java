package grants.core.commissioning;

import java.util.List;
import java.util.Optional;

/** A round's whole record: what replay takes, and what the live stages add up to. */
public record Round(RoundSetup setup, List<Ballot> ballots, List<Specification> specifications,
                    List<Proposal> proposals, List<Panel> panels, List<ScoreSheet> scores,
                    List<Moderation> moderations) {

    public Round {
        ballots = List.copyOf(ballots);
        specifications = List.copyOf(specifications);
        proposals = List.copyOf(proposals);
        panels = List.copyOf(panels);
        scores = List.copyOf(scores);
        moderations = List.copyOf(moderations);
    }

    public Optional<Specification> specification(String id) {
        return specifications.stream().filter(specification -> specification.id().equals(id)).findFirst();
    }

    public Optional<Proposal> proposal(String id) {
        return proposals.stream().filter(proposal -> proposal.id().equals(id)).findFirst();
    }

    public Optional<Panel> panel(String specification) {
        return panels.stream().filter(panel -> panel.specification().equals(specification)).findFirst();
    }
}
