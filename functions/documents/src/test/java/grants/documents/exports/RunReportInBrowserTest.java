package grants.documents.exports;

import grants.documents.Fixtures;
import grants.core.allocation.Allocation;
import grants.core.allocation.AllocationEngine;
import grants.documents.ProgrammeJson;
import grants.core.programme.Programme;
import grants.core.run.AllocationRun;
import grants.core.run.RunHeader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * run-report.html in a real browser: headless Chromium (Debian's package) renders the Warwickshire
 * example to target/run-report/run-report.png, and its console shows no error: the page loads
 * nothing from outside and runs no script. Skipped where Chromium is not installed.
 */
class RunReportInBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path OUT = Path.of("target", "run-report");

    private static byte[] report() {
        Programme programme = Fixtures.programme(Fixtures.WARWICKSHIRE_WITHDRAWN);
        Allocation allocation = AllocationEngine.allocate(programme);
        RunHeader header = new RunHeader(programme.programmeId(), "20261122T090000000Z-0a1b2c",
                Instant.parse("2026-11-22T09:00:00Z"), ProgrammeJson.inputHash(programme), AllocationEngine.RULES_VERSION,
                allocation.totals(), allocation.localities(), allocation.warnings());
        return new ExportBundle().render(programme, new AllocationRun(header, allocation.rows())).stream()
                .filter(file -> file.name().equals("run-report.html")).findFirst().orElseThrow().bytes();
    }

    private record Rendering(int exitCode, String log, Path png) {
    }

    private static Rendering render(String name, byte[] html) throws IOException, InterruptedException {
        Files.createDirectories(OUT);
        Path page = OUT.resolve(name + ".html").toAbsolutePath();
        Path png = OUT.resolve(name + ".png").toAbsolutePath();
        Files.write(page, html);
        Files.deleteIfExists(png);
        Path profile = Files.createTempDirectory("chromium-profile");
        Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
                "--window-size=1100,1500", "--screenshot=" + png, page.toUri().toString())
                .redirectErrorStream(true).start();
        String log = new String(chromium.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(chromium.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Rendering(chromium.exitValue(), log, png);
    }

    private static List<String> consoleProblems(String log) {
        return log.lines().filter(line -> line.contains("CONSOLE") || line.contains("Refused to")
                || line.contains("Uncaught") || line.contains("Failed to load")).toList();
    }

    @Test
    void theReportRendersWithNoConsoleErrors() throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "Debian's chromium is not installed");

        Rendering rendering = render("run-report", report());

        assertThat(rendering.exitCode()).as(rendering.log()).isZero();
        byte[] png = Files.readAllBytes(rendering.png());
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(png.length).as("a page with tables and a chart, not a blank one").isGreaterThan(30_000);
        assertThat(consoleProblems(rendering.log())).isEmpty();
    }

    @Test
    void theConsoleCheckCatchesAPageReachingOutside() throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "Debian's chromium is not installed");
        String html = new String(report(), StandardCharsets.UTF_8)
                .replace("</body>", "<img src=\"https://example.org/tracker.png\"></body>");

        Rendering rendering = render("reaching-outside", html.getBytes(StandardCharsets.UTF_8));

        assertThat(consoleProblems(rendering.log())).isNotEmpty();
    }
}
