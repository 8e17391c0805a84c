package grants.core.rounds;

import grants.core.access.Actor;
import grants.core.access.ForbiddenException;
import grants.core.access.Role;
import grants.core.commissioning.Proposal;
import grants.core.errors.NotFoundException;

import java.util.Comparator;
import java.util.List;

/**
 * The panel's meetings as the proposer meets them: a newly scheduled meeting is sent to the lead
 * organisation as an invitation (date, place, who attends), and the proposer sees its meetings,
 * never the panel's notes of them.
 */
public final class ProposerMeetings {

    private final RoundStore store;
    private final RoundService rounds;
    private final RoundPanels panels;
    private final RoundMail mail;

    public ProposerMeetings(RoundStore store, RoundService rounds, RoundPanels panels, RoundMail mail) {
        this.store = store;
        this.rounds = rounds;
        this.panels = panels;
        this.mail = mail;
    }

    /** Schedules (or notes) a meeting as the panel does, inviting the lead organisation when it is new. */
    public Replaced<Meeting> schedule(Actor actor, String roundId, Meeting meeting) {
        Replaced<Meeting> written = panels.meet(actor, roundId, meeting);
        if (written.before().isEmpty()) {
            Proposal proposal = proposal(roundId, meeting.proposal());
            mail.meetingInvitation(rounds.header(roundId), proposal, meeting);
        }
        return written;
    }

    /** A proposal's meetings, to its own lead's proposers (without the panel's notes), the manager and auditors. */
    public List<Meeting> of(Actor actor, String roundId, String proposalId) {
        rounds.header(roundId);
        Proposal proposal = proposal(roundId, proposalId);
        boolean staff = actor.has(Role.PROGRAMME_MANAGER) || actor.has(Role.AUDITOR);
        if (!staff && !actor.proposesFor(proposal.lead())) {
            throw new ForbiddenException("A proposer sees the meetings on their own organisation's proposals only.");
        }
        return store.meetings(roundId).stream().filter(m -> m.proposal().equals(proposalId))
                .sorted(Comparator.comparing(Meeting::at))
                .map(m -> staff ? m : new Meeting(m.proposal(), m.at(), m.minutes(), null, m.place(), m.attendees()))
                .toList();
    }

    private Proposal proposal(String roundId, String proposalId) {
        return store.proposals(roundId).stream().filter(p -> p.id().equals(proposalId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Round \"" + roundId + "\" has no proposal \"" + proposalId + "\"."));
    }
}
