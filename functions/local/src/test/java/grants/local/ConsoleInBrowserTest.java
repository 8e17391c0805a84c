package grants.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import grants.core.access.Actor;
import grants.documents.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console as a person uses it, in a real headless Chromium (Debian's chromium and
 * chromium-driver): a programme manager signs in and walks from the programmes to a partnership's
 * grant and reason, by keyboard alone; axe-core finds no WCAG 2.2 A or AA violation on any page;
 * every amount is the API's own string. Screenshots go to target/console/. Skipped where the
 * browser or its driver is not installed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleInBrowserTest {

    private static final String PASSWORD = "demo-browser-test";

    @TempDir
    static Path state;
    private static LocalFunctions functions;
    private static LocalServer server;
    private static BrowserSession session;
    private static ChromeDriver browser;
    private static BackgroundDelivery delivery;
    private static String runId;
    private static String warwickshireRun;
    private static final String WARWICKSHIRE = "l2d-2007-08-warwickshire-withdrawn";

    @BeforeAll
    static void serveAndOpenABrowser() throws IOException {
        Assumptions.assumeTrue(BrowserSession.available(), "Chromium and chromium-driver are not installed");
        functions = LocalFunctions.inMemory(state, Clock.systemUTC());
        List<LocalSignIn.DemoUser> users = ServeCommand.demoUsers(PASSWORD);
        server = LocalServer.start(functions, 0, users);
        functions.ensureExportBucket();
        Actor manager = users.get(0).person();
        ServeCommand.loadDemoProgramme(functions, manager);
        runId = commit(manager);
        delivery = new BackgroundDelivery(functions);
        session = BrowserSession.open(server.origin(), PASSWORD);
        browser = session.browser();
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

    private static String commit(Actor manager) {
        Map<String, String> path = Map.of("programmeId", ServeCommand.DEMO_PROGRAMME);
        String inputHash = Json.parse(functions.api(event("POST /programmes/{programmeId}/allocation-runs", path,
                "{\"mode\":\"DRY_RUN\"}", manager)).getBody()).get("inputHash").asText();
        return Json.parse(functions.api(event("POST /programmes/{programmeId}/allocation-runs", path,
                "{\"mode\":\"COMMIT\",\"inputHash\":\"" + inputHash + "\"}", manager)).getBody()).get("runId").asText();
    }

    private static APIGatewayV2HTTPEvent event(String route, Map<String, String> path, String body, Actor actor) {
        return LocalFunctions.apiEvent(route, path, null, body, Map.of(), actor);
    }

    private static Path fixture(String name, String replace, String with) throws IOException {
        Path file = state.resolve(name);
        try (var in = ConsoleInBrowserTest.class.getResourceAsStream("/data/" + name)) {
            Files.writeString(file, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).replace(replace, with));
        }
        return file;
    }

    /**
     * Waits until the background delivery has exported the run, as ExportFinance does on AWS. Asked every
     * quarter of a second, not every 50 ms: each question is a call of the API in this JVM, and asked
     * twenty times a second they share the CPU with the export being waited for.
     */
    private static void awaitExport(String programmeId, String run) {
        Actor manager = ServeCommand.demoUsers(PASSWORD).get(0).person();
        new WebDriverWait(browser, Duration.ofSeconds(120), Duration.ofMillis(250)).until(driver ->
                functions.api(event("GET /programmes/{programmeId}/allocation-runs/{runId}/exports",
                        Map.of("programmeId", programmeId, "runId", run), null, manager)).getStatusCode() == 200);
    }

    @Test
    @Order(1)
    void aManagerSignsInAndFindsAPartnershipsGrantAndReasonByKeyboardAlone() throws IOException {
        awaitExport(ServeCommand.DEMO_PROGRAMME, runId);
        browser.get(server.origin() + "/");
        session.waitForHeading("Grants");
        session.checkPage("1-start");

        session.tabTo("the Sign in button", e -> "sign-in".equals(e.getAttribute("id"))).sendKeys(Keys.ENTER);
        session.waitForHeading("Sign in");
        session.checkPage("2-sign-in");
        session.tabTo("the email field", e -> "email".equals(e.getAttribute("id"))).sendKeys("manager@demo.grants.local");
        session.tabTo("the password field", e -> "password".equals(e.getAttribute("id"))).sendKeys(PASSWORD, Keys.ENTER);

        session.waitForHeading("Programmes");
        session.checkPage("3-programmes");
        assertThat(browser.findElement(By.id("signed-in-as")).getText()).isEqualTo("manager@demo.grants.local");
        session.tabTo("the programme", e -> e.getText().equals("Learning to Deliver 2007-08")).sendKeys(Keys.ENTER);

        session.waitForHeading("Allocation runs");
        session.checkPage("4-runs");
        assertThat(browser.findElement(By.tagName("tbody")).getText()).contains(runId, "£372,400.00");
        session.tabTo("the run", e -> String.valueOf(e.getAttribute("href")).endsWith("/runs/" + runId)).sendKeys(Keys.ENTER);

        session.waitForText(By.tagName("h1"), "Allocation run of ");
        assertThat(session.text()).contains("Where the money went", "Reference " + runId);
        session.waitForText(By.id("report"), "The run report, with its chart of every grant");
        session.checkPage("5-run");
        session.tabTo("the filter", e -> "filter".equals(e.getAttribute("id"))).sendKeys("rugby");
        assertThat(browser.findElement(By.id("shown")).getText()).isEqualTo("1 partnership shown");
        session.tabTo("Rugby", e -> e.getText().equals("Rugby")).sendKeys(Keys.ENTER);

        session.waitForHeading("Rugby");
        session.checkPage("6-rugby");
        String api = functions.api(event("GET /programmes/{programmeId}/allocation-runs/{runId}/partnerships/{partnershipId}",
                Map.of("programmeId", ServeCommand.DEMO_PROGRAMME, "runId", runId, "partnershipId", "rugby"), null,
                ServeCommand.demoUsers(PASSWORD).get(0).person())).getBody();
        assertThat(browser.findElement(By.className("govuk-panel__title")).getText())
                .isEqualTo("Grant £" + Json.parse(api).get("finalGrantGbp").asText().replaceAll("\\B(?=(\\d{3})+\\.)", ","));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(Json.parse(api).get("reason").asText());
    }

    @Test
    @Order(2)
    void aManagerSeesABrokenFilesProblemsThenLoadsPreviewsAndCommitsTheWarwickshireExample() throws IOException {
        session.signInAs("manager@demo.grants.local");
        browser.get(server.origin() + "/load");
        session.waitForHeading("Load a programme");
        browser.findElement(By.id("file")).sendKeys(fixture("west-midlands-warwickshire-withdrawn.json",
                "\"type\": \"DISTRICT\",\n      \"county\": \"shropshire\"", "\"type\": \"DISTRICT\"").toString());
        browser.findElement(By.id("load")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20), BrowserSession.POLL).until(ExpectedConditions.presenceOfElementLocated(
                By.className("govuk-error-summary")));
        assertThat(browser.findElement(By.className("govuk-error-summary")).getText())
                .contains("There is a problem", "county is required for a district");
        assertThat(browser.findElement(By.id("file-error")).getText()).as("the problem at the field too")
                .contains("county is required for a district");
        session.checkPage("7-load-refused");

        // Coventry has an LAA, but here its project rests on a self-assessment: the preview warns, naming it.
        browser.findElement(By.id("file")).sendKeys(fixture("west-midlands-warwickshire-withdrawn.json",
                "\"title\": \"Coventry Improvement Project\",\n      \"basis\": \"LAA_REVIEW\"",
                "\"title\": \"Coventry Improvement Project\",\n      \"basis\": \"SELF_ASSESSMENT\"").toString());
        browser.findElement(By.id("load")).click();
        session.waitForHeading("Preview the allocation run");
        session.checkPage("8-preview");
        assertThat(session.text()).contains("Warwickshire 2 of 5 Withdrawn", "£37,800.00");
        assertThat(browser.findElement(By.className("govuk-warning-text")).getText()).contains("Partnerships with an LAA"
                + " whose improvement project rests on a self-assessment, not on a joint Government/Partnership review: Coventry.");
        browser.findElement(By.id("commit")).click();
        session.waitForText(By.className("govuk-error-summary"), "Confirm that you have checked this preview");
        assertThat(browser.findElement(By.id("confirm-error")).getText()).as("not yet confirmed, said at the box too")
                .contains("Confirm that you have checked this preview");
        session.checkPage("8-preview-not-confirmed");
        browser.findElement(By.cssSelector("label[for=confirm]")).click();
        browser.findElement(By.id("commit")).click();
        session.waitForHeading("Check the run before you commit it");
        assertThat(session.text()).contains("Partnerships funded", "Final grants", "Change");
        session.checkPage("9-check-the-run");
        browser.findElement(By.id("commit-run-button")).click();
        session.waitForText(By.className("govuk-panel__title"), "Run committed");
        session.checkPage("9-committed");
        warwickshireRun = browser.findElement(By.cssSelector(".govuk-panel__body strong")).getText();

        String notices = server.origin() + "/programmes/" + WARWICKSHIRE + "/runs/" + warwickshireRun + "/notices";
        // Once the run's 38 notices are queued, their page follows the delivery and redraws itself: nobody
        // reloads it, and neither does this test.
        Actor manager = ServeCommand.demoUsers(PASSWORD).get(0).person();
        new WebDriverWait(browser, Duration.ofSeconds(120), Duration.ofMillis(250)).until(driver -> Json.parse(functions.api(
                event("GET /programmes/{programmeId}/allocation-runs/{runId}/notices",
                        Map.of("programmeId", WARWICKSHIRE, "runId", warwickshireRun), null, manager)).getBody())
                .get("notices").size() == 38);
        browser.get(notices);
        session.waitForHeading("Notices");
        new WebDriverWait(browser, Duration.ofSeconds(120), Duration.ofMillis(250)).until(driver ->
                driver.findElements(By.xpath("//strong[normalize-space()='Sent']")).size() == 38);
        session.checkPage("10-notices");
    }

    @Test
    @Order(3)
    void financeDownloadsThePaymentFileAndItsChecksumMatchesTheManifest() throws Exception {
        session.signInAs("finance@demo.grants.local");
        String exports = server.origin() + "/programmes/" + WARWICKSHIRE + "/runs/" + warwickshireRun + "/exports";
        // The page says the files are being written and shows them itself when they are: nobody reloads it.
        browser.get(exports);
        new WebDriverWait(browser, Duration.ofSeconds(120), BrowserSession.POLL)
                .until(ExpectedConditions.presenceOfElementLocated(By.linkText("payments.csv")));
        session.checkPage("11-exports");
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        byte[] payments = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                browser.findElement(By.linkText("payments.csv")).getAttribute("href"))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
        String manifest = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                browser.findElement(By.linkText("manifest.json")).getAttribute("href"))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        String expected = null;
        for (var file : Json.parse(manifest).get("files")) {
            if (file.get("name").asText().equals("payments.csv")) {
                expected = file.get("sha256").asText();
            }
        }
        assertThat(grants.core.allocation.AllocationCsv.sha256(payments)).isEqualTo(expected);
    }

    @Test
    @Order(4)
    void aPartnershipMemberSeesTheirOwnGrantAndIsRefusedAnother() throws IOException {
        // Bound in the demo programme only, Birmingham's member is bound in this one by a manager, as
        // anyone must be: no binding, no access.
        List<LocalSignIn.DemoUser> users = ServeCommand.demoUsers(PASSWORD);
        Actor manager = users.get(0).person();
        Actor member = users.stream().map(LocalSignIn.DemoUser::person)
                .filter(person -> person.email().equals("birmingham@demo.grants.local")).findFirst().orElseThrow();
        assertThat(functions.api(event("PUT /programmes/{programmeId}/bindings/{subject}",
                Map.of("programmeId", WARWICKSHIRE, "subject", member.subject()),
                "{\"name\":\"birmingham@demo.grants.local\",\"partnershipId\":\"birmingham\"}", manager))
                .getStatusCode()).isLessThan(300);
        session.signInAs("birmingham@demo.grants.local");
        String run = server.origin() + "/programmes/" + WARWICKSHIRE + "/runs/" + warwickshireRun + "/partnerships/";

        browser.get(server.origin() + "/programmes/" + WARWICKSHIRE + "/mine");
        session.waitForHeading("Birmingham");
        session.checkPage("12-own-grant");
        assertThat(browser.findElement(By.className("govuk-panel__title")).getText()).isEqualTo("Grant £20,781.25");
        browser.get(run + "coventry");
        session.waitForHeading("You cannot see this page");
        session.checkPage("13-refused");
    }

    @Test
    @Order(5)
    void aManagerPreviewsABulletinAsItWillBeSentAndSendsIt() throws IOException {
        session.signInAs("manager@demo.grants.local");
        browser.get(server.origin() + "/programmes/" + WARWICKSHIRE + "/bulletin");
        session.waitForHeading("Write a bulletin");
        browser.findElement(By.id("bulletin-id")).sendKeys("Briefing 1!");
        browser.findElement(By.id("subject")).sendKeys("Support days for 2007-08");
        browser.findElement(By.id("send")).click();
        session.waitForText(By.className("govuk-error-summary"), "reference");
        assertThat(browser.findElement(By.id("bulletin-id-error")).getText()).as("the problem at the field").contains("reference");
        assertThat(browser.findElement(By.id("subject")).getAttribute("value")).as("what was typed is kept").isEqualTo("Support days for 2007-08");
        session.checkPage("15-bulletin-refused");
        browser.findElement(By.id("bulletin-id")).clear();
        browser.findElement(By.id("bulletin-id")).sendKeys("briefing-1");
        browser.findElement(By.id("markdown")).clear();
        browser.findElement(By.id("markdown")).sendKeys("Read [the guidance](https://www.gov.uk/guidance) "
                + "and [this](javascript:alert(1)).\n\n![pixel](https://tracker.example/p.gif)");
        browser.findElement(By.id("preview")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20), BrowserSession.POLL).until(ExpectedConditions.presenceOfElementLocated(By.id("preview-body")));
        session.checkPage("15-bulletin-preview");
        String preview = browser.findElement(By.id("preview-body")).getAttribute("innerHTML");
        assertThat(preview).contains("href=\"https://www.gov.uk/guidance\"").doesNotContain("javascript:", "<img", "tracker");

        browser.findElement(By.id("send")).click();
        session.waitForText(By.className("govuk-panel__title"), "Bulletin queued");
        assertThat(browser.findElement(By.className("govuk-panel__body")).getText()).isEqualTo("76 emails, one to each address");
    }

    @Test
    @Order(6)
    void aManagerBooksAdviserTimeAndIsToldPlainlyWhenALimitWouldBePassed() throws IOException {
        session.signInAs("manager@demo.grants.local");
        String support = server.origin() + "/programmes/" + WARWICKSHIRE + "/support";
        browser.get(support);
        session.waitForHeading("Support days");
        session.tabTo("Set up an adviser", e -> e.getText().equals("Set up an adviser")).sendKeys(Keys.ENTER);
        session.waitForHeading("Set up an adviser");
        browser.findElement(By.id("adviser-id")).sendKeys("adviser-health");
        browser.findElement(By.id("adviser-name")).sendKeys("Health adviser");
        browser.findElement(By.id("contracted")).sendKeys("twenty");
        browser.findElement(By.cssSelector("label[for=specialisms]")).click();
        browser.findElement(By.id("save-adviser")).click();
        session.waitForText(By.className("govuk-error-summary"), "Enter the contracted days as a number");
        assertThat(browser.findElement(By.id("contracted-error")).getText()).contains("Enter the contracted days as a number");
        assertThat(browser.findElement(By.id("adviser-name")).getAttribute("value")).as("kept").isEqualTo("Health adviser");
        assertThat(browser.findElement(By.id("specialisms")).isSelected()).as("the specialism chosen is kept").isTrue();
        session.checkPage("16-adviser-refused");
        browser.findElement(By.id("contracted")).clear();
        browser.findElement(By.id("contracted")).sendKeys("20.0");
        browser.findElement(By.id("day-rate")).sendKeys("450.00");
        browser.findElement(By.id("save-adviser")).click();
        session.waitForText(By.className("govuk-notification-banner"),
                "Health adviser is set up, with 20.0 days contracted at £450.00 a day.");

        browser.get(support + "/pool");
        session.waitForHeading("Pool a locality's days");
        session.checkPage("16-pool-locality");
        browser.findElement(By.linkText("Shropshire")).click();
        session.waitForHeading("Pool Shropshire's days");
        browser.findElement(By.id("pool-id")).sendKeys("shropshire-pool");
        browser.findElement(By.xpath("//label[normalize-space()='Shropshire']")).click();
        browser.findElement(By.xpath("//label[normalize-space()='Bridgnorth']")).click();
        session.checkPage("16-pool");
        browser.findElement(By.id("save-pool")).click();
        session.waitForText(By.className("govuk-notification-banner"), "The pool shropshire-pool is created: 2 partnerships share their days.");
        session.checkPage("16-support");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("shropshire pool", "Health adviser 20.0");

        browser.get(support + "/book");
        session.waitForHeading("Book adviser time");
        book("Birmingham", "1.5");
        session.waitForText(By.className("govuk-error-summary"), "would exceed the entitlement of Birmingham");
        assertThat(browser.findElement(By.className("govuk-error-summary")).getText()).contains("over by 0.5 days");
        assertThat(browser.findElement(By.id("days-error")).getText()).as("the problem at the days").contains("over by 0.5 days");
        assertThat(browser.findElement(By.id("days")).getAttribute("value")).as("kept").isEqualTo("1.5");
        assertThat(browser.findElement(By.id("date-month")).getAttribute("value")).as("kept").isEqualTo("10");
        session.checkPage("17-support-refused");

        browser.findElement(By.id("days")).clear();
        browser.findElement(By.id("days")).sendKeys("1.0");
        browser.findElement(By.id("book")).click();
        session.waitForText(By.className("govuk-notification-banner"), "Booked 1.0 days on 15 October 2026");
    }

    private static void book(String partnership, String days) {
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("adviser"))).selectByVisibleText("Health adviser");
        // A long list: typed into and chosen from its suggestions (GOV.UK's accessible-autocomplete).
        browser.findElement(By.id("partnership")).sendKeys(partnership);
        new WebDriverWait(browser, Duration.ofSeconds(10), BrowserSession.POLL).until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//li[contains(@class, 'autocomplete__option')][normalize-space()='" + partnership + "']"))).click();
        browser.findElement(By.id("date")).sendKeys("15");
        browser.findElement(By.id("date-month")).sendKeys("10");
        browser.findElement(By.id("date-year")).sendKeys("2026");
        browser.findElement(By.id("days")).sendKeys(days);
        browser.findElement(By.id("topic")).sendKeys("Health inequalities");
        browser.findElement(By.id("book")).click();
    }

    @Test
    @Order(7)
    void anAuditorSeesTheCommitInTheAuditTrail() throws IOException {
        session.signInAs("auditor@demo.grants.local");
        browser.get(server.origin() + "/programmes/" + WARWICKSHIRE + "/audit");
        session.waitForHeading("Audit trail");
        session.checkPage("14-audit");
        assertThat(session.text()).contains("manager@demo.grants.local", "Run committed: run " + warwickshireRun,
                "Programme loaded", "Bulletin posted: bulletin briefing-1");
    }

    @Test
    @Order(8)
    void signingOutForgetsTheToken() {
        browser.get(server.origin() + "/sign-out");
        session.waitForHeading("You have signed out");
        browser.get(server.origin() + "/");
        session.waitForHeading("Grants");
        assertThat(browser.findElements(By.id("sign-in"))).hasSize(1);
    }

    /**
     * Learning to Deliver's support that fits: the manager's framework and two advisers are set through the
     * API; Birmingham's representative assesses it in the browser (a missing piece of evidence refused at
     * its field, what was chosen kept), its Project Champion confirms through the API, and the booking
     * page then offers the adviser matching its weakest domain, with the reason, and not the other.
     */
    @Test
    @Order(9)
    void aRepresentativeAssessesAndSeesMatchingAdvisersOffered() throws IOException {
        Actor manager = ServeCommand.demoUsers(PASSWORD).get(0).person();
        String programme = ServeCommand.DEMO_PROGRAMME;
        Map<String, String> path = Map.of("programmeId", programme);
        assertThat(functions.api(event("PUT /programmes/{programmeId}/competency-framework", path, """
                {"domains": [
                  {"id": "governance-and-accountability", "title": "Governance and accountability",
                   "statements": [{"id": "roles-clear", "text": "Partners' roles are clear and written down."}],
                   "specialisms": ["governance and accountability"], "workshopTopics": ["governance-and-accountability"]},
                  {"id": "strategic", "title": "Strategic?",
                   "statements": [{"id": "objectives", "text": "The plan's strategic objectives are clear."}],
                   "specialisms": ["leadership of partnerships"], "workshopTopics": []}]}""", manager)).getStatusCode())
                .isEqualTo(200);
        for (String[] adviser : new String[][] {{"adviser-governance", "Governance adviser", "governance and accountability"},
                {"adviser-housing", "Housing adviser", "housing"}}) {
            assertThat(functions.api(event("PUT /programmes/{programmeId}/advisers/{adviserId}",
                    Map.of("programmeId", programme, "adviserId", adviser[0]), "{\"name\": \"" + adviser[1]
                            + "\", \"specialisms\": [\"" + adviser[2] + "\"], \"contractedDays\": \"12.0\"}", manager))
                    .getStatusCode()).isEqualTo(200);
        }

        session.signInAs("birmingham@demo.grants.local");
        browser.get(server.origin() + "/programmes/" + programme + "/partnerships/birmingham/assess");
        session.waitForHeading("Assess your partnership");
        session.choose("wave", "BASELINE");
        session.choose("kind", "SELF");
        session.choose("score-0", "1");
        session.choose("score-1", "3");
        session.type("evidence-1", "Objectives set out in the Community Strategy.");
        session.refusedAt("Send the assessment", "evidence-0", "must say what shows this score");
        assertThat(browser.findElement(By.cssSelector("input[name='score-0'][value='1']")).isSelected()).as("kept").isTrue();
        session.assertKept(Map.of("evidence-1", "Objectives set out in the Community Strategy."));
        session.checkPage("18-assessment-refused");
        session.type("evidence-0", "No written terms of reference yet.");
        session.press("Send the assessment");
        session.waitForText(By.className("govuk-notification-banner"), "Your assessment is sent.");
        session.checkPage("18-profile");
        assertThat(session.text()).as("the representative is not the champion: told who confirms, not offered the button")
                .contains("Project Champion, as the programme document names them, is to confirm").doesNotContain("Confirm the assessment");
        String assessmentId = Json.parse(functions.api(event("GET /programmes/{programmeId}/partnerships/{partnershipId}/assessments",
                Map.of("programmeId", programme, "partnershipId", "birmingham"), null, manager)).getBody())
                .at("/assessments/0/assessmentId").asText();
        Actor champion = new Actor("sub-champion", "champion@birmingham.lsp.example",
                java.util.Set.of(grants.core.access.Role.PARTNERSHIP_MEMBER), java.util.Optional.of("birmingham"),
                java.util.Optional.empty(), java.util.Set.of(programme));
        assertThat(functions.api(event("POST /programmes/{programmeId}/partnerships/{partnershipId}/assessments/{assessmentId}/confirm",
                Map.of("programmeId", programme, "partnershipId", "birmingham", "assessmentId", assessmentId), null, champion))
                .getStatusCode()).isEqualTo(200);

        browser.get(server.origin() + "/programmes/" + programme + "/support/book");
        session.waitForText(By.id("suggested-advisers"), "Governance adviser");
        assertThat(browser.findElement(By.id("suggested-advisers")).getText())
                .contains("Matches governance and accountability, your weakest domain (score 1 of 4); 12 days left")
                .doesNotContain("Housing adviser");
        // A member may not read the support hub: booked, they see the booking in words where they are.
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("adviser"))).selectByVisibleText("Governance adviser");
        session.typeDate("date", 15, 10, 2007);
        session.type("days", "1");
        session.type("topic", "Terms of reference");
        session.press("Book the time");
        session.waitForText(By.className("govuk-panel"), "1.0 days with Governance adviser on 15 October 2007");

        session.signInAs("manager@demo.grants.local");
        browser.get(server.origin() + "/programmes/" + programme + "/assessment-table");
        session.waitForHeading("Competency by partnership and domain");
        assertThat(session.text()).contains("Birmingham", "1 of 4 → Not assessed yet");
        session.checkPage("18-regional-table");
    }
}
