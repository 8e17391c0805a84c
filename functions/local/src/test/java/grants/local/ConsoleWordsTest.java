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
 * The console's plain-English wording (words.js), run by node exactly as the browser loads it: the
 * ballot page shows each issue's statistics with their source and the day in words.
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

    private List<String> run(String script) throws IOException, InterruptedException {
        assumeTrue(nodeIsInstalled(), "node is needed to run the console's words.js");
        for (String file : List.of("words.js", "components/words.js")) {
            try (InputStream in = ConsoleWordsTest.class.getResourceAsStream("/console/" + file)) {
                assertThat(in).as(file + " is served with the console").isNotNull();
                Files.createDirectories(work.resolve(file).getParent());
                Files.write(work.resolve(file), in.readAllBytes());
            }
        }
        Files.writeString(work.resolve("package.json"), "{\"type\": \"module\"}\n");
        Path main = work.resolve("main.js");
        Files.writeString(main, "import { dayInWords, evidenceInWords } from './words.js'\n" + script + "\n");
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
