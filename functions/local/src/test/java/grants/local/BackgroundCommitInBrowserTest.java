package grants.local;

import grants.core.access.Actor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A commit made in the background, as a manager sees it in Chromium: the console follows the job,
 * showing how many rows are written, and ends on the committed run's totals, as for a small
 * programme. The West Midlands' 38 partnerships count as large here, with the limit set to 10.
 */
class BackgroundCommitInBrowserTest {

    private static final String PASSWORD = "demo-browser-test";

    @TempDir
    static Path state;
    private static LocalFunctions functions;
    private static LocalServer server;
    private static BrowserSession session;
    private static BackgroundDelivery delivery;

    @BeforeAll
    static void serveWithASmallLimitAndOpenABrowser() throws IOException {
        Assumptions.assumeTrue(BrowserSession.available(), "Chromium and chromium-driver are not installed");
        functions = LocalFunctions.inMemory(state, Clock.systemUTC(), 10);
        List<LocalSignIn.DemoUser> users = ServeCommand.demoUsers(PASSWORD);
        server = LocalServer.start(functions, 0, users);
        functions.ensureExportBucket();
        delivery = new BackgroundDelivery(functions);
        session = BrowserSession.open(server.origin(), PASSWORD);
    }

    @AfterAll
    static void close() {
        if (session != null) {
            session.close();
        }
        if (delivery != null) {
            delivery.close();
        }
        if (server != null) {
            server.close();
            functions.close();
        }
    }

    @Test
    void theConsoleFollowsTheJobToTheCommittedRun() throws IOException {
        ChromeDriver browser = session.browser();
        session.signInAs("manager@demo.grants.local");
        browser.get(server.origin() + "/load");
        session.waitForHeading("Load a programme");
        Path programme = state.resolve("west-midlands-2007-08.json");
        try (var in = getClass().getResourceAsStream("/data/west-midlands-2007-08.json")) {
            Files.write(programme, in.readAllBytes());
        }
        browser.findElement(By.id("file")).sendKeys(programme.toString());
        browser.findElement(By.id("load")).click();
        session.waitForHeading("Preview the allocation run");
        browser.findElement(By.cssSelector("label[for=confirm]")).click();
        browser.findElement(By.id("commit")).click();
        session.waitForHeading("Check the run before you commit it");
        browser.findElement(By.id("commit-run-button")).click();

        session.waitForHeading("Committing the run");
        assertThat(browser.findElement(By.id("commit-status")).getText()).endsWith("of 38 partnerships' rows written.");
        session.checkPage("b1-committing-in-the-background");

        session.waitForText(By.className("govuk-panel__title"), "Run committed");
        assertThat(session.text()).contains("£372,400.00");
        session.checkPage("b2-committed-in-the-background");
    }
}
