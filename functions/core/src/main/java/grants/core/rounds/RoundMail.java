package grants.core.rounds;

import grants.core.commissioning.RoundOutcome;
import grants.core.commissioning.Specification;

import java.util.List;

/** The emails of a round, queued through the notices machinery: exactly once, rate-limited, bounce-aware. */
public interface RoundMail {

    /** The call for proposals to every address of the mailing list. */
    void specificationsPublished(RoundHeader header, List<Specification> specifications);

    /** A decision letter to every proposal's lead organisation. */
    void decisionsPublished(RoundHeader header, RoundOutcome outcome);

    /** The panel's invitation to a proposal's lead organisation: the meeting's date, place and who attends. */
    void meetingInvitation(RoundHeader header, grants.core.commissioning.Proposal proposal, Meeting meeting);
}
