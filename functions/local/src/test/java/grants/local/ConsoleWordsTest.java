package grants.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console's plain-English wording and its components, run by node exactly as the browser loads
 * them: money as £19,600.00 from the API's string, days and moments in words in UK time, status codes
 * in words, refusals as sentences at their fields, and typed text escaped and kept.
 */
class ConsoleWordsTest {

    @TempDir
    Path work;

    @Test
    void daysAreWrittenInWordsWithoutTimeZoneSurprises() throws Exception {
        assertThat(run("['2001-04-29', '2002-01-01', '2004-12-31', '2000-02-29'].forEach(d => console.log(dayInWords(d)))"))
                .containsExactly("29 April 2001", "1 January 2002", "31 December 2004", "29 February 2000");
    }

    @Test
    void aStatisticReadsAsASentenceNamingItsSourceAndDay() throws Exception {
        assertThat(run("console.log(evidenceInWords({statistic: 'Unemployment in the priority neighbourhoods is 9.2%, "
                + "twice the city\\'s rate.', source: 'Office for National Statistics, Census 2001', date: '2001-04-29'}))"))
                .containsExactly("Unemployment in the priority neighbourhoods is 9.2%, twice the city's rate. "
                        + "Source: Office for National Statistics, Census 2001, 29 April 2001.");
    }

    @Test
    void moneyIsTheApisDigitsWithAPoundSignAndCommas() throws Exception {
        assertThat(run("['19600.00', '1181.25', '0.00', '-1181.25', '1234567.89'].forEach(m => console.log(money(m)))"))
                .containsExactly("£19,600.00", "£1,181.25", "£0.00", "−£1,181.25", "£1,234,567.89");
    }

    @Test
    void momentsAreWrittenInWordsInUkTime() throws Exception {
        assertThat(run("['2026-12-03T21:24:04.587657563Z', '2026-07-03T11:00:00Z', '2026-07-03T23:30:00Z', '2026-12-31T00:00:00Z']"
                + ".forEach(t => console.log(dateTime(t)))"))
                .containsExactly("3 December 2026 at 9:24pm", "3 July 2026 at midday", "4 July 2026 at 12:30am",
                        "31 December 2026 at midnight");
    }

    @Test
    void statusCodesAreWordsEvenWhenNotYetInTheMap() throws Exception {
        assertThat(run("['NEEDS_MODERATION', 'FUNDED', 'NOT_FUNDED_SCORE', 'SOMETHING_NEW'].forEach(c => console.log(inWords(c)))"))
                .containsExactly("Needs moderation", "Funded", "Not funded: score too low", "Something new");
    }

    @Test
    void aRefusalBecomesASentenceAtEachFieldOnThePage() throws Exception {
        assertThat(run("const errors = refusalErrors({ message: 'request: nothing was written', details: ["
                + "{ field: 'days', problem: 'must be in half-day steps' },"
                + "{ field: 'members[2]', problem: 'is in the warwickshire locality, not shropshire: a pool is one locality only' },"
                + "{ field: 'date', problem: 'must fall in the programme year, 2026-04-01 to 2027-03-31, got 2028-01-01' },"
                + "{ field: 'grantRates.SINGLE_TIER', problem: 'must be an amount' },"
                + "{ field: 'poolId', problem: 'in the path must be 1 to 128 characters of letters, digits, _ . : -' },"
                + "{ field: 'organisation', problem: 'must be a non-empty string' },"
                + "{ field: 'closingDate', problem: 'must be a date written YYYY-MM-DD, got \\\"2002-02-30\\\"' }] },"
                + "{ days: { id: 'days', label: 'Days' }, members: 'members', date: { id: 'date', label: 'The date' }, poolId: { id: 'pool-id', label: 'The reference' },"
                + " organisation: { id: 'organisation', label: 'Their organisation' },"
                + " closingDate: { id: 'closingDate', label: 'The closing date' } }, 'adviser');"
                + "Object.entries(errors).forEach(([id, text]) => console.log(id + ' = ' + text))"))
                .containsExactly("days = Days must be in half-day steps.",
                        "members = Members is in the warwickshire locality, not shropshire: a pool is one locality only.",
                        "date = The date must fall in the programme year, 1 April 2026 to 31 March 2027, got 1 January 2028.",
                        "adviser = Single-tier must be an amount.",
                        "pool-id = The reference can only be letters, digits, hyphens, underscores, full stops and colons, up to 128 of them.",
                        "organisation = Their organisation is required.",
                        "closingDate = The closing date must be a real date, as a day, month and year.");
    }

    @Test
    void aFieldShowsItsErrorAndKeepsWhatWasTypedEscaped() throws Exception {
        String field = String.join("\n", run("console.log(field({ id: 'topic', label: 'Topic', value: '\"><script>alert(1)</script>',"
                + " error: 'Enter a topic <b>now</b>' }).text)"));

        assertThat(field).contains("govuk-form-group--error", "govuk-input--error",
                "<p class=\"govuk-error-message\" id=\"topic-error\"><span class=\"govuk-visually-hidden\">Error:</span> Enter a topic &lt;b&gt;now&lt;/b&gt;</p>",
                "value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"", "aria-describedby=\"topic-error\"")
                .doesNotContain("<script>", "<b>");
    }

    @Test
    void checkAnswersLinksEachChangeAndAWideTableScrollsInANamedRegion() throws Exception {
        String markup = String.join("\n", run("console.log(checkAnswers([{ heading: 'The money', rows: ["
                + "{ key: 'Final grants', value: '£372,400.00', change: '/programmes/l2d/preview' }, ['Unallocated', '£0.00']] }]).text);"
                + "console.log(table({ caption: 'Two-tier localities', head: ['Locality'], rows: [['Shropshire']] }).text);"
                + "console.log(warningText('It cannot be undone.').text)"));

        assertThat(markup).contains("<h2 class=\"govuk-heading-m\">The money</h2>",
                "href=\"/programmes/l2d/preview\">Change<span class=\"govuk-visually-hidden\"> final grants</span>",
                "govuk-summary-list__row--no-actions", "£372,400.00",
                "<div class=\"app-table-region\" role=\"region\" aria-label=\"Two-tier localities\" tabindex=\"0\"><table",
                "<span class=\"govuk-visually-hidden\">Warning</span> It cannot be undone.");
    }

    private List<String> run(String script) throws IOException, InterruptedException {
        assumeTrue(nodeIsInstalled(), "node is needed to run the console's words.js");
        for (String file : List.of("words.js", "components/words.js", "components/html.js", "components/field.js",
                "components/errorMessage.js", "components/refusals.js", "components/checkAnswers.js", "components/summaryList.js",
                "components/table.js", "components/warningText.js")) {
            try (InputStream in = ConsoleWordsTest.class.getResourceAsStream("/console/" + file)) {
                assertThat(in).as(file + " is served with the console").isNotNull();
                Files.createDirectories(work.resolve(file).getParent());
                Files.write(work.resolve(file), in.readAllBytes());
            }
        }
        Files.writeString(work.resolve("package.json"), "{\"type\": \"module\"}\n");
        Path main = work.resolve("main.js");
        Files.writeString(main, "import { dayInWords, evidenceInWords } from './words.js'\n"
                + "import { money, dateTime, inWords } from './components/words.js'\n"
                + "import { field } from './components/field.js'\n"
                + "import { refusalErrors } from './components/refusals.js'\n"
                + "import { checkAnswers } from './components/checkAnswers.js'\n"
                + "import { table } from './components/table.js'\n"
                + "import { warningText } from './components/warningText.js'\n" + script + "\n");
        Process node = new ProcessBuilder("node", main.toString()).redirectErrorStream(true).start();
        assertThat(node.waitFor(30, TimeUnit.SECONDS)).as("node finished").isTrue();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.exitValue()).as(output).isZero();
        return output.lines().toList();
    }

    private static boolean nodeIsInstalled() {
        try {
            Process probe = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
