package grants.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.monitoring.Agreement;
import grants.testing.GrantsAwaitingAcceptance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Monitoring in the console, as its people use it, in headless Chromium: a lead contact submits
 * their organisation's first quarterly return (a refusal shown in the error summary and at its field,
 * what was typed kept), the officer sends it back naming what to fix, the lead contact submits it
 * again and the officer accepts it; meanwhile finance's payment run holds the next instalment for
 * the return not yet accepted, and the next run pays it. A grant of the same organisation, held until
 * it is accepted, is accepted by the lead contact, and the same next run pays it. The agreements are
 * entered, and the first instalment paid, through the use cases and the API as the people who do that. Every monitoring
 * page is checked by axe-core at 1280 and 390 pixels and for engineers' words (target/console/m-*.png).
 * Then every monitoring form, refused, as the person whose it is.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonitoringInBrowserTest {

    private static final String PASSWORD = "monitoring-browser-test";
    private static final String TRAIL = "coventry-monitoring-2002";
    private static final String AGREEMENT = "contract-unemployment-pathways";
    /** What people call it, as publishing the round names a contract after its proposal. */
    private static final String AGREEMENT_TITLE = "Unemployment Pathways";
    private static final String PROGRAMME = "learning-to-deliver-2002";
    private static final String GRANT = "grant-learning-to-deliver-2002-pathways";
    private static final String LEAD = "lead@pathways.monitoring.test";
    private static final String OFFICER = "officer@monitoring.test";
    private static final String FINANCE = "finance@demo.grants.local";
    private static final String MANAGER = "manager@demo.grants.local";
    private static final String OWNER = "owner@demo.grants.local";

    @TempDir
    static Path state;
    private static ReplayClock clock;
    private static LocalFunctions functions;
    private static LocalServer server;
    private static BrowserSession session;
    private static final Map<String, Actor> people = new java.util.HashMap<>();

    @BeforeAll
    static void anAgreementWithItsFirstInstalmentPaid() throws IOException {
        Assumptions.assumeTrue(BrowserSession.available(), "Chromium and chromium-driver are not installed");
        clock = new ReplayClock(LocalDate.of(2002, 4, 1));
        functions = LocalFunctions.inMemory(state, clock);
        List<LocalSignIn.DemoUser> users = new ArrayList<>(ServeCommand.demoUsers(PASSWORD));
        users.add(inTrail(new Actor("test-lead-pathways", LEAD, Set.of(Role.LEAD_CONTACT), Optional.empty(), Optional.empty(),
                Set.of(TRAIL, PROGRAMME), Optional.empty(), Optional.of("pathways"))));
        users.add(inTrail(new Actor("test-officer-amir", OFFICER, Set.of(Role.OFFICER), Optional.empty(), Optional.empty(),
                Set.of(TRAIL), Optional.of("officer-amir"), Optional.empty())));
        users.forEach(user -> people.put(user.person().email(), user.person()));
        server = LocalServer.start(functions, 0, users);
        functions.monitoring().enter(people.get(MANAGER), List.of(agreement()));
        clock.set(LocalDate.of(2002, 4, 2));
        assertThat(asThemselves(FINANCE, "POST /payment-runs", Map.of(), "{}").getStatusCode()).isEqualTo(201);
        session = BrowserSession.open(server.origin(), PASSWORD);
    }

    private static LocalSignIn.DemoUser inTrail(Actor person) {
        return new LocalSignIn.DemoUser(person, PASSWORD);
    }

    /** Pathways' contract as publishing the round's decisions makes it: a year, four instalments, a milestone, one output. */
    private static Agreement agreement() {
        return new Agreement(AGREEMENT, Agreement.Source.CONTRACT, TRAIL, "pathways", "officer-amir",
                LocalDate.of(2002, 4, 1), LocalDate.of(2003, 3, 31),
                List.of(new Agreement.Instalment(1, LocalDate.of(2002, 4, 1), 2_500_000),
                        new Agreement.Instalment(2, LocalDate.of(2002, 8, 1), 2_500_000),
                        new Agreement.Instalment(3, LocalDate.of(2002, 10, 1), 2_500_000),
                        new Agreement.Instalment(4, LocalDate.of(2003, 1, 1), 1_960_000)),
                List.of(new Agreement.Milestone(AGREEMENT + "/m1", LocalDate.of(2002, 9, 30),
                        "Steering group with client-group members in place", Set.of(3))),
                List.of(new Agreement.Output("Residents taking part", 200))).titled(AGREEMENT_TITLE)
                .withOrganisationNamed("Pathways to Work Trust");
    }

    private static APIGatewayV2HTTPResponse asThemselves(String email, String route, Map<String, String> path, String body) {
        return functions.api(LocalFunctions.apiEvent(route, path, null, body, Map.of(), people.get(email)));
    }

    /** The browser, then the server, then the stack (try closes them in reverse, skipping any not opened). */
    @AfterAll
    static void close() throws Exception {
        try (AutoCloseable stack = functions; AutoCloseable web = server; AutoCloseable browser = session) {
            // nothing to do in here: leaving the block closes them
        }
    }

    @Test
    @Order(1)
    void aReturnIsSentBackAndAcceptedAndTheInstalmentItHeldIsPaidAtTheNextRun() throws IOException {
        clock.set(LocalDate.of(2002, 7, 15));
        leadContactSubmitsTheFirstReturn();
        clock.set(LocalDate.of(2002, 7, 16));
        officerSendsItBack();

        clock.set(LocalDate.of(2002, 8, 15));
        GrantsAwaitingAcceptance.enter(functions.wiring().monitoring(), GrantsAwaitingAcceptance.grant(GRANT, PROGRAMME,
                "pathways", LocalDate.of(2002, 8, 1), 1_960_000), clock.instant());
        financeRunsPaymentsAndSeesTheInstalmentHeld();
        leadContactSubmitsItAgain();
        officerAcceptsIt();
        leadContactAcceptsTheGrant();

        clock.set(LocalDate.of(2002, 8, 16));
        functions.monitorDailyRun();
        financesNextRunPaysIt();
        theAgreementShowsItAll();
        theRoundsMonitoringReportDownloads();
        thePagesOfOneThingEach();
    }

    /**
     * Every monitoring form, as the person allowed to use it, sent with a bad or missing value after the
     * story above (a refusal changes nothing): the summary's sentence links to the field, the field says
     * it too, and what was typed is kept. Some are refused in the browser, the rest by the API.
     */
    @Test
    @Order(2)
    void everyMonitoringFormShowsItsRefusalAtTheFieldAndKeepsWhatWasTyped() throws IOException {
        clock.set(LocalDate.of(2002, 10, 2)); // the second quarter's return is open
        String agreement = "/agreements/" + AGREEMENT;
        String secondReturn = agreement + "/returns/2002-03-Q2";

        session.signInAs(LEAD);
        open(secondReturn, "Send the 2002-03 Q2 return");
        session.type("output-0", "twelve");
        session.type("achieved", "Sessions in Foleshill.");
        session.refusedAt("Submit the return", "output-0", "Enter residents taking part as a whole number");
        session.assertKept(Map.of("output-0", "twelve", "achieved", "Sessions in Foleshill."));
        assertThat(asThemselves(LEAD, "POST /agreements/{agreementId}/returns/{returnKey}/submit",
                Map.of("agreementId", AGREEMENT, "returnKey", "2002-03-Q2"),
                "{\"outputs\": {\"Residents taking part\": 40}, \"achieved\": \"Sessions.\", \"next\": \"More.\"}").getStatusCode())
                .isLessThan(300);

        session.signInAs(OFFICER);
        open(secondReturn + "/review", "Review the 2002-03 Q2 return");
        session.choose("decision", "send-back");
        session.choose("sections", "outputs");
        session.refusedAt("Send the review", "reason", "Enter what to fix");
        assertThat(session.browser().findElement(By.cssSelector("input[name=sections][value=outputs]")).isSelected()).as("kept").isTrue();
        session.checkPage("m20-review-refused");

        open(agreement + "/returns/2002-03-Q3/vary", "Change the due date of the 2002-03 Q3 return");
        session.typeDate("to", 31, 2, 2003);
        session.type("reason", "The steering group moved its meeting.");
        session.refusedAt("Change the due date", "to", "Enter the new due date as a day, month and year");
        session.assertKept(Map.of("to", "31", "to-month", "2", "reason", "The steering group moved its meeting."));

        open(agreement + "/milestones/m1/vary", "Change the due date of a milestone");
        session.typeDate("to", 31, 10, 2002);
        session.refusedAt("Change the due date", "reason", "Enter why it changes");
        session.assertKept(Map.of("to", "31", "to-month", "10", "to-year", "2002"));

        refusedText(agreement + "/milestones/m1/achieve", "Record a milestone as achieved", "Record as achieved", "evidence", "Enter the evidence");
        // Written, then refused by the API for a reason of its own (no run has held instalment 4): shown at the box, kept.
        open(agreement + "/instalments/4/override", "Ask for an override of instalment 4");
        session.type("reason", "The audit report is in.");
        session.refusedAt("Ask for the override", "reason", "the instalment is not held");
        session.assertKept(Map.of("reason", "The audit report is in."));

        session.signInAs(MANAGER);
        refusedText(agreement + "/returns/2002-03-Q3/skip", "Skip the 2002-03 Q3 return", "Skip the return", "reason", "Enter why it is skipped");
        refusedText(agreement + "/milestones/m1/waive", "Waive a milestone", "Waive the milestone", "reason", "Enter why it is waived");
        refusedText(agreement + "/instalments/4/hold", "Hold instalment 4", "Hold the instalment", "reason", "Enter why it is held");
        refusedText(agreement + "/terminate", "End this agreement early", "End the agreement", "reason", "Enter why it ends");
        session.checkPage("m21-terminate-refused");
        open(agreement + "/officer", "Name the officer");
        session.type("personId", "officer-priya");
        session.type("email", "priya at the council");
        session.refusedAt("Name the officer", "email", "must be an email address");
        session.assertKept(Map.of("personId", "officer-priya", "email", "priya at the council"));
        session.checkPage("m22-name-officer-refused");
        // The round's monitoring settings: a reminder's days refused by the API at their row, then saved.
        open("/monitoring-settings/" + TRAIL, "Monitoring settings");
        session.type("returnDueWorkingDays", "15");
        session.type("reminders-0-offsetWorkingDays", "soon");
        refusedThenSaved("Save the settings", "reminders-0-offsetWorkingDays", "must be a whole number",
                Map.of("returnDueWorkingDays", "15", "reminders-0-offsetWorkingDays", "soon"), "m23-monitoring-settings-refused",
                "-3", "The settings are saved");
        assertThat(session.text()).contains("15 working days after its quarter ends", "3 working days before it is due");
        open(agreement + "/instalments/4/override/approve", "Approve the override of instalment 4");
        session.press("Approve the override");
        session.waitForText(By.className("govuk-error-summary"), "the instalment is not held"); // a form of no fields: said in the summary

        session.signInAs(FINANCE);
        refusedText(agreement + "/instalments/3/release", "Release instalment 3", "Release the hold", "reason", "Enter why it is released");
        open("/payment-runs", "Payment runs");
        session.typeDate("day", 3, 10, 2002);
        session.refusedAt("Continue", "day", "A payment run is made on its day");
        session.assertKept(Map.of("day", "3", "day-month", "10", "day-year", "2002"));
    }

    /**
     * Performance reporting, in short: the demo register kept through the API on its own days; its owner
     * records NI 195's 2009-10 Q2 figure through the form (by keyboard; a quarter not yet ended and a
     * revision without a reason refused, each at its field), a manager sees the register with the status
     * in words and adds a board meeting, and the public sees the reviewed quarters without signing in.
     */
    @Test
    @Order(3)
    void anOwnerRecordsAFigureAndTheManagerSeesItsStatusInWords() throws IOException {
        String register = theDemoRegisterOn25November2009();

        session.signInAs(OWNER);
        session.browser().findElement(By.partialLinkText("Your indicators in")).click();
        session.waitForHeading("Your indicators");
        assertThat(session.text()).contains("NI 195", "2009-10 Q1 (April to June 2009)", "Near the target");
        session.checkPage("r01-your-indicators");
        session.browser().findElement(By.cssSelector("a[href='" + register + "/indicators/ni-195/figures']")).click();
        session.waitForHeading("Record a figure for NI 195");
        new org.openqa.selenium.support.ui.Select(session.browser().findElement(By.id("quarter"))).selectByValue("2009-10-Q3");
        session.type("numerator", "23");
        session.type("denominator", "300");
        session.choose("status", "FINAL");
        session.type("achieved", "Cleansing blitzes in the priority neighbourhoods.");
        session.type("next", "Enforcement against littering around takeaways.");
        session.refusedAt("Record the figure", "quarter", "Choose a quarter that has ended: a figure for 2009-10 Q3 can be recorded from 1 January 2010");
        session.assertKept(Map.of("quarter", "2009-10-Q3", "numerator", "23", "denominator", "300"));
        session.checkPage("r02-figure-refused");
        new org.openqa.selenium.support.ui.Select(session.browser().findElement(By.id("quarter"))).selectByValue("2009-10-Q2");
        session.tabTo("the button that records the figure", element -> "Record the figure".equals(element.getText()))
                .sendKeys(org.openqa.selenium.Keys.ENTER);
        session.waitForHeading("Figure recorded");
        assertThat(session.text()).contains("NI 195, 2009-10 Q2 (July to September 2009)", "8.2", "Near the target");
        session.checkPage("r03-figure-recorded");

        session.get(register + "/indicators/ni-195/figures/2009-10-Q2");
        session.waitForHeading("Record a figure for NI 195");
        assertThat(session.text()).contains("2009-10 Q2 already has a figure: 7.7");
        session.type("numerator", "24");
        session.type("denominator", "300");
        session.choose("status", "FINAL");
        session.refusedAt("Record the figure", "reason", "Enter why you are revising the figure: 2009-10 Q2 already has one");
        session.checkPage("r04-revision-refused");

        session.signInAs(MANAGER);
        session.get(register);
        session.waitForHeading("Indicator register");
        WebElement ni195 = session.browser().findElement(By.xpath("//tr[th[starts-with(normalize-space(), 'NI 195:')]]"));
        assertThat(ni195.getText()).contains("2009-10 Q2 (July to September 2009)", "Martin Cole", "Near the target");
        assertThat(session.text()).contains("19 November 2009", "Not met");
        session.checkPage("r05-register");
        assertThat(savedThrough("a[download='board-pack-2009-11-19.html']")).as("the printable pack, fetched with the manager's token").contains("id=\"card-ni-195\"");

        session.browser().findElement(By.linkText("Add a board meeting")).click();
        session.waitForHeading("Add a board meeting");
        session.typeDate("date", 24, 11, 2009);
        new org.openqa.selenium.support.ui.Select(session.browser().findElement(By.id("reviews"))).selectByValue("2009-10 Q3");
        session.refusedAt("Add the meeting", "reviews", "Choose a quarter that has ended by the day of the meeting");
        session.assertKept(Map.of("date", "24", "reviews", "2009-10 Q3"));
        session.checkPage("r06-meeting-refused");
        new org.openqa.selenium.support.ui.Select(session.browser().findElement(By.id("reviews"))).selectByValue("2009-10 Q2");
        session.press("Add the meeting");
        session.waitForText(By.tagName("main"), "The board meeting of 24 November 2009 is added.");

        session.get("/sign-out");
        session.waitForHeading("You have signed out");
        session.get("/public/registers/" + DemoRegister.REGISTER_ID);
        session.waitForHeading("Performance figures");
        assertThat(session.text()).contains("2009-10 Q2 (July to September 2009)", "NI 192", "Met", "19 November 2009");
        session.checkPage("r07-public-figures");
    }

    @Test
    @Order(4)
    void aManagerKeepsTheRegisterAndAnOwnerLoadsFiguresAsAFile() throws IOException {
        String register = theDemoRegisterOn25November2009();

        session.signInAs(MANAGER);
        session.get(register);
        session.waitForHeading("Indicator register");
        session.browser().findElement(By.linkText("Add a theme")).click();
        session.waitForHeading("Add a theme");
        session.type("id", "safer");
        session.type("title", "A safer Coventry");
        session.checkPage("r08-theme-form");
        session.press("Save the theme");
        session.waitForText(By.tagName("main"), "The theme A safer Coventry is saved.");
        open(register + "/outcomes/new", "Add an outcome");
        session.checkPage("r09-outcome-form");
        open(register + "/people/new", "Add a person");
        session.checkPage("r10-person-form");

        open(register + "/indicators/new", "Add an indicator");
        Map.of("id", "ni-193", "reference", "NI 193", "title", "Municipal waste land filled", "unit", "% of municipal waste",
                "decimals", "5", "baselinePeriod", "2007-08 Q4", "baselineValue", "48.0", "targets-0-year", "2009-10",
                "targets-0-target", "44.0", "tolerance", "2.5").forEach(session::type);
        new org.openqa.selenium.support.ui.Select(session.browser().findElement(By.id("outcome"))).selectByValue("recycling");
        new org.openqa.selenium.support.ui.Select(session.browser().findElement(By.id("owner"))).selectByValue("owner-martin");
        session.choose("polarity", "LOWER_IS_BETTER");
        session.choose("measure", "PERCENT");
        session.choose("accumulation", "LEVEL");
        refusedThenSaved("Save the indicator", "decimals", "The decimal places must be 0 to 3",
                Map.of("reference", "NI 193", "targets-0-year", "2009-10", "targets-0-target", "44.0", "outcome", "recycling"),
                "r11-indicator-refused", "1", "The indicator NI 193 is saved.");
        assertThat(session.text()).contains("NI 193: Municipal waste land filled", "A safer Coventry");

        open(register + "/indicators/ni-195", "Change NI 195");
        session.choose("measure", "COUNT");
        session.refusedAt("Save the indicator", "measure",
                "Once an indicator has figures its measure, accumulation and polarity cannot change: add a new indicator instead");
        session.checkPage("r12-indicator-locked");

        session.signInAs(OWNER);
        open(register + "/my-indicators", "Your indicators");
        session.browser().findElement(By.linkText("Load figures from a file")).click();
        session.waitForHeading("Load figures from a file");
        String header = "indicator_id,reference,period,numerator,denominator,status,reason\n";
        String revised = "ni-192,NI 192,2009-10 Q2,3300,10000,FINAL,Late tonnage from the contractor\n";
        session.browser().findElement(By.id("file")).sendKeys(csv("figures-bad.csv", header + revised
                + "ni-195,NI 195,2009-10 Q2,lots,300,FINAL,Recounted\n"));
        session.refusedAt("Load the figures", "file", "In row 3, the numerator must be a number");
        session.checkPage("r13-figures-file-refused");
        session.browser().findElement(By.id("file")).sendKeys(csv("figures.csv", header + revised
                + "ni-195,NI 195,2009-10 Q2,24,300,FINAL,Recounted\n"));
        session.press("Load the figures");
        session.waitForHeading("Figures recorded");
        assertThat(session.text()).contains("2 figures from figures.csv", "NI 192", "2009-10 Q2 (July to September 2009)",
                "3300 out of 10000", "Revised: Late tonnage from the contractor");
        session.checkPage("r14-figures-recorded");
    }

    /**
     * Governance, in short (issue 29), on the demo register's board meeting of 19 November 2009: the board,
     * a theme group and scrutiny set up through the API as the clerk (a manager). In the browser the clerk
     * opens the meeting from the register (the pack's exceptions first), records an action with a declared
     * interest after checking its quorum (by keyboard), and sees an item about an organisation refused as
     * inquorate at its declared interests: a member who works there is counted out without declaring. The
     * next day the owner answers a recommendation (refused without an action first) and completes the action
     * (refused without evidence first), each in the API's words. Then scrutiny's pages, each checked.
     */
    @Test
    @Order(7)
    void theClerkRecordsABoardMeetingAndTheOwnerAnswersAndCompletes() throws IOException {
        String register = theDemoRegisterOn25November2009();
        String governance = register + "/governance";
        String meeting = governance + "/bodies/clpsb/meetings/2009-11-19";
        clock.set(LocalDate.of(2009, 11, 19));
        theBodiesAreSetUpAndTheBoardMeets();

        session.signInAs(MANAGER);
        session.get(register);
        session.waitForHeading("Indicator register");
        session.browser().findElement(By.partialLinkText("Governance:")).click();
        session.waitForHeading("Governance");
        assertThat(session.text()).contains("Coventry Local Public Service Board", "Board", "Chair: Catherine Rowe");
        session.checkPage("g01-governance");
        session.browser().findElement(By.partialLinkText("19 November 2009")).click();
        session.waitForHeading("Meeting of 19 November 2009");
        assertThat(session.text()).contains("Exceptions in the board pack", "No decision yet",
                "4 voting members present, 3 needed on each item");
        assertThat(session.text().indexOf("Exceptions in the board pack")).as("the exceptions first")
                .isLessThan(session.text().indexOf("Who was there"));
        session.checkPage("g02-board-meeting");

        session.browser().findElement(By.partialLinkText("Record an action")).click();
        session.waitForHeading("Record an action");
        session.type("id", "clpsb-2009-11-19-01");
        session.type("item", "Out of work benefits");
        new org.openqa.selenium.support.ui.Select(session.browser().findElement(By.id("about"))).selectByValue("ni-152");
        session.choose("declared", "board-susan");
        new org.openqa.selenium.support.ui.Select(session.browser().findElement(By.id("owner"))).selectByValue("owner-martin");
        session.typeDate("due", 15, 1, 2010);
        session.type("criterion", "A plan with the job centres for the priority neighbourhoods, to the board");
        session.press("Check the quorum");
        session.waitForText(By.id("quorum-preview"), "3 voting members counted, 3 needed: quorate.");
        assertThat(session.text()).contains("Counted out: Susan Patel (declared an interest)");
        session.assertKept(Map.of("id", "clpsb-2009-11-19-01", "due", "15", "owner", "owner-martin"));
        session.checkPage("g03-action-quorum-checked");
        session.tabTo("the button that records the decision", element -> "Record the decision".equals(element.getText()))
                .sendKeys(org.openqa.selenium.Keys.ENTER);
        session.waitForText(By.tagName("main"), "Decision clpsb-2009-11-19-01 is recorded.");

        session.get(meeting + "/decide/recommendation");
        session.waitForHeading("Record a recommendation");
        session.type("id", "clpsb-2009-11-19-02");
        session.type("item", "Stoke Aldermoor homes");
        new org.openqa.selenium.support.ui.Select(session.browser().findElement(By.id("about"))).selectByValue("whitefriars-housing");
        session.choose("declared", "board-priya");
        new org.openqa.selenium.support.ui.Select(session.browser().findElement(By.id("to"))).selectByValue("owner-martin");
        session.type("text", "Agree a joint plan with Whitefriars");
        session.press("Check the quorum");
        session.waitForText(By.id("quorum-preview"), "2 voting members counted, 3 needed: not quorate");
        assertThat(session.text()).contains("Susan Patel (works for the organisation, not declared)");
        session.refusedAt("Record the decision", "declared",
                "Too few voting members were left on this item once those with an interest were counted out");
        assertThat(session.browser().findElement(By.id("quorum-preview")).getText()).as("who was counted out, beside the refusal")
                .contains("Priya Sharma (declared an interest)", "Susan Patel (works for the organisation, not declared)");
        session.assertKept(Map.of("id", "clpsb-2009-11-19-02", "about", "whitefriars-housing"));
        session.checkPage("g04-inquorate-refused");
        assertThat(asThemselves(MANAGER, "POST /registers/{registerId}/governance/decisions", Map.of("registerId", DemoRegister.REGISTER_ID), """
                {"id": "clpsb-2009-11-19-03", "body": "clpsb", "item": "Litter enforcement", "about": "ni-195",
                 "terms": {"kind": "RECOMMENDATION", "to": "owner-martin", "text": "Enforce against littering near takeaways"}}""")
                .getStatusCode()).isEqualTo(201);
        session.get(meeting);
        session.waitForHeading("Meeting of 19 November 2009");
        assertThat(session.text()).contains("1 of 1 decided", "Decided", "clpsb-2009-11-19-01", "Martin Cole to act by 15 January 2010",
                "3 voting members counted, 3 needed: quorate. Counted out: Susan Patel (declared an interest).");
        session.checkPage("g05-board-meeting-decided");

        clock.set(LocalDate.of(2009, 11, 20));
        session.signInAs(OWNER);
        session.get(governance + "/my-work");
        session.waitForHeading("Your actions and recommendations");
        assertThat(session.text()).contains("Due 15 January 2010, not started", "Answer due");
        session.checkPage("g06-my-work");
        session.browser().findElement(By.partialLinkText("Answer it")).click();
        session.waitForHeading("Answer a recommendation");
        session.choose("answer", "ACCEPTED");
        session.refusedAt("Send the answer", "action-0-id", "An action needs an owner, a criterion and a due date");
        session.checkPage("g07-answer-refused");
        session.type("action-0-id", "clpsb-2009-11-19-03-a1");
        session.typeDate("action-0-due", 31, 3, 2010);
        session.type("action-0-criterion", "Fixed penalty notices issued, reported quarterly");
        session.press("Send the answer");
        session.waitForText(By.tagName("main"), "Your answer to clpsb-2009-11-19-03 is sent.");
        session.browser().findElement(By.cssSelector("a[href$='/actions/clpsb-2009-11-19-01/complete']")).click();
        session.waitForHeading("Complete an action");
        session.refusedAt("Complete the action", "evidence", "a completion says what shows it");
        session.type("evidence", "The plan with the job centres, minuted by the board");
        session.press("Complete the action");
        session.waitForText(By.tagName("main"), "clpsb-2009-11-19-01 is completed.");
        assertThat(session.text()).contains("Due 15 January 2010, completed on 20 November 2009, on time",
                "Accepted", "Being carried out");
        session.checkPage("g08-my-work-answered-and-completed");

        session.signInAs(MANAGER);
        expectDone(asThemselves(MANAGER, "PUT /registers/{registerId}/governance/bodies/{bodyId}/meetings/{meetingDate}",
                Map.of("registerId", DemoRegister.REGISTER_ID, "bodyId", "scrutiny-panel", "meetingDate", "2009-11-20"),
                "{\"present\": [\"owner-ian\", \"board-lucy\"]}"));
        String panel = governance + "/bodies/scrutiny-panel/meetings/2009-11-20";
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put(meeting + "/decide/variation", "Record a new due date for an action");
        pages.put(panel, "Meeting of 20 November 2009");
        pages.put(panel + "/decide/report", "Record a scrutiny report");
        pages.put(governance + "/standing", "Where every action and recommendation stands");
        pages.put(governance + "/reviews", "Scrutiny reviews");
        pages.put(governance + "/reviews/srv-prosperity-2009", "Review srv-prosperity-2009");
        pages.put(governance + "/reviews/new", "Scope a review");
        pages.put(governance + "/reviews/srv-prosperity-2009/evidence", "Record evidence");
        pages.put(governance + "/reviews/srv-prosperity-2009/findings", "Write a finding");
        pages.put(governance + "/bodies/clpsb/meetings/new", "Record a meeting");
        checkEach(pages, "g", 9, governance);
        // The clerk sets up a theme group: without its theme refused by the API at that list, what was typed kept.
        open(governance + "/bodies/new", "Set up a body");
        Map.of("id", "tg-safer", "name", "Safer and healthier group", "quorum", "1").forEach(session::type);
        session.choose("kind", "THEME_GROUP");
        new org.openqa.selenium.support.ui.Select(session.browser().findElement(By.id("members-0-person"))).selectByValue("owner-ian");
        new org.openqa.selenium.support.ui.Select(session.browser().findElement(By.id("members-0-role"))).selectByValue("CHAIR");
        session.refusedAt("Save the body", "theme", "Choose the theme the group looks after");
        session.assertKept(Map.of("id", "tg-safer", "name", "Safer and healthier group", "members-0-person", "owner-ian"));
        session.checkPage("g16-body-refused");
        new org.openqa.selenium.support.ui.Select(session.browser().findElement(By.id("theme"))).selectByValue("environment");
        session.press("Save the body");
        session.waitForText(By.tagName("main"), "Safer and healthier group is saved.");
        assertThat(session.text()).contains("Safer and healthier group", "Theme group", "Chair: Ian Baker");
    }

    /** The board (quorum 3, an observer), a theme group and scrutiny, set up by the clerk; the board meets on 19 November 2009. */
    private static void theBodiesAreSetUpAndTheBoardMeets() {
        Map<String, String> at = Map.of("registerId", DemoRegister.REGISTER_ID);
        for (String[] person : new String[][] {{"board-catherine", "Catherine Rowe"}, {"board-susan", "Susan Patel"},
                {"board-priya", "Priya Sharma"}, {"board-lucy", "Lucy Adams"}, {"go-observer", "Government Office"}}) {
            expectDone(asThemselves(MANAGER, "PUT /registers/{registerId}/people/{personId}",
                    Map.of("registerId", DemoRegister.REGISTER_ID, "personId", person[0]),
                    "{\"name\": \"" + person[1] + "\", \"role\": \"BOARD\"}"));
        }
        expectDone(asThemselves(MANAGER, "PUT /registers/{registerId}/governance/bodies/{bodyId}",
                Map.of("registerId", DemoRegister.REGISTER_ID, "bodyId", "clpsb"), """
                {"name": "Coventry Local Public Service Board", "kind": "BOARD", "decisionMaking": true, "quorum": 3, "members": [
                  {"person": "board-catherine", "role": "CHAIR", "organisation": "coventry-city-council"},
                  {"person": "board-susan", "role": "MEMBER", "organisation": "whitefriars-housing"},
                  {"person": "board-priya", "role": "MEMBER", "organisation": "nhs-coventry"},
                  {"person": "board-lucy", "role": "MEMBER", "organisation": "coventry-city-council"},
                  {"person": "go-observer", "role": "OBSERVER", "organisation": "government-office"}]}"""));
        expectDone(asThemselves(MANAGER, "PUT /registers/{registerId}/governance/bodies/{bodyId}",
                Map.of("registerId", DemoRegister.REGISTER_ID, "bodyId", "tg-prosperity"), """
                {"name": "Jobs and economy group", "kind": "THEME_GROUP", "theme": "prosperity", "decisionMaking": true,
                 "quorum": 1, "members": [{"person": "owner-sandra", "role": "CHAIR"}]}"""));
        expectDone(asThemselves(MANAGER, "PUT /registers/{registerId}/governance/bodies/{bodyId}",
                Map.of("registerId", DemoRegister.REGISTER_ID, "bodyId", "scrutiny-panel"), """
                {"name": "Scrutiny panel", "kind": "SCRUTINY", "decisionMaking": false, "quorum": 2, "members": [
                  {"person": "owner-ian", "role": "CHAIR"}, {"person": "board-lucy", "role": "MEMBER"}]}"""));
        expectDone(asThemselves(MANAGER, "PUT /registers/{registerId}/governance/bodies/{bodyId}/meetings/{meetingDate}",
                Map.of("registerId", DemoRegister.REGISTER_ID, "bodyId", "clpsb", "meetingDate", "2009-11-19"),
                "{\"present\": [\"board-catherine\", \"board-susan\", \"board-priya\", \"board-lucy\", \"go-observer\"]}"));
        expectDone(asThemselves(MANAGER, "POST /registers/{registerId}/governance/reviews", at,
                "{\"id\": \"srv-prosperity-2009\", \"body\": \"tg-prosperity\", \"indicators\": [\"ni-152\"]}"));
        expectDone(asThemselves(MANAGER, "POST /registers/{registerId}/governance/reviews/{reviewId}/evidence",
                Map.of("registerId", DemoRegister.REGISTER_ID, "reviewId", "srv-prosperity-2009"),
                "{\"id\": \"srv-prosperity-2009-e1\", \"kind\": \"VISIT\", \"summary\": \"Visited the job club in Foleshill\"}"));
    }

    private static void expectDone(APIGatewayV2HTTPResponse answer) {
        assertThat(answer.getStatusCode()).as(answer.getBody()).isLessThan(300);
    }

    /** Each page (its path, and the heading it waits for) opened and checked, named by its number and its path after {@code base}. */
    private static void checkEach(Map<String, String> pages, String prefix, int first, String base) throws IOException {
        int n = first;
        for (Map.Entry<String, String> page : pages.entrySet()) {
            session.get(page.getKey());
            session.waitForHeading(page.getValue());
            session.checkPage(prefix + n++ + page.getKey().substring(base.length()).replaceAll("[^a-z0-9]+", "-"));
        }
    }

    /** A form refused at one field (what was typed kept, the page checked), then sent again with that field put right. */
    /**
     * G11 in the browser: the board's decisions of Friday 27 November 2009 (set up through the API by the
     * clerk, the demo manager) are not public that day nor over the weekend; on Monday the public page
     * shows the action with its owner by name, and the exempt item reduced to its body, meeting and kind.
     */
    @Test
    @Order(6)
    void thePublicLogShowsTheBoardsDecisionOnTheNextWorkingDay() throws IOException {
        theDemoRegisterOn25November2009();
        LocalDate friday = LocalDate.of(2009, 11, 27);
        clock.set(friday);
        asTheClerk("PUT /registers/{registerId}/governance/bodies/{bodyId}", Map.of("bodyId", "clpsb"), """
                {"name": "Coventry Partnership Board", "kind": "BOARD", "decisionMaking": true, "quorum": 1,
                 "members": [{"person": "board-chair", "role": "CHAIR"}]}""");
        asTheClerk("PUT /registers/{registerId}/governance/bodies/{bodyId}/meetings/{meetingDate}",
                Map.of("bodyId", "clpsb", "meetingDate", friday.toString()), "{\"present\": [\"board-chair\"]}");
        asTheClerk("POST /registers/{registerId}/governance/decisions", Map.of(), """
                {"id": "board-2009-11-27-01", "body": "clpsb", "item": "Litter around takeaways", "about": "ni-195",
                 "terms": {"kind": "ACTION", "owner": "owner-martin", "due": "2010-01-29",
                           "criterion": "Fixed penalty patrols in the three worst wards"}}""");
        asTheClerk("POST /registers/{registerId}/governance/decisions", Map.of(), """
                {"id": "board-2009-11-27-02", "body": "clpsb", "item": "Waste contract renegotiation", "exempt": "COMMERCIAL",
                 "terms": {"kind": "NOTED", "reason": "The contractor's prices are commercially confidential"}}""");
        String page = "/public/registers/" + DemoRegister.REGISTER_ID + "/governance";

        session.get("/sign-out");
        session.waitForHeading("You have signed out");
        session.get(page);
        session.waitForHeading("Decisions, actions and recommendations");
        assertThat(session.text()).as("on the day of the meeting").contains("No decision has been published yet.")
                .doesNotContain("Litter around takeaways");

        clock.set(LocalDate.of(2009, 11, 30));
        session.get(page);
        session.waitForHeading("Decisions, actions and recommendations");
        assertThat(session.text()).contains("27 November 2009", "Coventry Partnership Board", "Litter around takeaways",
                "Fixed penalty patrols in the three worst wards", "Martin Cole", "Due 29 January 2010, not started",
                "Exempt item", "Exempt from publication (commercial)").doesNotContain("Waste contract", "commercially confidential");
        assertThat(session.browser().findElement(By.linkText("Actions (CSV)")).getAttribute("href"))
                .endsWith("/api/public/registers/" + DemoRegister.REGISTER_ID + "/governance/actions.csv");
        session.checkPage("g01-public-governance");
    }

    private static void asTheClerk(String route, Map<String, String> path, String body) {
        Map<String, String> parameters = new java.util.HashMap<>(path);
        parameters.put("registerId", DemoRegister.REGISTER_ID);
        APIGatewayV2HTTPResponse answer = functions.api(LocalFunctions.apiEvent(route, parameters, null, body, Map.of(),
                people.get(MANAGER)));
        assertThat(answer.getStatusCode()).as(route + ": " + answer.getBody()).isBetween(200, 201);
    }

    private static void refusedThenSaved(String button, String fieldId, String words, Map<String, String> kept, String page,
                                         String putRight, String saved) throws IOException {
        session.refusedAt(button, fieldId, words);
        session.assertKept(kept);
        session.checkPage(page);
        session.type(fieldId, putRight);
        session.press(button);
        session.waitForText(By.tagName("main"), saved);
    }

    /** The demo register kept through the API on its own days (once), and the clock at 25 November 2009: its path. */
    private static String theDemoRegisterOn25November2009() throws IOException {
        DemoRegister.seed(functions, clock, people.get(MANAGER));
        clock.set(LocalDate.of(2009, 11, 25));
        return "/registers/" + DemoRegister.REGISTER_ID;
    }

    /** A figures file as a spreadsheet would save it, where the browser can choose it. */
    private static String csv(String name, String text) throws IOException {
        return java.nio.file.Files.writeString(state.resolve(name), text).toAbsolutePath().toString();
    }

    /** What the download link found by this selector fetches with the person's token and hands the browser to save. */
    private static String savedThrough(String link) {
        return String.valueOf(((org.openqa.selenium.JavascriptExecutor) session.browser()).executeAsyncScript("""
                const done = arguments[arguments.length - 1]
                const saveAs = URL.createObjectURL.bind(URL)
                URL.createObjectURL = blob => { blob.text().then(done); return saveAs(blob) }
                document.querySelector(arguments[0]).click()""", link));
    }

    /** A page of one reason (or evidence) sent empty: refused at that box, which is still there to fill in. */
    private void refusedText(String path, String heading, String button, String fieldId, String words) {
        open(path, heading);
        session.refusedAt(button, fieldId, words);
        session.assertKept(Map.of(fieldId, ""));
    }

    /**
     * The West Midlands programme's budget (issue 25): a manager sets its two pots through the API, and
     * finance reads them in the console, each amount as the API says it, the RDA's ring-fence in words,
     * the chart beside the table, and both files offered.
     */
    @Test
    @Order(5)
    void financeSeesHowMuchIsLeftAndOfWhichPot() throws IOException {
        String programme = ServeCommand.DEMO_PROGRAMME;
        setLine(programme, "core-grants", """
                {"title": "Grants to partnerships", "source": "Core", "budget": "540000.00", "pays": ["GRANTS"]}""");
        setLine(programme, "regional-development-agency", """
                {"title": "Economic development support", "source": "Regional Development Agency", "budget": "70000.00",
                 "pays": ["ADVISER_DAYS", "EVENTS"], "ringFence": "Economic development"}""");

        session.signInAs(FINANCE);
        open("/budgets/" + programme, "Budget");
        assertThat(session.text()).contains("2007-08 (1 April 2007 to 31 March 2008)", "Grants to partnerships", "Core",
                "£540,000.00", "Regional Development Agency", "£70,000.00", "Only for economic development",
                "Total for 2007-08", "£610,000.00", "Budget against committed, 2007-08",
                "Download the budget statement (budget.csv)", "(ledger.csv)");
        session.checkPage("b1-budget");
        assertThat(savedThrough("a[download$='-budget.csv']")).as("the file behind the link")
                .contains("regional-development-agency", "70000.00", "540000.00");
    }

    private static void setLine(String scope, String line, String body) {
        assertThat(asThemselves(MANAGER, "PUT /budgets/{scopeId}/lines/{year}/{lineId}",
                Map.of("scopeId", scope, "year", "2007-08", "lineId", line), body).getStatusCode()).isLessThan(300);
    }

    private void open(String path, String heading) {
        session.get(path);
        session.waitForHeading(heading);
    }

    private void leadContactSubmitsTheFirstReturn() throws IOException {
        session.signInAs(LEAD);
        session.browser().findElement(By.linkText("Your agreements and returns")).click();
        session.waitForHeading("Your agreements");
        assertThat(session.text()).contains("Send the 2002-03 Q1 return", "Due 26 July 2002", "£94,600.00");
        session.checkPage("m01-your-agreements");

        session.browser().findElement(By.partialLinkText("Send the 2002-03 Q1 return")).click();
        session.waitForHeading("Send the 2002-03 Q1 return");
        session.checkPage("m02-return-form");
        session.type("output-0", "38");
        session.type("next", "Continue the sessions in Foleshill.");
        session.type("evidence-m1", "The steering group met on 1 July 2002.");
        session.press("Save as a draft");
        session.waitForText(By.tagName("main"), "Draft saved.");
        assertThat(session.browser().findElement(By.id("output-0")).getAttribute("value")).as("from the saved draft").isEqualTo("38");
        session.press("Submit the return");
        session.waitForText(By.className("govuk-error-summary"), "Enter what was achieved this quarter");
        assertThat(session.browser().findElement(By.id("achieved-error")).getText()).contains("Enter what was achieved this quarter");
        assertThat(session.browser().findElement(By.id("output-0")).getAttribute("value")).isEqualTo("38");
        session.checkPage("m03-return-refused");

        session.type("achieved", "Sessions delivered as planned.");
        session.press("Submit the return");
        session.waitForHeading("Return submitted");
        session.checkPage("m04-return-submitted");
    }

    private void officerSendsItBack() throws IOException {
        session.signInAs(OFFICER);
        session.browser().findElement(By.linkText("Returns to review")).click();
        session.waitForHeading("Returns to review");
        assertThat(session.text()).contains("2002-03 Q1 return", "15 July 2002");
        session.checkPage("m05-review-queue");

        session.browser().findElement(By.partialLinkText("2002-03 Q1 return")).click();
        session.waitForHeading("Review the 2002-03 Q1 return");
        assertThat(session.text()).contains("Residents taking part", "38", "Sessions delivered as planned.",
                "The steering group met on 1 July 2002.");
        session.checkPage("m06-review");
        session.choose("decision", "send-back");
        session.choose("sections", "outputs");
        session.type("reason", "38 residents looks like the year so far; give the quarter's number.");
        session.press("Send the review");
        session.waitForHeading("Return sent back");
    }

    private void financeRunsPaymentsAndSeesTheInstalmentHeld() throws IOException {
        session.signInAs(FINANCE);
        session.browser().findElement(By.linkText("Payment runs")).click();
        session.waitForHeading("Payment runs");
        assertThat(session.browser().findElement(By.id("day")).getAttribute("value")).isEqualTo("15");
        session.checkPage("m07-payment-run-day");
        session.press("Continue");
        session.waitForHeading("Check before making the payment run");
        session.checkPage("m08-payment-run-check");
        session.press("Make the payment run");
        session.waitForHeading("Payment run made");
        assertThat(session.text()).contains("Held: the 2002-03 Q1 return is not yet accepted.", "£25,000.00",
                "Held: the agreement has not been accepted by its lead organisation.", "£19,600.00");
        session.checkPage("m09-payment-run-held");
    }

    private void leadContactSubmitsItAgain() throws IOException {
        session.signInAs(LEAD);
        session.get("/agreements");
        session.waitForHeading("Your agreements");
        assertThat(session.text()).contains("Sent back");
        session.browser().findElement(By.partialLinkText("Send the 2002-03 Q1 return")).click();
        session.waitForHeading("Send the 2002-03 Q1 return");
        assertThat(session.text()).contains("give the quarter's number");
        assertThat(session.browser().findElement(By.id("achieved")).getAttribute("value")).isEqualTo("Sessions delivered as planned.");
        session.type("output-0", "12");
        session.press("Submit the return");
        session.waitForHeading("Return submitted");
    }

    private void officerAcceptsIt() {
        session.signInAs(OFFICER);
        session.get("/review-queue");
        session.waitForHeading("Returns to review");
        session.browser().findElement(By.partialLinkText("2002-03 Q1 return")).click();
        session.waitForHeading("Review the 2002-03 Q1 return");
        assertThat(session.text()).contains("Version 2");
        session.choose("decision", "accept");
        session.press("Send the review");
        session.waitForHeading("Return accepted");
    }

    /** The grant's page says nothing is paid until it is accepted; the lead contact checks it and accepts it. */
    private void leadContactAcceptsTheGrant() throws IOException {
        session.signInAs(LEAD);
        session.get("/agreements/" + GRANT);
        session.waitForHeading(GRANT);
        assertThat(session.text()).contains("Not accepted yet", "Nothing can be paid until the lead organisation accepts this grant.",
                "Held: the grant has not been accepted by its lead organisation.");
        session.browser().findElement(By.linkText("Check and accept this grant")).click();
        session.waitForHeading("Check and accept this grant");
        assertThat(session.text()).contains("£19,600.00, payable from 1 August 2002");
        session.checkPage("m10-accept-grant");
        session.press("Accept this grant");
        session.waitForHeading("Grant accepted");
        assertThat(session.text()).contains("Accepted by " + LEAD + " on 15 August 2002");
        session.checkPage("m10-grant-accepted");
    }

    private void financesNextRunPaysIt() throws IOException {
        session.signInAs(FINANCE);
        session.get("/payment-runs");
        session.waitForHeading("Payment runs");
        session.press("Continue");
        session.waitForHeading("Check before making the payment run");
        session.press("Make the payment run");
        session.waitForHeading("Payment run made");
        WebElement paid = session.browser().findElement(By.xpath("//caption[starts-with(normalize-space(), 'Paid')]/.."));
        assertThat(paid.getText()).contains(AGREEMENT, "£25,000.00", GRANT, "£19,600.00");
        assertThat(session.text()).contains("Nothing was held.");

        // The run is kept: its day's page, opened afresh, lists it with the day's two files to download.
        session.get(java.net.URI.create(session.browser().getCurrentUrl()).getPath());
        session.waitForText(By.tagName("main"), "Download the payment file (CSV)");
        assertThat(session.text()).doesNotContain("No payment run was made on this day")
                .contains("Made by", FINANCE, AGREEMENT, "£19,600.00", "Download the held list (CSV)",
                        "Pathways to Work Trust");
        session.checkPage("m10-payment-run-day");
        // The link fetches the file with finance's token: what it hands the browser to save is the payment file.
        assertThat(savedThrough("a[download^='payments-']")).startsWith("payment_reference,payee,").contains(AGREEMENT, "25000.00");
    }

    private void theAgreementShowsItAll() throws IOException {
        session.get("/agreements/" + AGREEMENT);
        session.waitForHeading(AGREEMENT_TITLE);
        assertThat(session.text()).contains("Reference", AGREEMENT, "Contract with Pathways to Work Trust", "Accepted", "Outputs so far against the target to date", "12", "50",
                "Paid on 2 April 2002", "Paid on 16 August 2002", "£94,600.00");
        session.checkPage("m11-agreement");
        session.get("/agreements/" + AGREEMENT + "/reminders");
        session.waitForHeading("Reminders");
        assertThat(session.browser().findElement(By.className("govuk-caption-l")).getText()).as("named as people know it")
                .isEqualTo(AGREEMENT_TITLE);
        assertThat(session.browser().findElement(By.className("govuk-breadcrumbs")).getText()).contains(AGREEMENT_TITLE)
                .doesNotContain(AGREEMENT);
        session.checkPage("m12-reminders");
    }

    /** Finance downloads the round's monitoring report from the agreements page: the page of money paid and held. */
    private void theRoundsMonitoringReportDownloads() throws IOException {
        session.get("/agreements");
        session.waitForHeading("Agreements");
        session.checkPage("m12b-agreements-with-reports");
        Object saved = ((org.openqa.selenium.JavascriptExecutor) session.browser()).executeAsyncScript("""
                const done = arguments[arguments.length - 1]
                const saveAs = URL.createObjectURL.bind(URL)
                URL.createObjectURL = blob => { blob.text().then(done); return saveAs(blob) }
                document.querySelector('a[download^="monitoring-report-"]').click()""");
        assertThat(String.valueOf(saved)).contains("<h1>Monitoring report: " + TRAIL + "</h1>", AGREEMENT, "Paid");
    }

    /**
     * Each page of one thing (a manager's, an officer's, finance's), drawn and checked, still signed in as
     * finance: the pages are the same for whoever opens them, and the API decides who may send them
     * (its own tests check each role). Finance then holds an instalment by hand.
     */
    private void thePagesOfOneThingEach() throws IOException {
        String agreement = "/agreements/" + AGREEMENT;
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put(agreement + "/returns/2002-03-Q2/vary", "Change the due date of the 2002-03 Q2 return");
        pages.put(agreement + "/returns/2002-03-Q1", "2002-03 Q1 return");
        pages.put(agreement + "/milestones/m1/waive", "Waive a milestone");
        pages.put(agreement + "/instalments/3/hold", "Hold instalment 3");
        pages.put(agreement + "/terminate", "End this agreement early");
        checkEach(pages, "m", 13, "");
        session.get(agreement + "/instalments/3/hold");
        session.waitForHeading("Hold instalment 3");
        session.type("reason", "Waiting for the audit report.");
        session.press("Hold the instalment");
        session.waitForText(By.tagName("main"), "Instalment 3 is held.");
    }
}
