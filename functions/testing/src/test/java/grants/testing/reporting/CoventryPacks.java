package grants.testing.reporting;

import grants.core.reporting.BoardPack;

import java.time.LocalDate;

/** The pack a board meeting of a register document read, for tests of other packages (governance's whole pack). */
public final class CoventryPacks {

    private CoventryPacks() {
    }

    /** The document {@code events/data/<name>} played up to {@code meeting}, and that meeting's pack as its manager reads it. */
    public static BoardPack packOf(String name, LocalDate meeting) {
        RegisterReplay replay = RegisterReplay.play(IndicatorBook.read(name), meeting);
        return replay.service.boardPack(replay.manager(), replay.book.registerId(), meeting);
    }
}
