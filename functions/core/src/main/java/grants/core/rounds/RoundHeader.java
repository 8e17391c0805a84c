package grants.core.rounds;

import grants.core.commissioning.RoundSetup;

import java.time.LocalDate;
import java.util.List;

/**
 * A live round's set-up and stage, with what closing the vote fixed (the selected priorities and
 * the survey's tie note) and the closing date for proposals once published; once decisions are
 * published, the specifications whose decisions are (rule C10: one still waiting for a proposal's
 * scores or moderation is published later).
 */
public record RoundHeader(RoundSetup setup, Stage stage, List<String> selected, String tieNote, LocalDate closingDate,
                          List<String> publishedSpecifications) {

    public RoundHeader {
        selected = List.copyOf(selected);
        publishedSpecifications = List.copyOf(publishedSpecifications);
    }

    public RoundHeader(RoundSetup setup, Stage stage, List<String> selected, String tieNote, LocalDate closingDate) {
        this(setup, stage, selected, tieNote, closingDate, List.of());
    }

    /** Published, with these specifications' decisions published. */
    public RoundHeader published(List<String> specifications) {
        return new RoundHeader(setup, Stage.PUBLISHED, selected, tieNote, closingDate, specifications);
    }

    public boolean isPublished(String specification) {
        return stage == Stage.PUBLISHED && publishedSpecifications.contains(specification);
    }

    public static RoundHeader open(RoundSetup setup) {
        return new RoundHeader(setup, Stage.VOTING, List.of(), null, null);
    }

    public String roundId() {
        return setup.roundId();
    }

    public RoundHeader at(Stage next) {
        return new RoundHeader(setup, next, selected, tieNote, closingDate, publishedSpecifications);
    }
}
