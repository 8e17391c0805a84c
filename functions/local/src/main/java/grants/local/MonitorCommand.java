package grants.local;

import grants.adapters.dynamodb.DynamoMonitoringStore;
import grants.core.exports.ExportFile;
import grants.core.monitoring.MonitoringService;
import grants.documents.monitoring.BookAddressees;
import grants.documents.monitoring.BookReplay;
import grants.documents.monitoring.MonitoringBook;
import grants.documents.monitoring.MonitoringBookJson;
import grants.documents.monitoring.MonitoringFiles;
import grants.documents.monitoring.MonitoringRecord;
import grants.documents.monitoring.ServiceMonitoring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code monitor}: replays a monitoring document through the MonitorAgreements function on a fresh
 * embedded stack, each event as its person on its own day, the daily reminder run on every working day but the document's outages,
 * finance's payment runs on their days; then writes the files the rules list.
 */
@Command(name = "monitor", mixinStandardHelpOptions = true,
        description = "Replays a monitoring document (returns, reminders, holds, payment runs) and writes DIR/returns.csv,"
                + " milestones.csv, reminders.csv, payments-<day>.csv, held-<day>.csv, instalments.csv, outputs.csv,"
                + " refused.csv, monitoring-report.html and DIR/outbox/.")
final class MonitorCommand implements Callable<Integer> {

    @Mixin
    BookReplayOptions options;

    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    @Override
    public Integer call() throws IOException {
        Optional<MonitoringBook> read = DocumentRefusal.read(options.bookFile, "--book", MonitoringBookJson::read, err);
        if (read.isEmpty()) {
            return AllocateCommand.BAD_INPUT;
        }
        MonitoringBook book = read.get();
        MonitoringRecord record = replay(book);
        List<ExportFile> files = MonitoringFiles.render(record);
        OutDirectory.write(options.outDirectory, files);
        out.println("Replayed " + book.events().size() + " events on " + book.agreements().size() + " agreements to "
                + book.asOf() + ": " + record.paymentRuns().size() + " payment runs, " + record.ledger().size()
                + " reminders handled, " + record.pending().size() + " pending, " + record.refused().size()
                + " actions refused.");
        out.println("Wrote " + files.size() + " files to " + options.outDirectory.toAbsolutePath());
        return 0;
    }

    /**
     * The document lived through the MonitorAgreements function on a fresh in-memory stack (nothing is
     * kept afterwards): its agreements entered in force on the first day, as publishing a round's
     * decisions enters them.
     */
    private static MonitoringRecord replay(MonitoringBook book) throws IOException {
        ReplayClock clock = new ReplayClock(book.firstDay());
        Path scratch = Files.createTempDirectory("grants-monitor");
        try (LocalFunctions functions = LocalFunctions.inMemory(scratch, clock)) {
            DynamoMonitoringStore store = functions.wiring().monitoring();
            store.putBankHolidays(List.copyOf(book.bankHolidays()));
            BookAddressees addressees = new BookAddressees(book);
            MonitoringService service = new MonitoringService(store, addressees, clock);
            ServiceMonitoring onTheStore = new ServiceMonitoring(book, store, service, clock::set, addressees::bounce)
                    .enterAgreements();
            return BookReplay.run(book, new HandlerMonitoring(functions, clock, onTheStore, addressees));
        }
    }
}
