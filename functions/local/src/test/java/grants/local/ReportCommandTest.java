package grants.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.documents.Json;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's report command: the Coventry register replayed through the ReportPerformance function up to
 * the meeting of 19 November 2009, its files checked against the figures performance-rules.md's worked
 * example states (not against a run's output); the same document, its lists in another order, gives the
 * same bytes (P12); a bad document is refused whole and writes nothing.
 */
class ReportCommandTest {

    private static final String NOVEMBER = "2009-11-19";

    @TempDir
    static Path work;
    private static CommandRun first;

    @BeforeAll
    static void replay() throws IOException {
        first = CommandRun.of("report", "--book", coventry().toString(), "--meeting", NOVEMBER, "--out",
                work.resolve("first").toString());
    }

    @Test
    void theCoventryRegisterReplaysToTheSpecsWorkedExample() throws IOException {
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("9 refused");
        Path out = work.resolve("first");
        List<String> indicators = lines(out, "indicators.csv");
        assertThat(indicators.get(0)).isEqualTo("indicator_id,reference,period,value,year_to_date,target_to_date,status,"
                + "vs_previous,vs_last_year,revised,provisional,card");
        assertThat(indicators.subList(1, indicators.size())).as("by theme in the register's order, then reference")
                .extracting(line -> line.split(",")[1]).containsExactly("NI 152", "NI 154", "NI 163", "NI 116", "NI 117",
                        "NI 20", "NI 39", "NI 56", "NI 1", "NI 8", "NI 192", "NI 195");
        // the spec's table: year to date, target to date, status, against the previous quarter / a year before
        assertThat(row(indicators, "ni-117")).contains(",2009-10 Q2,7.6,7.6,7.9,MET,IMPROVED,IMPROVED,false,");
        assertThat(row(indicators, "ni-20")).contains(",4.25,4.25,MET,IMPROVED,IMPROVED,");
        assertThat(row(indicators, "ni-1")).contains(",76.6,76.5,MET,IMPROVED,IMPROVED,");
        assertThat(row(indicators, "ni-192")).contains(",32.8,32.0,MET,IMPROVED,IMPROVED,");
        assertThat(row(indicators, "ni-154")).contains(",450,500,NEAR,IMPROVED,WORSENED,false,true,");
        assertThat(row(indicators, "ni-163")).contains(",68.1,68.5,NEAR,IMPROVED,IMPROVED,").endsWith(",AWAITING_OWNER");
        assertThat(row(indicators, "ni-116")).contains(",24.1,23.8,NEAR,SAME,IMPROVED,");
        assertThat(row(indicators, "ni-39")).contains(",928,925,NEAR,WORSENED,WORSENED,false,true,");
        assertThat(row(indicators, "ni-195")).contains(",8.2,8.0,NEAR,IMPROVED,IMPROVED,");
        assertThat(row(indicators, "ni-152")).contains(",15.4,14.8,NOT_MET,IMPROVED,WORSENED,");
        assertThat(row(indicators, "ni-56")).contains(",19.6,19.2,NOT_MET,SAME,IMPROVED,");
        assertThat(row(indicators, "ni-8")).contains(",21.1,21.8,NOT_MET,WORSENED,IMPROVED,").endsWith(",AWAITING_OWNER");
        assertThat(indicators).filteredOn(line -> line.endsWith(",AWAITING_OWNER")).hasSize(2);

        assertThat(cardsInThePack(Files.readString(out.resolve("board-pack.html")))).as("awaiting, exceptions, the rest")
                .containsExactly("ni-8", "ni-163", "ni-152", "ni-39", "ni-56", "ni-154", "ni-116", "ni-117", "ni-20",
                        "ni-1", "ni-192", "ni-195");
        try (Stream<Path> cards = Files.list(out.resolve("cards"))) {
            assertThat(cards.map(card -> card.getFileName().toString())).hasSize(12).contains("ni-152.html", "ni-8.html");
        }

        List<String> observations = lines(out, "observations.csv");
        assertThat(observations.get(0)).isEqualTo("indicator_id,reference,period,value,status,target_to_date,published_on");
        assertThat(observations).hasSize(1 + 71);
        assertThat(row(observations, "ni-192", "2009-10 Q1")).contains(",32.7,");
        assertThat(row(observations, "ni-20", "2009-10 Q1")).as("revised after its meeting: stays with partners")
                .contains(",2.07,");
        assertThat(observations).noneMatch(line -> line.startsWith("ni-56,NI 56,2008-09 Q1,"));
        assertThat(row(observations, "ni-117", "2009-10 Q2")).as("the meeting day's revision is not public")
                .contains(",7.6,").endsWith("," + NOVEMBER);

        JsonNode iati = Json.parse(Files.readString(out.resolve("indicators.json")));
        List<JsonNode> iatiIndicators = new ArrayList<>();
        iati.get("result").forEach(result -> result.get("indicator").forEach(iatiIndicators::add));
        assertThat(iatiIndicators).hasSize(12);
        assertThat(iatiIndicators.stream().mapToInt(indicator -> indicator.get("period").size()).sum()).isEqualTo(71);
        JsonNode ni152 = iatiIndicators.stream().filter(i -> i.at("/reference/0/@code").asText().equals("NI 152"))
                .findFirst().orElseThrow();
        assertThat(ni152.at("/@ascending").asText()).as("lower is better").isEqualTo("0");
        assertThat(ni152.at("/@measure").asText()).as("a percentage").isEqualTo("2");
        assertThat(ni152.at("/baseline/0/@value").asText()).isEqualTo("13.8");
        assertThat(ni152.at("/baseline/0/@iso-date").asText()).as("2007-08 Q4 ends").isEqualTo("2008-03-31");

        List<String> refused = lines(out, "refused.csv");
        assertThat(refused.get(0)).isEqualTo("on,type,by,subject,reason");
        assertThat(refused.subList(1, refused.size())).hasSize(9)
                .satisfies(rows -> assertThat(rows).filteredOn(r -> r.endsWith(",NOT_OWNER")).hasSize(2)
                        .anyMatch(r -> r.contains(",board-")).anyMatch(r -> r.contains(",scrutiny-")))
                .satisfies(rows -> assertThat(rows).filteredOn(r -> r.endsWith(",REVISION_WITHOUT_REASON")).hasSize(2))
                .satisfies(rows -> assertThat(rows).filteredOn(r -> r.endsWith(",BEFORE_BASELINE")).hasSize(2))
                .satisfies(rows -> assertThat(rows).filteredOn(r -> r.endsWith(",QUARTER_NOT_ENDED")).singleElement()
                        .satisfies(r -> assertThat(r).startsWith("2009-11-12,actual,").contains(" 2009-10 Q4,")))
                .satisfies(rows -> assertThat(rows).filteredOn(r -> r.endsWith(",NOT_NARRATIVE_OWNER")).hasSize(2)
                        .anyMatch(r -> r.contains(",manager-")).anyMatch(r -> r.contains(",board-")));
    }

    @Test
    void theSameDocumentWithItsListsInAnotherOrderGivesTheSameBytes() throws IOException {
        assertThat(first.exitCode()).as(first.err()).isZero();
        ObjectNode document = (ObjectNode) Json.parse(Files.readString(coventry()));
        for (String list : List.of("outcomes", "people", "indicators", "narratives", "meetings")) {
            List<JsonNode> items = new ArrayList<>();
            document.get(list).forEach(items::add);
            Collections.reverse(items);
            ((ArrayNode) document.get(list)).removeAll().addAll(items);
        }
        List<JsonNode> actuals = new ArrayList<>();
        document.get("actuals").forEach(actuals::add);
        // by indicator, last first: a stable sort keeps each quarter's actuals in the order recorded (P12)
        actuals.sort(java.util.Comparator.comparing((JsonNode actual) -> actual.get("indicator").asText()).reversed());
        ((ArrayNode) document.get("actuals")).removeAll().addAll(actuals);
        Path reordered = work.resolve("reordered.json");
        Files.writeString(reordered, Json.write(document));

        CommandRun again = CommandRun.of("report", "--book", reordered.toString(), "--meeting", NOVEMBER, "--out",
                work.resolve("again").toString());

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(first.exitCode()).as(first.err()).isZero();
        List<Path> written;
        try (Stream<Path> files = Files.walk(work.resolve("first"))) {
            written = files.filter(Files::isRegularFile).toList();
        }
        assertThat(written).hasSize(5 + 12);
        for (Path file : written) {
            assertThat(work.resolve("again").resolve(work.resolve("first").relativize(file))).hasSameBinaryContentAs(file);
        }
    }

    /**
     * P7's "a maximum of two sides": every card the replay wrote, printed to PDF by the suite's one
     * headless Chromium as a person printing it gets it (A4, the page's own print CSS), is at most two
     * pages; the pack is a first page and then each card on its own pages (25 for this meeting). axe
     * finds no WCAG 2.2 A/AA violation on the pack, which holds every card, nor on a card's own page (each
     * is the same template in the same page; axe takes a second or more a page, so not twelve times).
     */
    @Test
    void everyCardPrintsOnAtMostTwoA4SidesAndTheCardsAndPackPassAxe() throws IOException {
        Assumptions.assumeTrue(BrowserSession.available(), "Chromium and chromium-driver are not installed");
        assertThat(first.exitCode()).as(first.err()).isZero();
        Path out = work.resolve("first").toAbsolutePath();
        List<Path> cards;
        try (Stream<Path> files = Files.list(out.resolve("cards"))) {
            cards = files.sorted().toList();
        }
        Map<String, Integer> printed = new TreeMap<>();
        int pack;
        try (BrowserSession session = BrowserSession.open("file://", "")) {
            for (Path card : cards) {
                session.browser().get(card.toUri().toString());
                if (card.endsWith("ni-152.html")) {
                    assertThat(session.accessibilityViolations()).as("WCAG 2.2 A/AA violations on a card").isEmpty();
                }
                printed.put(card.getFileName().toString(), printedPages(session));
            }
            session.browser().get(out.resolve("board-pack.html").toUri().toString());
            assertThat(session.accessibilityViolations()).as("WCAG 2.2 A/AA violations on the pack").isEmpty();
            pack = printedPages(session);
        }
        assertThat(printed).hasSize(12).allSatisfy((card, sides) -> assertThat(sides).as(card + " printed")
                .isBetween(1, 2));
        assertThat(pack).as("the pack: a first page, then each card on its own one or two sides")
                .isBetween(1 + printed.size(), 1 + printed.values().stream().mapToInt(Integer::intValue).sum());
    }

    /** The page printed as Chromium's print dialog would on A4 (its own {@code @page} rules), counted in pages. */
    private static int printedPages(BrowserSession session) {
        Map<String, Object> pdf = session.browser().executeCdpCommand("Page.printToPDF", Map.of(
                "paperWidth", 8.27, "paperHeight", 11.69, "preferCSSPageSize", true, "printBackground", true));
        String bytes = new String(Base64.getDecoder().decode((String) pdf.get("data")), java.nio.charset.StandardCharsets.ISO_8859_1);
        Matcher page = Pattern.compile("/Type\\s*/Page(?!s)").matcher(bytes);
        int count = 0;
        while (page.find()) {
            count++;
        }
        return count;
    }

    @Test
    void aBadDocumentIsRefusedWholeNamingEveryFieldAndWritesNothing() throws IOException {
        ObjectNode document = (ObjectNode) Json.parse(Files.readString(coventry()));
        ((ObjectNode) document.get("indicators").get(0)).put("decimals", 4);
        ((ObjectNode) document.get("actuals").get(0)).put("period", "2008-10 Q1");
        ((ObjectNode) document.get("meetings").get(0)).put("reviews", "2008-09 Q2");
        Path bad = work.resolve("bad.json");
        Files.writeString(bad, Json.write(document));

        CommandRun run = CommandRun.of("report", "--book", bad.toString(), "--out", work.resolve("refused").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("The register document was refused: 3 problems found; nothing was written.",
                "indicators[0].decimals: must be a whole number from 0 to 3", "actuals[0].period: must be a quarter",
                "meetings[0].reviews: \"2008-09 Q2\" had not ended by the meeting on 2008-08-21")
                .doesNotContain("Exception");
        assertThat(work.resolve("refused")).doesNotExist();
    }

    @Test
    void aMeetingTheRegisterDoesNotHaveIsRefusedAndWritesNothing() throws IOException {
        CommandRun run = CommandRun.of("report", "--book", coventry().toString(), "--meeting", "2009-11-20", "--out",
                work.resolve("no-meeting").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("--meeting: 2009-11-20 is not one of the register's board meetings");
        assertThat(work.resolve("no-meeting")).doesNotExist();
    }

    private static List<String> cardsInThePack(String pack) {
        List<String> ids = new ArrayList<>();
        Matcher card = Pattern.compile("<article class=\"card\" id=\"card-([a-z0-9-]+)\"").matcher(pack);
        while (card.find()) {
            ids.add(card.group(1));
        }
        return ids;
    }

    private static String row(List<String> lines, String indicatorId) {
        return lines.stream().filter(line -> line.startsWith(indicatorId + ",")).findFirst().orElseThrow();
    }

    private static String row(List<String> lines, String indicatorId, String period) {
        return lines.stream().filter(line -> line.startsWith(indicatorId + ",") && line.contains("," + period + ","))
                .findFirst().orElseThrow(() -> new AssertionError("no " + indicatorId + " " + period));
    }

    private static Path coventry() throws IOException {
        Path file = work.resolve("coventry-indicators.json");
        if (!Files.exists(file)) {
            try (InputStream in = ReportCommandTest.class.getResourceAsStream("/data/coventry-indicators.json")) {
                Files.write(file, in.readAllBytes());
            }
        }
        return file;
    }

    private static List<String> lines(Path out, String name) throws IOException {
        return Files.readAllLines(out.resolve(name));
    }
}
