package grants.testing.reporting;

import grants.core.reporting.BoardPack;
import grants.core.reporting.ChartPoint;
import grants.core.reporting.ContributingAgreement;
import grants.core.reporting.ReportCard;
import grants.core.reporting.Status;
import grants.documents.reporting.BoardPackPage;
import grants.documents.reporting.ReportCardPage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report cards (P7) and the board pack (P8) of the Coventry example's meeting of 19 November 2009,
 * read as a reader reads them: statuses and directions in words beside their tags, a chart with a title,
 * a description, direct labels and two line styles, the same figures in a table, revisions and
 * provisional figures marked, and print rules that keep a card to two A4 sides.
 */
class ReportCardPagesTest {

    /** The example played up to its meeting of 19 November 2009, and the pack that meeting read. */
    private static final RegisterReplay replay =
            RegisterReplay.play(IndicatorBook.read(IndicatorBook.COVENTRY), LocalDate.of(2009, 11, 19));
    private static final BoardPack pack = replay.service.boardPack(replay.as("board-lucy"), replay.book.registerId(),
            LocalDate.of(2009, 11, 19));
    private static final Map<String, ReportCard> byReference = pack.cards().stream()
            .collect(java.util.stream.Collectors.toMap(ReportCard::reference, c -> c));

    private static ReportCard card(String reference) {
        return byReference.get(reference);
    }

    static Document page(ReportCard card) {
        return parsedWithoutErrors(ReportCardPage.html(card));
    }

    /** Parsed as a browser would, refusing any parse error: an unclosed or stray tag fails the test. */
    private static Document parsedWithoutErrors(String html) {
        Parser parser = Parser.htmlParser().setTrackErrors(20);
        Document document = Jsoup.parse(html, "", parser);
        assertThat(parser.getErrors()).as("HTML parse errors").isEmpty();
        return document;
    }

    @Test
    void statusesAndDirectionsAreWordsInTheirTagsWithASentenceBeside() {
        Document recycling = page(card("NI 152"));
        assertThat(recycling.select(".status .tag").text()).isEqualTo("Not met");
        assertThat(recycling.select(".status dd").text())
                .contains("Year to date 15.4 against a target to date of 14.8").contains("lower is better");
        assertThat(recycling.select(".previous .tag").text()).isEqualTo("Better");
        assertThat(recycling.select(".previous dd").text()).endsWith("better than the previous quarter");
        assertThat(recycling.select(".last-year .tag").text()).isEqualTo("Worse");
        assertThat(recycling.select(".last-year dd").text()).endsWith("worse than the same quarter last year");

        Document homes = page(card("NI 154"));
        assertThat(homes.select(".status .tag").text()).isEqualTo("Near the target");
        Document cohesion = page(card("NI 116"));
        assertThat(cohesion.select(".previous .tag").text()).isEqualTo("Same");
        assertThat(cohesion.select(".previous dd").text()).endsWith("the same as the previous quarter");
        for (ReportCard card : pack.cards()) {
            Document page = page(card);
            assertThat(page.select(".status .tag").text()).as(card.reference()).isEqualTo(card.status().words());
            assertThat(page.select(".summary .tag")).as(card.reference()).allSatisfy(tag -> assertThat(tag.text()).isNotBlank());
        }
    }

    @Test
    void theCardSaysWhatItMeasuresWhoOwnsItAndWhereItBelongs() {
        Document page = page(card("NI 152"));
        assertThat(page.select("h1").text()).isEqualTo("NI 152: " + card("NI 152").title());
        assertThat(page.select(".caption").text()).contains("A prosperous Coventry: jobs, skills and homes");
        assertThat(page.select(".meta").first().text()).contains("2009-10 Q2 (July to September 2009)")
                .contains("Owner: " + card("NI 152").owner().name()).contains("end of 18 November 2009");
        assertThat(page.select(".summary").text()).contains("% of working-age residents").contains("Lower is better");
    }

    @Test
    void theTableShowsTheChartsFiguresQuarterByQuarter() {
        for (ReportCard card : pack.cards()) {
            Elements rows = page(card).select("table.figures tbody tr");
            assertThat(rows).as(card.reference()).hasSize(8);
            for (int i = 0; i < 8; i++) {
                ChartPoint point = card.chart().get(i);
                Elements cells = rows.get(i).select("td");
                assertThat(rows.get(i).select("th").text()).isEqualTo(point.period().toString());
                assertThat(cells.get(0).text()).as(card.reference() + " " + point.period()).isEqualTo(shown(card, point.value()));
                assertThat(cells.get(1).text()).isEqualTo(shown(card, point.yearToDate()));
                assertThat(cells.get(2).text()).isEqualTo(shown(card, point.targetToDate()));
            }
        }
        Element lastQuarter = page(card("NI 152")).select("table.figures tbody tr").last();
        assertThat(lastQuarter.select("th").text()).isEqualTo("2009-10 Q2");
        assertThat(lastQuarter.select("td").eachText()).startsWith("15.4", "15.4", "14.8");
        assertThat(page(card("NI 152")).select("table.figures tfoot").text()).contains("2007-08 Q4").contains("13.8");
    }

    private static String shown(ReportCard card, Optional<grants.core.commissioning.Fraction> figure) {
        return figure.map(card::shown).orElse("No figure");
    }

    @Test
    void theChartHasATitleADescriptionDirectLabelsAndTwoLineStyles() {
        ReportCard card = card("NI 152");
        Document page = page(card);
        Element svg = page.selectFirst("figure.chart svg");
        assertThat(svg.attr("role")).isEqualTo("img");
        for (String id : svg.attr("aria-labelledby").split(" ")) {
            assertThat(page.getElementById(id)).as(id).isNotNull();
        }
        assertThat(svg.selectFirst("title").text()).contains("NI 152").contains("year to date against target to date");
        assertThat(svg.selectFirst("desc").text()).contains("Solid line").contains("Dashed line").contains("Dotted line");
        assertThat(svg.select(".label text").eachText())
                .containsExactlyInAnyOrder("Year to date 15.4", "Target to date 14.8", "Baseline 13.8");
        assertThat(svg.select("polyline.line--year-to-date")).isNotEmpty();
        assertThat(svg.select("polyline.line--target")).isNotEmpty();
        String style = page.select("style").html();
        assertThat(style).containsPattern("\\.line--target \\{[^}]*stroke-dasharray")
                .doesNotContainPattern("\\.line--year-to-date \\{[^}]*stroke-dasharray");
        assertThat(svg.select("circle.point--year-to-date title").eachText()).contains("Year to date, 2009-10 Q2: 15.4");
        java.math.BigDecimal yearToDateY = new java.math.BigDecimal(svg.select("circle.point--year-to-date").last().attr("cy"));
        java.math.BigDecimal targetY = new java.math.BigDecimal(svg.select("rect.point--target").last().attr("y"));
        assertThat(yearToDateY).as("15.4 is drawn above 14.8").isLessThan(targetY);
        assertThat(page(card("NI 20")).select("polyline.line--year-to-date")).as("one line a year: none crosses April")
                .hasSize(2);
        assertThat(page.select("p.text-alternative").text()).contains("In 2009-10 Q2 the year to date is 15.4 against a target to date of 14.8: not met")
                .containsPattern("the quarter's figure (rose|fell|stayed)");
    }

    @Test
    void aQuarterRevisedBeforeTheMeetingIsMarkedWithItsReason() {
        String reason = replay.book.actuals().stream()
                .filter(a -> a.indicator().equals("ni-20") && a.period().equals("2009-10 Q1") && a.revisionReason() != null)
                .findFirst().orElseThrow().revisionReason();
        Document page = page(card("NI 20"));
        Element july = page.select("table.figures tbody tr").stream()
                .filter(row -> row.select("th").text().equals("2009-10 Q1")).findFirst().orElseThrow();
        assertThat(july.select("td").last().text()).isEqualTo("Revised: " + reason);
        assertThat(july.select("td").first().text()).isEqualTo("2.14");
        assertThat(page.select("circle.point--year-to-date title").eachText()).contains("Year to date, 2009-10 Q1: 2.14 (revised)");
        assertThat(page.select(".revisions li").text()).contains("2009-10 Q1").contains("3 September 2009").contains(reason);
        assertThat(page(card("NI 152")).select(".revisions").text()).contains("No figure on this card has been revised");
    }

    @Test
    void aProvisionalFigureIsMarkedInWordsAndAsAHollowPoint() {
        Document homes = page(card("NI 154"));
        assertThat(homes.select(".summary .tag--provisional").text()).isEqualTo("Provisional");
        assertThat(homes.select("table.figures tbody tr").last().select("td").last().text()).isEqualTo("Provisional");
        assertThat(homes.select("circle.point--provisional title").eachText()).contains("Year to date, 2009-10 Q2: 450 (provisional)");
        assertThat(homes.select(".key").text()).isEqualTo("Hollow points are provisional figures.");
        assertThat(page(card("NI 152")).select(".summary .tag--provisional")).isEmpty();
    }

    @Test
    void aCardAwaitingItsOwnerSaysSoAndOneReadyShowsTheNarrative() {
        Document sport = page(card("NI 8"));
        assertThat(sport.select(".notice").text()).contains("Awaiting the owner").contains("Claire Foster");
        assertThat(sport.select(".narrative").text()).contains("Not written yet.");
        ReportCard recycling = card("NI 152");
        Document ready = page(recycling);
        assertThat(ready.select(".notice")).isEmpty();
        assertThat(ready.select(".narrative h3").eachText()).containsExactly("What we've achieved", "What next");
        assertThat(ready.select(".narrative").text()).contains(recycling.narrative().orElseThrow().achieved())
                .contains(recycling.narrative().orElseThrow().next());
    }

    @Test
    void theContributingAgreementsLatestAcceptedOutputsAreListed() {
        ReportCard card = card("NI 152");
        ReportCard withAgreement = copy(card, card.chart(), card.status(), List.of(
                new ContributingAgreement("agr-7", "Job Shop Coventry", Optional.of(LocalDate.of(2009, 10, 20)),
                        Map.of("people into work", 42L, "people trained", 120L)),
                new ContributingAgreement("agr-9", "Skills Works", Optional.empty(), Map.of())));
        Elements rows = page(withAgreement).select(".contributions tbody tr");
        assertThat(rows.get(0).select("td").eachText())
                .containsExactly("agr-7", "Job Shop Coventry", "20 October 2009", "people into work: 42; people trained: 120");
        assertThat(rows.get(1).select("td").eachText()).containsExactly("agr-9", "Skills Works", "No return accepted yet", "None");
        assertThat(page(card).select(".contributions").text()).contains("No monitored agreement contributes");
    }

    @Test
    void aCardWithNoFigureYetSaysSoInsteadOfDrawingLines() {
        ReportCard card = card("NI 152");
        List<ChartPoint> empty = card.chart().stream().map(p -> new ChartPoint(p.period(), Optional.empty(),
                Optional.empty(), Optional.empty(), false, false)).toList();
        Document page = page(copy(card, empty, Status.NO_DATA, List.of()));
        assertThat(page.select(".status .tag").text()).isEqualTo("No figure yet");
        assertThat(page.select("svg polyline, svg circle")).isEmpty();
        assertThat(page.select("svg .label text").eachText()).containsExactly("Baseline 13.8");
        assertThat(page.select("p.text-alternative").text()).startsWith("No quarter from 2007-08 Q3 to 2009-10 Q2 has a figure yet.");
        assertThat(page.select("table.figures tbody td.num").eachText()).containsOnly("No figure");
    }

    private static ReportCard copy(ReportCard card, List<ChartPoint> chart, Status status,
                                   List<ContributingAgreement> contributions) {
        return new ReportCard(card.indicatorId(), card.reference(), card.title(), card.unit(),
                card.decimals(), card.polarity(), card.theme(), card.outcome(), card.owner(), card.period(),
                chart.get(chart.size() - 1).value(), chart.get(chart.size() - 1).yearToDate(),
                chart.get(chart.size() - 1).targetToDate(), status, card.againstPrevious(), card.againstYearBefore(),
                card.revised(), card.provisional(), card.revisions(), card.baseline(), chart, card.narrative(),
                contributions, card.asOf());
    }

    @Test
    void printRulesKeepACardToA4AndStartEachCardOfThePackOnANewPage() {
        String style = page(card("NI 152")).select("style").html();
        assertThat(style).containsPattern("@page \\{ size: A4; margin: \\d+mm");
        assertThat(style).containsPattern("@media print \\{[\\s\\S]*\\.card \\+ \\.card, \\.pack-summary \\+ \\.card \\{ break-before: page");
        assertThat(style).containsPattern("figure, table[^{]*\\{ break-inside: avoid");
    }

    @Test
    void thePackCountsByStatusThenHoldsEveryCardInItsOrderEachOnceById() {
        Document document = parsedWithoutErrors(BoardPackPage.html(pack));
        assertThat(document.select("h1").text()).isEqualTo("Board pack for the meeting of 19 November 2009");
        Map<String, String> counts = new java.util.HashMap<>();
        document.select("table.status-count tbody tr").forEach(row -> counts.put(row.select("th").text(), row.select("td").text()));
        assertThat(counts).containsEntry(Status.MET.words(), "4").containsEntry(Status.NEAR.words(), "5")
                .containsEntry(Status.NOT_MET.words(), "3").containsEntry(Status.NO_DATA.words(), "0");
        assertThat(document.select("table.status-count tfoot td").text()).isEqualTo("12");
        assertThat(document.select("main > article.card").eachAttr("id")).containsExactly(
                "card-ni-8", "card-ni-163", "card-ni-152", "card-ni-39", "card-ni-56", "card-ni-154", "card-ni-116",
                "card-ni-117", "card-ni-20", "card-ni-1", "card-ni-192", "card-ni-195");
        assertThat(document.select("main > *").first().className()).isEqualTo("pack-summary");
        assertThat(document.select(".pack-contents h3").eachText())
                .containsExactly("Awaiting the owner (2)", "Exceptions (3)", "The rest (7)");
        assertThat(document.select(".pack-contents a").eachAttr("href")).allSatisfy(href ->
                assertThat(document.getElementById(href.substring(1))).as(href).isNotNull());
        assertThat(document.select("article.card h2").first().text()).startsWith("NI 8:");
        assertThat(document.select("h1")).hasSize(1);
        assertNoDuplicateIds(document);
    }

    /** Keeps the pages under target/report-pages, to print and look at (see the notes on printing). */
    @Test
    void noPageRepeatsAnId() throws java.io.IOException {
        java.nio.file.Path folder = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "report-pages"));
        java.nio.file.Files.writeString(folder.resolve("board-pack.html"), BoardPackPage.html(pack));
        for (ReportCard card : pack.cards()) {
            assertNoDuplicateIds(page(card));
            java.nio.file.Files.writeString(folder.resolve(card.indicatorId() + ".html"), ReportCardPage.html(card));
        }
    }

    private static void assertNoDuplicateIds(Document document) {
        Set<String> seen = new HashSet<>();
        for (Element element : document.select("[id]")) {
            assertThat(seen.add(element.id())).as("id " + element.id() + " once").isTrue();
        }
    }
}
