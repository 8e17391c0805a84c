package grants.local;

import grants.core.exports.ExportFile;
import grants.core.reporting.Meeting;
import grants.documents.Json;
import grants.documents.reporting.RegisterBook;
import grants.documents.reporting.RegisterBookJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code report}: replays a register document through the ReportPerformance function on a fresh
 * embedded stack, up to and including a board meeting (P11), each entry as its person on its own day;
 * then writes the files performance-rules.md lists for that meeting.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Replays an indicator register up to a board meeting and writes DIR/indicators.csv, board-pack.html,"
                + " cards/<indicator_id>.html, observations.csv, indicators.json and refused.csv.")
final class ReportCommand implements Callable<Integer> {

    @Option(names = {"--book", "--register"}, required = true, paramLabel = "FILE",
            description = "The register document (JSON).")
    Path bookFile;

    @Option(names = "--meeting", paramLabel = "DATE",
            description = "The board meeting (YYYY-MM-DD), one of the register's; the latest if not given.")
    String meetingDate;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the files.")
    Path outDirectory;

    private final PrintStream err = System.err;

    @Override
    public Integer call() throws IOException {
        Optional<RegisterBook> read = DocumentRefusal.read(bookFile, "--book", RegisterBookJson::read, err);
        Optional<Meeting> meeting = read.flatMap(this::meeting);
        if (meeting.isEmpty()) {
            return AllocateCommand.BAD_INPUT; // what was wrong is said; nothing is written
        }
        RegisterBook book = read.get();
        if (book.indicators().stream().anyMatch(indicator -> !indicator.contributions().isEmpty())) {
            err.println("Note: contributing agreements are not replayed: the replay's fresh stack monitors no"
                    + " agreement, and the function saves only monitored ones.");
        }
        RegisterReplayOnTheFunction.Replayed replayed = RegisterReplayOnTheFunction.replay(book, meeting.get());
        OutDirectory.write(outDirectory, replayed.files());
        PrintStream out = System.out;
        out.println("Replayed " + replayed.entries() + " entries of " + book.registerId() + " up to the board meeting of "
                + meeting.get().date() + " (reviewing " + meeting.get().reviews() + "): " + replayed.refused()
                + " refused.");
        out.println("Wrote " + replayed.files().size() + " files to " + outDirectory.toAbsolutePath());
        return 0;
    }

    /** The meeting asked for, which must be one of the register's, or the latest; empty once the problem is said. */
    private Optional<Meeting> meeting(RegisterBook book) {
        if (meetingDate == null) {
            if (book.meetings().isEmpty()) {
                err.println("meetings: the register has no board meeting to replay up to. Nothing was written.");
                return Optional.empty();
            }
            return Optional.of(book.meetings().get(book.meetings().size() - 1));
        }
        LocalDate date;
        try {
            date = LocalDate.parse(meetingDate);
        } catch (DateTimeParseException notADay) {
            err.println("--meeting: must be a day written YYYY-MM-DD, got \"" + meetingDate + "\". Nothing was written.");
            return Optional.empty();
        }
        Optional<Meeting> meeting = book.meeting(date);
        if (meeting.isEmpty()) {
            err.println("--meeting: " + date + " is not one of the register's board meetings ("
                    + String.join(", ", book.meetings().stream().map(m -> m.date().toString()).toList())
                    + "). Nothing was written.");
        }
        return meeting;
    }
}
