package grants.core.rounds;

import grants.core.commissioning.RoundSetup;

import java.time.LocalDate;
import java.util.List;

/**
 * A live round's set-up and stage, with what closing the vote fixed (the selected priorities and
 * the survey's tie note) and the closing date for proposals once published.
 */
public record RoundHeader(RoundSetup setup, Stage stage, List<String> selected, String tieNote, LocalDate closingDate) {

    public RoundHeader {
        selected = List.copyOf(selected);
    }

    public static RoundHeader open(RoundSetup setup) {
        return new RoundHeader(setup, Stage.VOTING, List.of(), null, null);
    }

    public String roundId() {
        return setup.roundId();
    }

    public RoundHeader at(Stage next) {
        return new RoundHeader(setup, next, selected, tieNote, closingDate);
    }
}
