package grants.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.commissioning.Round;
import grants.documents.Json;
import grants.documents.commissioning.RoundDocuments;
import grants.documents.commissioning.RoundJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every form of the console with fields, refused by the API as a person would meet it: the error
 * summary says a sentence and links to the field; the field is marked (govuk-form-group--error) and
 * says the same sentence; what was typed or chosen is still there. Everything before the refused
 * submit is put in place through the API, as the people who would do it; only the refused submit
 * happens in the browser. (Forms without fields, such as committing a checked run or accepting a
 * contract, have nothing to mark; the other browser tests press them.)
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FormsInBrowserTest {

    private static final String PASSWORD = "demo-forms-test";
    private static final String PROGRAMME = ServeCommand.DEMO_PROGRAMME;
    /** The Coventry round at each stage: scoring (the demo round), decided, and three copies further back. */
    private static final String SCORING = ServeCommand.DEMO_ROUND;
    private static final String DECIDED = DemoRoundPastItsClosingDate.ROUND_ID;
    private static final String VOTING = "forms-voting";
    private static final String SPECIFYING = "forms-specifying";
    private static final String PROPOSING = "forms-proposing";

    /** One browser and one server for every form; the stack in memory, its files in a folder of the test's. */
    private static BrowserSession session;
    private static ChromeDriver browser;
    private static LocalServer server;
    private static LocalFunctions functions;
    @TempDir
    static Path state;

    @BeforeAll
    static void roundsAtEveryStageAndAProgrammeWithARun() throws IOException {
        Assumptions.assumeTrue(BrowserSession.available(), "Chromium and chromium-driver are not installed");
        List<LocalSignIn.DemoUser> users = ServeCommand.demoUsers(PASSWORD);
        Actor manager = users.get(0).person();
        JsonNode document = Json.parse(new String(readResource("/data/coventry-commissioning-round.json"), java.nio.charset.StandardCharsets.UTF_8));
        Round coventry = RoundJson.read(document);
        ReplayClock clock = RoundReplay.clockFor(coventry);
        functions = LocalFunctions.inMemory(state, clock);

        RoundReplay scoring = replayOf(document, SCORING, clock, manager);
        scoring.vote();
        scoring.propose(); // and nobody has scored: the demo panel member scores in the browser
        RoundReplay decided = replayOf(document, DECIDED, clock, manager);
        decided.vote();
        decided.propose();
        decided.score(member -> member.startsWith("u") && !member.equals("u2")); // one panel's scores are enough to decide on
        decided.decide();
        replayOf(document, SPECIFYING, clock, manager).vote();
        RoundReplay proposing = replayOf(document, PROPOSING, clock, manager);
        proposing.vote();
        coventry.specifications().forEach(specification -> proposing.call(RoundReplay.person(Role.SUB_GROUP, specification.issue()),
                "PUT /rounds/{roundId}/specifications/{specificationId}", Map.of("specificationId", specification.id()),
                RoundDocuments.specification(specification)));
        for (var panel : coventry.panels()) {
            ObjectNode members = Json.object();
            panel.members().forEach(m -> members.withArray("members").addObject().put("id", m.id()).put("name", m.name())
                    .put("organisation", m.organisation()));
            proposing.call(manager, "PUT /rounds/{roundId}/panels/{specificationId}", Map.of("specificationId", panel.specification()), members);
        }
        LocalDate start = coventry.setup().fund().start();
        clock.set(start.minusDays(90));
        proposing.call(manager, "POST /rounds/{roundId}/publish", Map.of(),
                Json.object().put("closingDate", start.minusDays(60).toString()));
        ObjectNode voting = document.deepCopy();
        voting.put("roundId", VOTING);
        List.of("ballots", "specifications", "proposals", "panels", "scores", "moderations").forEach(voting::remove);
        api("PUT /rounds/{roundId}", Map.of("roundId", VOTING), Json.write(voting), manager);

        ServeCommand.loadDemoProgramme(functions, manager);
        functions.ensureExportBucket();
        Map<String, String> programme = Map.of("programmeId", PROGRAMME);
        String inputHash = Json.parse(api("POST /programmes/{programmeId}/allocation-runs", programme,
                "{\"mode\":\"DRY_RUN\"}", manager)).get("inputHash").asText();
        api("POST /programmes/{programmeId}/allocation-runs", programme,
                "{\"mode\":\"COMMIT\",\"inputHash\":\"" + inputHash + "\"}", manager);
        api("PUT /programmes/{programmeId}/advisers/{adviserId}", Map.of("programmeId", PROGRAMME, "adviserId", "adviser-health"),
                "{\"name\":\"Health adviser\",\"contractedDays\":\"20.0\",\"specialisms\":[\"health\"]}", manager);

        server = LocalServer.start(functions, 0, users);
        // The demo people are bound in the two demo rounds; the manager binds them in the copies too.
        bind(users, "board@", VOTING, "{\"name\":\"Board member\",\"personId\":\"board-01\"}", manager);
        bind(users, "subgroup@", SPECIFYING, "{\"name\":\"Sub-group\",\"personId\":\"unemployment\"}", manager);
        bind(users, "proposer@", PROPOSING, "{\"name\":\"Proposer\",\"organisationId\":\"pathways\"}", manager);
        api("PUT /programmes/{programmeId}/bindings/{subject}", Map.of("programmeId", SPECIFYING, "subject", "forms-panel-u5"),
                "{\"name\":\"Amrit Kaur\",\"personId\":\"u5\"}", manager); // someone to choose for a panel
        session = BrowserSession.open(server.origin(), PASSWORD);
        browser = session.browser();
    }

    private static byte[] readResource(String name) throws IOException {
        try (InputStream in = FormsInBrowserTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    private static RoundReplay replayOf(JsonNode document, String roundId, ReplayClock clock, Actor manager) {
        ObjectNode copy = document.deepCopy();
        copy.put("roundId", roundId);
        return new RoundReplay(functions, RoundJson.read(copy), copy, clock, manager);
    }

    private static String api(String route, Map<String, String> path, String body, Actor actor) {
        var answer = functions.api(LocalFunctions.apiEvent(route, path, null, body, Map.of(), actor));
        assertThat(answer.getStatusCode()).as(route + " " + answer.getBody()).isLessThan(300);
        return answer.getBody();
    }

    private static void bind(List<LocalSignIn.DemoUser> users, String email, String roundId, String binding, Actor manager) {
        Actor person = users.stream().map(LocalSignIn.DemoUser::person).filter(p -> p.email().startsWith(email)).findFirst().orElseThrow();
        api("PUT /programmes/{programmeId}/bindings/{subject}", Map.of("programmeId", roundId, "subject", person.subject()), binding, manager);
    }

    @AfterAll
    static void closeTheBrowserThenTheServerThenTheStack() throws Exception {
        for (AutoCloseable open : new AutoCloseable[] {session, server, functions}) {
            if (open != null) {
                open.close();
            }
        }
    }

    private static void open(String path, String heading) {
        session.get(path);
        session.waitForHeading(heading);
    }

    /** A document chosen on a page of one file upload and refused (a browser cannot keep a chosen file, so nothing is kept). */
    private static void uploadRefused(String path, String heading, String document, String button, String words) throws IOException {
        open(path, heading);
        Path file = Files.writeString(Files.createTempFile(state, "refused-", ".json"), document);
        browser.findElement(By.id("file")).sendKeys(file.toString());
        session.refusedAt(button, "file", words);
    }

    // ---- the programme's forms, as its manager ----

    @Test
    @Order(1)
    void theManagersDocumentsThatCannotBeStored() throws IOException {
        session.signInAs("manager@demo.grants.local");
        uploadRefused("/load", "Load a programme", "{\"programmeId\": \"Not An Id!\"}", "Load the programme",
                "The programme's id in the file can only be letters, digits");
        uploadRefused("/rounds-new", "Set up a commissioning round", "{\"roundId\": \"Not An Id!\"}", "Set up the round",
                "The round's id in the file can only be letters, digits");
    }

    @Test
    @Order(2)
    void theProgrammeManagersForms() throws IOException {
        open("/programmes/" + PROGRAMME + "/bulletin", "Write a bulletin");
        session.type("bulletin-id", "Briefing 1!");
        session.type("subject", "Support days for 2007-08");
        session.refusedAt("Send the bulletin", "bulletin-id", "reference");
        assertThat(session.value("subject")).as("kept").isEqualTo("Support days for 2007-08");

        String support = "/programmes/" + PROGRAMME + "/support";
        open(support + "/adviser", "Set up an adviser");
        session.type("adviser-id", "adviser-housing");
        session.type("adviser-name", "Housing adviser");
        session.type("contracted", "twenty");
        session.choose("specialisms", "housing");
        session.refusedAt("Save the adviser", "contracted", "Enter the contracted days as a number");
        assertThat(session.value("adviser-name")).as("kept").isEqualTo("Housing adviser");
        assertThat(browser.findElement(By.cssSelector("input[name=specialisms][value=housing]")).isSelected()).as("kept").isTrue();

        // Changing an adviser starts from their saved specialisms: one added, the one already there kept.
        open(support, "Support days");
        browser.findElement(By.partialLinkText("Health adviser")).click();
        session.waitForHeading("Change an adviser");
        session.choose("specialisms", "economic development");
        session.press("Save the adviser");
        session.waitForText(By.className("govuk-notification-banner"), "Health adviser is set up");
        open(support + "/adviser/adviser-health", "Change an adviser");
        assertThat(browser.findElements(By.cssSelector("input[name=specialisms]:checked")))
                .extracting(box -> box.getAttribute("value")).as("kept after saving")
                .containsExactly("economic development", "health");
        session.checkPage("f1-adviser-specialisms");

        open(support + "/book", "Book adviser time");
        new Select(browser.findElement(By.id("adviser"))).selectByVisibleText("Health adviser");
        browser.findElement(By.id("partnership")).sendKeys("Birmingham");
        new WebDriverWait(browser, Duration.ofSeconds(10), BrowserSession.POLL).until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//li[contains(@class, 'autocomplete__option')][normalize-space()='Birmingham']"))).click();
        session.typeDate("date", 15, 10, 2007);
        session.type("days", "1.3");
        session.type("topic", "Health inequalities");
        session.refusedAt("Book the time", "days", "half");
        session.assertKept(Map.of("topic", "Health inequalities", "partnership", "Birmingham", "date-month", "10"));
        session.checkPage("f1-book-refused");

        open(support + "/pool/shropshire", "Pool Shropshire's days");
        session.type("pool-id", "Shropshire Pool");
        browser.findElement(By.xpath("//label[normalize-space()='Bridgnorth']")).click();
        session.refusedAt("Create the pool", "pool-id", "can only be letters, digits, hyphens");
        assertThat(browser.findElements(By.cssSelector("input[name=members]:checked"))).as("kept").hasSize(1);
    }

    // ---- the round's forms, each as the person whose it is ----

    @Test
    @Order(3)
    void theRoundsPeoplesForms() throws IOException {
        session.signInAs("board@demo.grants.local");
        open("/rounds/" + VOTING + "/vote", "Which issues matter most?");
        for (String issue : List.of("unemployment", "crime", "skills", "young-people")) {
            session.choose("dots", issue);
        }
        session.refusedAt("Save my dots", "dots", "each voter has 3");
        assertThat(browser.findElements(By.cssSelector("input[name=dots]:checked"))).as("kept").hasSize(4);

        session.signInAs("subgroup@demo.grants.local");
        open("/rounds/" + SPECIFYING + "/specify", "Write the specification");
        session.type("outcome", "Unemployed people gain work.");
        session.type("maxAnnualAllocation", "lots");
        session.refusedAt("Save the specification", "maxAnnualAllocation", "Enter the maximum a year as an amount");
        assertThat(session.value("outcome")).as("kept").isEqualTo("Unemployed people gain work.");

        session.signInAs("proposer@demo.grants.local");
        open("/rounds/" + PROPOSING + "/propose", "Send a proposal");
        session.type("id", "pathways-two");
        session.type("title", "Pathways Two");
        session.type("annualAmount", "lots");
        session.typeDate("milestone-1-due", 30, 9, 2002);
        session.type("milestone-1-description", "Steering group in place");
        session.refusedAt("Send the proposal", "annualAmount", "Enter the amount a year as an amount");
        session.assertKept(Map.of("title", "Pathways Two", "milestone-1-due-month", "9", "milestone-1-description", "Steering group in place"));
        session.checkPage("f2-propose-refused");

        session.signInAs("panel@demo.grants.local");
        open("/rounds/" + SCORING + "/declare", "Do you have an interest in any of these proposals?");
        session.press("Declare");
        session.waitForHeading("Your interests are declared");
        open("/rounds/" + SCORING + "/proposals/unemployment-pathways", "Unemployment Pathways");
        session.choose("criterion-outcome-measures", "4");
        session.refusedAt("Send my score", "criterion-evaluation", "");
        assertThat(browser.findElement(By.cssSelector("input[name=criterion-outcome-measures][value='4']")).isSelected()).as("kept").isTrue();
    }

    @Test
    @Order(4)
    void theRoundManagersForms() throws IOException {
        session.signInAs("manager@demo.grants.local");
        open("/rounds/" + SPECIFYING + "/publish", "Publish the specifications");
        session.typeDate("closingDate", 30, 2, 2002);
        session.press("Continue");
        session.waitForHeading("Check the specifications before you publish them");
        // "Change" opens the form afresh: the date typed is in it again, and goes on to the check again.
        browser.findElement(By.xpath("//a[contains(., 'the closing date')]")).click();
        session.waitForHeading("Publish the specifications");
        session.assertKept(Map.of("closingDate", "30", "closingDate-month", "2", "closingDate-year", "2002"));
        session.press("Continue");
        session.waitForHeading("Check the specifications before you publish them");
        session.refusedAt("Publish the specifications", "closingDate", "is not a real date");
        assertThat(session.value("closingDate")).as("kept").isEqualTo("30");

        // The person is chosen from those bound in the round; refused for want of an organisation, the choice is kept.
        open("/rounds/" + SPECIFYING + "/panels/spec-unemployment", "Selection panel");
        new Select(browser.findElement(By.id("id"))).selectByVisibleText("Amrit Kaur");
        session.type("name", "Employment adviser");
        session.refusedAt("Add the member", "organisation", "Choose their organisation");
        session.assertKept(Map.of("id", "u5", "name", "Employment adviser"));
        session.checkPage("f3-panel-member-refused");

        open("/rounds/" + SCORING + "/proposals/unemployment-pathways", "Unemployment Pathways");
        session.typeDate("meeting", 10, 2, 2002);
        session.type("meeting-time", "25:99");
        session.type("meeting-place", "Community hall");
        session.refusedAt("Invite the proposer", "meeting", "");
        assertThat(session.value("meeting-place")).as("kept").isEqualTo("Community hall");

        open("/rounds/" + SCORING + "/late-interests", "Record a late-declared interest");
        new Select(browser.findElement(By.id("member"))).selectByValue("u1");
        new Select(browser.findElement(By.id("proposal"))).selectByValue("unemployment-pathways");
        session.refusedAt("Record the late interest", "reason", "");
        assertThat(session.value("member")).as("kept").isEqualTo("u1");

        open("/rounds/" + DECIDED + "/decisions", "Awards worked out, not yet published");
        session.choose("override-decision", "AWARD");
        session.refusedAt("Override", "override-reason", "");
        assertThat(browser.findElement(By.cssSelector("input[name=override-decision][value=AWARD]")).isSelected()).as("kept").isTrue();
    }

    // ---- a workshop's waiting list, as a partnership member (issue 26's done-when) ----

    @Test
    @Order(5)
    void aMemberRegistersForAFullWorkshopAndMovesUpTheWaitingList() throws IOException {
        Actor manager = Actor.system("manager@demo.grants.local", Role.PROGRAMME_MANAGER);
        Actor coventry = new Actor("forms-coventry", "rep@coventry.example", java.util.Set.of(Role.PARTNERSHIP_MEMBER),
                java.util.Optional.of("coventry"), java.util.Optional.empty(), java.util.Set.of(PROGRAMME));
        Map<String, String> workshop = Map.of("programmeId", PROGRAMME, "eventId", "full-workshop");
        api("PUT /programmes/{programmeId}/events/{eventId}", workshop, """
                {"kind": "WORKSHOP", "title": "Leadership of partnerships", "topic": "leadership-of-partnerships",
                 "date": "2007-11-14", "starts": "10:00", "ends": "13:00", "place": "Council House, Birmingham",
                 "capacity": 1, "facilitators": ["adviser-health"], "facilitatorDays": "0.5"}""", manager);
        String taken = Json.parse(api("POST /programmes/{programmeId}/events/{eventId}/registrations", workshop,
                "{\"partnershipId\": \"coventry\", \"name\": \"Ann Lee\", \"email\": \"ann@coventry.example\"}", coventry))
                .path("registrationId").asText();

        // Still the manager from the step before: the events list and the form to set one up, checked on the way.
        open("/programmes/" + PROGRAMME + "/events", "Events");
        session.checkPage("f5-events");
        browser.findElement(By.linkText("Set up an event")).click();
        session.waitForHeading("Set up an event");
        session.checkPage("f5-new-event");

        session.signInAs("birmingham@demo.grants.local");
        open("/programmes/" + PROGRAMME + "/events/full-workshop", "Leadership of partnerships");
        session.type("name", "Birmingham's representative");
        session.type("email", "birmingham@demo.grants.local");
        session.press("Register");
        session.waitForText(By.className("govuk-notification-banner"), "You are number 1 on the waiting list");
        session.checkPage("f5-event-waiting");

        api("POST /programmes/{programmeId}/events/{eventId}/registrations/{registrationId}/cancel",
                Map.of("programmeId", PROGRAMME, "eventId", "full-workshop", "registrationId", taken), null, coventry);
        open("/programmes/" + PROGRAMME + "/events/full-workshop", "Leadership of partnerships");
        session.waitForText(By.id("registrations"), "You have a place");

        // The manager cancels the workshop: the confirmation page, a reason required at its field, then the event's
        // page saying it is cancelled, and why.
        session.signInAs("manager@demo.grants.local");
        open("/programmes/" + PROGRAMME + "/events/full-workshop", "Leadership of partnerships");
        session.press("Cancel this event");
        session.waitForHeading("Cancel this event");
        session.checkPage("f5-cancel-event");
        session.refusedAt("Cancel the event and tell everyone", "reason", "why the event is cancelled");
        session.type("reason", "The venue flooded");
        session.press("Cancel the event and tell everyone");
        session.waitForText(By.tagName("main"), "was cancelled on");
        assertThat(session.text()).contains("The venue flooded", "The event is cancelled.");
    }
}
