package grants.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.documents.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's monitor command: the Coventry monitoring example replayed on the embedded stack, its
 * files checked against the spec's worked example (figures worked out from the spec, not from a run);
 * replayed twice, a document gives the same bytes.
 */
class MonitorCommandTest {

    @TempDir
    static Path work;
    private static CommandRun first;

    @BeforeAll
    static void replay() throws IOException {
        first = CommandRun.of("monitor", "--book", coventry().toString(), "--out", work.resolve("first").toString());
    }

    /**
     * The example's first seven months (two missed daily runs caught up, refusals, the instalment held on 1 October
     * for a missed milestone), written once into {@code DIR}: twice the whole example would take four minutes.
     */
    private static Path firstSevenMonths() throws IOException {
        ObjectNode document = (ObjectNode) Json.parse(Files.readString(coventry()));
        ArrayNode events = (ArrayNode) document.get("events");
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).get("on").asText().compareTo("2002-10-31") > 0) {
                events.remove(i);
            }
        }
        document.put("asOf", "2002-10-31");
        Path file = work.resolve("first-seven-months.json");
        Files.writeString(file, Json.write(document));
        return file;
    }

    private static Path coventry() throws IOException {
        Path file = work.resolve("coventry-monitoring.json");
        if (!Files.exists(file)) {
            try (InputStream in = MonitorCommandTest.class.getResourceAsStream("/data/coventry-monitoring.json")) {
                Files.write(file, in.readAllBytes());
            }
        }
        return file;
    }

    @Test
    void theCoventryExampleReplaysToTheSpecsWorkedFigures() throws IOException {
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("Replayed", "10 payment runs", "8 actions refused");
        Path out = work.resolve("first");
        assertThat(lines(out, "instalments.csv")).hasSize(1 + 84)
                .filteredOn(line -> line.endsWith(",CANCELLED,")).hasSize(7)
                .allSatisfy(line -> assertThat(line).startsWith("contract-housing-homes-together,").contains(",137500.00,"));
        assertThat(lines(out, "held-2003-04-01.csv")).hasSize(1 + 3);
        assertThat(lines(out, "held-2003-06-16.csv")).containsExactly("agreement_id,instalment,due_date,amount_gbp,reasons,blocking",
                "contract-cohesion-northside,5,2003-04-01,87500.00,RETURN_NOT_ACCEPTED,contract-cohesion-northside/2002-03 Q4");
        assertThat(lines(out, "payments-2003-05-15.csv")).filteredOn(line -> line.contains(",contract-skills-network,5,"))
                .singleElement().satisfies(line -> assertThat(line).contains(",200000.00,"));
        assertThat(lines(out, "reminders.csv")).hasSize(1 + 304)
                .filteredOn(line -> line.contains(",SENT,") && !line.split(",")[4].equals(line.split(",")[5]))
                .as("sent late, caught up after a missed run").hasSize(8);
        assertThat(lines(out, "refused.csv")).hasSize(1 + 8);
        try (Stream<Path> outbox = Files.list(out.resolve("outbox"))) {
            assertThat(outbox.filter(path -> path.toString().endsWith(".eml"))).hasSize(21);
        }
        assertThat(Files.readString(out.resolve("monitoring-report.html"))).contains("£4,725,000.00<", "£11,550,000.00<");
    }

    @Test
    void theSameDocumentGivesTheSameBytes() throws IOException {
        Path document = firstSevenMonths();
        for (String out : List.of("once", "again")) {
            CommandRun run = CommandRun.of("monitor", "--book", document.toString(), "--out", work.resolve(out).toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
        List<Path> written;
        try (Stream<Path> files = Files.walk(work.resolve("once"))) {
            written = files.filter(Files::isRegularFile).toList();
        }
        assertThat(written).as("returns, milestones, reminders, 4 payment runs' two files, instalments, outputs,"
                + " refused, the report and the emails").hasSizeGreaterThan(7 + 2 * 4);
        for (Path file : written) {
            assertThat(work.resolve("again").resolve(work.resolve("once").relativize(file))).hasSameBinaryContentAs(file);
        }
    }

    @Test
    void aBadDocumentIsRefusedWholeNamingEveryFieldAndWritesNothing() throws IOException {
        String document = Files.readString(coventry())
                .replace("\"by\": \"officer-bridget\",\n   \"email\"", "\"by\": \"officer-nobody\",\n   \"email\"")
                .replace("\"asOf\": \"2003-06-30\"", "\"asOf\": \"2003-06-31\"");
        Path bad = work.resolve("bad.json");
        Files.writeString(bad, document);

        CommandRun run = CommandRun.of("monitor", "--book", bad.toString(), "--out", work.resolve("refused").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("The monitoring document was refused: 2 problems found; nothing was written.",
                "].by: is not a person", "asOf: is not a real date").doesNotContain("Exception");
        assertThat(work.resolve("refused")).doesNotExist();
    }

    /**
     * The example's agreements with returns due 15 working days after their quarter instead of 20, replayed
     * through July 2002 with no event: the first quarter (ending Sunday 30 June) is due Friday 19 July,
     * not 26 July, and the reminders follow it.
     */
    @Test
    void aDocumentWithOtherSettingsIsMonitoredWithThem() throws IOException {
        ObjectNode document = (ObjectNode) Json.parse(Files.readString(coventry()));
        ((ObjectNode) document.get("settings")).put("returnDueWorkingDays", 15);
        document.putArray("events");
        document.putArray("paymentRuns");
        document.put("asOf", "2002-07-31");
        Path other = work.resolve("other-settings.json");
        Files.writeString(other, Json.write(document));

        CommandRun run = CommandRun.of("monitor", "--book", other.toString(), "--out", work.resolve("other").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(lines(work.resolve("other"), "returns.csv"))
                .filteredOn(line -> line.startsWith("contract-skills-network,contract-skills-network/2002-03 Q1,"))
                .singleElement().satisfies(line -> assertThat(line).contains(",2002-07-19,").doesNotContain("2002-07-26"));
        assertThat(lines(work.resolve("other"), "reminders.csv"))
                .filteredOn(line -> line.contains("contract-skills-network/2002-03 Q1/r-due/"))
                .singleElement().satisfies(line -> assertThat(line).contains(",2002-07-19,"));
    }

    private static List<String> lines(Path out, String name) throws IOException {
        return Files.readAllLines(out.resolve(name));
    }
}
