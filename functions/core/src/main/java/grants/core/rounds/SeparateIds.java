package grants.core.rounds;

import grants.core.errors.ConflictException;
import grants.core.run.ProgrammeStore;

/**
 * Rounds and programmes never share an id, so never an audit trail (a trail is kept under its
 * owner's id): a round is refused a programme's id, and a programme a round's. Checked before
 * the first write; two managers creating both at the same instant is the one case it cannot see.
 */
public final class SeparateIds {

    private final ProgrammeStore programmes;
    private final RoundStore rounds;

    public SeparateIds(ProgrammeStore programmes, RoundStore rounds) {
        this.programmes = programmes;
        this.rounds = rounds;
    }

    /** Before a round is set up under this id. */
    public void refuseRoundIdOfAProgramme(String roundId) {
        if (programmes.exists(roundId)) {
            throw new ConflictException("ID_IS_A_PROGRAMME", "\"" + roundId + "\" is the id of a programme; a round"
                    + " cannot share it (nor its audit trail). Choose another id for the round.");
        }
    }

    /** Whether the id is a round's: its trail is read through the round, never as a programme's. */
    public boolean isRound(String id) {
        return rounds.header(id).isPresent();
    }

    /** Before a programme is stored under this id. */
    public void refuseProgrammeIdOfARound(String programmeId) {
        if (isRound(programmeId)) {
            throw new ConflictException("ID_IS_A_ROUND", "\"" + programmeId + "\" is the id of a commissioning round; a"
                    + " programme cannot share it (nor its audit trail). Choose another id for the programme.");
        }
    }
}
