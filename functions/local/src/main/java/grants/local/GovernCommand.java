package grants.local;

import grants.core.errors.GrantsException;
import grants.core.governance.GovernanceSettings;
import grants.documents.governance.GovernanceBook;
import grants.documents.governance.GovernanceBookJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code govern}: replays a governance book through the GovernBoards function on a fresh embedded stack, each
 * event as its person on its day, the daily escalation run on every working day but the book's outages; then
 * writes the files governance-rules.md lists, as at the end of {@code asOf}, and the escalation emails.
 */
@Command(name = "govern", mixinStandardHelpOptions = true,
        description = "Replays a governance book (a register with its bodies, meetings and what people did) and writes"
                + " DIR/decisions.csv, actions.csv, recommendations.csv, meetings.csv, reviews.csv, coverage.csv,"
                + " governance-<date>.csv for each board meeting, refused.csv and DIR/outbox/.")
final class GovernCommand implements Callable<Integer> {

    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    /** The book, and the folder its files are written to. */
    @Mixin
    BookReplayOptions options;

    @Override
    public Integer call() throws IOException {
        Optional<GovernanceBook> read = DocumentRefusal.read(options.bookFile, "--book", GovernanceBookJson::read, err);
        return read.isPresent() && replayable(read.get()) ? replay(read.get()) : AllocateCommand.BAD_INPUT;
    }

    /** The function holds every partnership to the standard settings; a book with others is refused, saying so. */
    private boolean replayable(GovernanceBook book) {
        if (!book.settings().equals(GovernanceSettings.STANDARD)) {
            err.println("The governance book was refused: 1 problem found; nothing was written.");
            err.println("  settings: the GovernBoards function holds every partnership to "
                    + GovernanceSettings.STANDARD.escalationWorkingDays() + " and "
                    + GovernanceSettings.STANDARD.responseDueWorkingDays() + " working days, so a book with "
                    + book.settings().escalationWorkingDays() + " and " + book.settings().responseDueWorkingDays()
                    + " cannot be replayed through it yet");
            return false;
        }
        return true;
    }

    private int replay(GovernanceBook book) throws IOException {
        GovernanceReplayOnTheFunction.Replayed replayed;
        try {
            replayed = GovernanceReplayOnTheFunction.replay(book);
        } catch (GrantsException badInput) {
            return DocumentRefusal.print(err, badInput); // an event names what a refused event would have made
        }
        OutDirectory.write(options.outDirectory, replayed.files());
        int emails = Outbox.write(replayed.emails(), options.outDirectory.resolve("outbox"));
        out.println("Replayed " + replayed.events() + " events of " + book.registerId() + " to " + book.asOf() + ": "
                + replayed.refused() + " refused, " + replayed.escalated() + " actions escalated, " + emails
                + " emails sent.");
        out.println("Wrote " + replayed.files().size() + " files and " + emails + " emails to "
                + options.outDirectory.toAbsolutePath());
        return 0;
    }
}
