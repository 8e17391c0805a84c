package grants.testing.governance;

import grants.documents.governance.GovernanceBook;
import grants.core.governance.BoardPapers;
import grants.core.reporting.BoardPack;
import grants.documents.governance.BoardPackWithGovernance;
import grants.documents.governance.MinutesPage;
import grants.testing.reporting.CoventryPacks;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Coventry example's board meeting of 18 February 2010 as the board prints it: reporting's pack
 * with the governance section after its cards (G10), in one document, and the meeting's minutes (G8,
 * G3). Both are left under {@code target/governance-pages/} to print by hand.
 */
class GovernancePapersPagesTest {

    private static final LocalDate FEBRUARY = LocalDate.of(2010, 2, 18);
    private static final Path OUT = Path.of("target", "governance-pages");

    private static Document pack;
    private static Document minutes;

    @BeforeAll
    static void thePapersOfFebruary() throws IOException {
        GovernanceBook book = GovernanceReplay.coventry();
        GovernanceReplay replay = GovernanceReplay.play(book,
                GovernanceReplay.packs(book, CoventryGovernanceExampleTest.EXCEPTIONS));
        BoardPapers papers = new BoardPapers(replay.store,
                GovernanceReplay.packs(book, CoventryGovernanceExampleTest.EXCEPTIONS), book.registerId());
        BoardPack reporting = CoventryPacks.packOf(GovernanceReplay.COVENTRY, FEBRUARY);
        Map<String, String> names = names();
        String packPage = BoardPackWithGovernance.html(reporting, papers.packSection(replay.clerk, FEBRUARY), names);
        String minutesPage = MinutesPage.html(book.registerId(), papers.minutes(replay.clerk, "clpsb", FEBRUARY), names);
        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve("board-pack-2010-02-18.html"), packPage);
        Files.writeString(OUT.resolve("minutes-clpsb-2010-02-18.html"), minutesPage);
        pack = parsedWithoutErrors(packPage);
        minutes = parsedWithoutErrors(minutesPage);
    }

    /** The register's people by id, as the function reads them from the register. */
    private static Map<String, String> names() throws IOException {
        Map<String, String> names = new java.util.HashMap<>();
        try (var in = GovernancePapersPagesTest.class.getResourceAsStream("/data/" + GovernanceReplay.COVENTRY)) {
            grants.documents.Json.MAPPER.readTree(in).get("people")
                    .forEach(p -> names.put(p.get("id").asText(), p.get("name").asText()));
        }
        return names;
    }

    private static Document parsedWithoutErrors(String html) {
        Parser parser = Parser.htmlParser().setTrackErrors(20);
        Document document = Jsoup.parse(html, "", parser);
        assertThat(parser.getErrors()).as("HTML parse errors").isEmpty();
        Set<String> ids = new HashSet<>();
        document.select("[id]").forEach(e -> assertThat(ids.add(e.id())).as("id " + e.id() + " once").isTrue());
        return document;
    }

    @Test
    void theGovernanceSectionFollowsTheCardsInTheSameDocumentAndIsListedOnTheFirstPage() {
        List<Element> parts = pack.select("main > *");
        assertThat(parts.get(0).hasClass("pack-summary")).isTrue();
        assertThat(parts.get(parts.size() - 1).id()).isEqualTo("governance");
        assertThat(pack.select("article.card")).hasSize(12);
        assertThat(pack.select(".pack-contents a[href=#governance]").text())
                .isEqualTo("Governance: actions and recommendations (6 and 4)");
    }

    @Test
    void actionsComeFirstTheEscalatedOneAtTheTopEachWithItsStateInWords() {
        List<Element> actions = pack.select("#governance table").get(0).select("tbody tr");
        assertThat(actions).hasSize(6);
        Element escalated = actions.get(0);
        assertThat(escalated.select("th").text()).endsWith("clpsb-2009-11-19-01");
        assertThat(escalated.select("td").get(1).text()).isEqualTo("Sandra Mills");
        assertThat(escalated.select("td.words").text()).isEqualTo("Escalated on 15 February 2010 In progress"
                + " Due 15 January 2010, 23 working days overdue, in progress");
        assertThat(actions.get(1).select("td.words").text())
                .isEqualTo("In progress Due 29 January 2010, 13 working days overdue, in progress");
        assertThat(actions.get(5).select(".tag").text()).isEqualTo("Completed");
        List<Element> recommendations = pack.select("#governance table").get(1).select("tbody tr");
        assertThat(recommendations).extracting(r -> r.select("td.num").text())
                .containsExactly("7", "8", "9", "10");
        assertThat(recommendations.get(0).select("td.words").text())
                .isEqualTo("Awaiting an answer Answer due 17 March 2010");
        assertThat(recommendations.get(3).select("td.words").text()).isEqualTo("Rejected");
    }

    @Test
    void theMinutesSayWhichExceptionsWereDecidedThenEachDecisionWithWhoWasCountedOut() {
        assertThat(minutes.select("h1").text()).isEqualTo("Minutes of Coventry Local Public Service Board, 18 February 2010");
        assertThat(minutes.select(".exceptions-decided").text()).startsWith("3 of 5 exceptions in the board pack decided")
                .endsWith("Not decided: NI 56, NI 8.");
        assertThat(minutes.select("tbody tr")).extracting(r -> r.select("th").text() + " " + r.select(".tag").text())
                .containsExactly("NI 152 Decided", "NI 154 Decided", "NI 117 Decided", "NI 56 Not decided",
                        "NI 8 Not decided");
        assertThat(minutes.select("li").eachText()).contains("Catherine Rowe (chair)", "Susan Patel",
                "Alan Pritchard (observer, does not vote)", "Joanne Price (not a member)");
        Element stokeAldermoor = minutes.getElementById("decision-clpsb-2010-02-18-04");
        assertThat(stokeAldermoor.text()).contains("4 of 5 voting members counted, 3 needed")
                .contains("Susan Patel (an interest not declared: works for the organisation the item is about)");
        Element exempt = minutes.getElementById("decision-clpsb-2010-02-18-05");
        assertThat(exempt.select(".tag").text()).isEqualTo("Exempt from publication (legal)");
        assertThat(exempt.text()).contains("Catherine Rowe (declared an interest and withdrew)");
    }
}
