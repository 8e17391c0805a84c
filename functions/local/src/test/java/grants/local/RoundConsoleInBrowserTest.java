package grants.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.access.Actor;
import grants.core.commissioning.Round;
import grants.documents.Json;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commissioning round's pages in a real headless Chromium, as its people use them: the public
 * call for proposals, a board member's dots, a panel member's declaration and blind score, the
 * manager's awards, override and publication, finance's contracts and a proposer's decision.
 * axe-core finds no WCAG 2.2 A or AA violation on any of them; screenshots go to target/console/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoundConsoleInBrowserTest {

    private static final String PASSWORD = "demo-round-browser-test";
    private static final String ROUND = ServeCommand.DEMO_ROUND;
    private static final String VOTING_ROUND = "coventry-voting";

    @TempDir
    static Path state;
    private static LocalFunctions functions;
    private static LocalServer server;
    private static BrowserSession session;

    @BeforeAll
    static void aRoundReadyForItsPanels() throws IOException {
        Assumptions.assumeTrue(BrowserSession.available(), "Chromium and chromium-driver are not installed");
        JsonNode document;
        try (InputStream in = RoundConsoleInBrowserTest.class.getResourceAsStream("/data/coventry-commissioning-round.json")) {
            document = Json.MAPPER.readTree(in);
        }
        Round round = RoundJson.read(document);
        ReplayClock clock = RoundReplay.clockFor(round);
        functions = LocalFunctions.inMemory(state, clock);
        List<LocalSignIn.DemoUser> users = ServeCommand.demoUsers(PASSWORD);
        Actor manager = users.get(0).person();
        RoundReplay replay = new RoundReplay(functions, round, document, clock, manager);
        replay.vote();
        replay.propose();
        replay.score(member -> !member.equals("u2"));
        ObjectNode voting = document.deepCopy();
        voting.put("roundId", VOTING_ROUND);
        List.of("ballots", "specifications", "proposals", "panels", "scores", "moderations").forEach(voting::remove);
        ((ObjectNode) voting.get("issues").get(0)).putArray("evidence").addObject()
                .put("statistic", "Unemployment in the priority neighbourhoods is 9.2%, twice the city's rate")
                .put("source", "Census 2001").put("date", "2001-04-29");
        functions.api(LocalFunctions.apiEvent("PUT /rounds/{roundId}", Map.of("roundId", VOTING_ROUND), null,
                Json.write(voting), Map.of(), manager));
        server = LocalServer.start(functions, 0, users);
        // The demo board member is bound in the demo round; the manager binds them in the second round too.
        Actor board = users.stream().filter(user -> user.person().email().startsWith("board@")).findFirst()
                .orElseThrow().person();
        functions.api(LocalFunctions.apiEvent("PUT /programmes/{programmeId}/bindings/{subject}",
                Map.of("programmeId", VOTING_ROUND, "subject", board.subject()), null,
                "{\"name\":\"Board member\",\"personId\":\"board-01\"}", Map.of(), manager));
        session = BrowserSession.open(server.origin(), PASSWORD);
    }

    @AfterAll
    static void close() {
        if (session != null) {
            session.close();
        }
        if (server != null) {
            server.close();
            functions.close();
        }
    }

    @Test
    @Order(1)
    void anyoneReadsThePublishedSpecificationsWithoutSigningIn() throws IOException {
        session.get("/sign-out");
        session.waitForHeading("You have signed out"); // or its redirect can overtake the next page
        session.get("/public/rounds/" + ROUND);
        session.waitForHeading("Coventry Partnership commissioning round 2002-05");
        session.checkPage("r1-public-specifications");
        assertThat(session.text()).contains("Unemployment and worklessness", "£1,200,000.00", "Health: every proposal");
    }

    @Test
    @Order(2)
    void aBoardMemberPlacesTheirDotsAndIsToldWhenThereAreTooMany() throws IOException {
        session.signInAs("board@demo.grants.local");
        session.get("/rounds/" + VOTING_ROUND + "/vote");
        session.waitForHeading("Which issues matter most?");
        session.checkPage("r2-vote");
        assertThat(session.text()).as("each issue's evidence, in plain English").contains(
                "twice the city's rate. Source: Census 2001, 29 April 2001.", "Residents' survey rank 1.");
        for (String issue : List.of("unemployment", "crime", "skills", "young-people")) {
            session.choose("dots", issue);
        }
        session.press("Save my dots");
        session.waitForText(By.className("govuk-error-summary"), "has 4 dots; each voter has 3");
        session.checkPage("r3-vote-refused");
        assertThat(session.browser().findElements(By.cssSelector("input[name=dots]:checked"))).as("the choice is kept").hasSize(4);
        session.choose("dots", "young-people");
        session.press("Save my dots");
        session.waitForText(By.className("govuk-notification-banner"), "Your 3 dots are saved.");
        assertThat(session.text()).contains("Unemployment and worklessness", "Crime and community safety", "Education and skills");
    }

    @Test
    @Order(3)
    void aPanelMemberDeclaresThenScoresBlindAndThenSeesThePanelsScores() throws IOException {
        session.signInAs("panel@demo.grants.local");
        session.get("/rounds/" + ROUND + "/declare");
        session.waitForHeading("Do you have an interest in any of these proposals?");
        session.checkPage("r4-declare");
        session.tabTo("the Declare button", e -> "Declare".equals(e.getText())).sendKeys(Keys.ENTER);
        session.waitForHeading("Your interests are declared");

        session.get("/rounds/" + ROUND + "/proposals/unemployment-pathways");
        session.waitForHeading("Unemployment Pathways");
        assertThat(session.text()).doesNotContain("The panel's scores");
        session.checkPage("r5-score");
        session.choose("criterion-outcome-measures", "4");
        session.choose("criterion-evaluation", "4");
        session.choose("criterion-sustainability", "5");
        session.press("Send my score");
        session.waitForText(By.className("govuk-notification-banner"), "Your score, 0.8500, is sent.");
        session.checkPage("r6-scored");
        assertThat(session.text()).contains("The panel's scores", "u2 0.8500", "u3 0.9500");
    }

    @Test
    @Order(4)
    void theManagerWorksOutTheAwardsOverridesOneWithAReasonAndPublishes() throws IOException {
        session.signInAs("manager@demo.grants.local");
        session.get("/rounds/" + ROUND);
        session.waitForHeading("Coventry Partnership commissioning round 2002-05");
        session.press("Work out the awards");
        session.waitForText(By.className("govuk-notification-banner"), "The awards are worked out");
        session.get("/rounds/" + ROUND + "/decisions");
        session.waitForHeading("Awards worked out, not yet published");
        session.checkPage("r7-decisions");
        assertThat(session.text()).contains("£3,850,000.00", "£1,150,000.00");
        new Select(session.browser().findElement(By.id("override-proposal"))).selectByValue("unemployment-northside");
        session.choose("override-decision", "DECLINE");
        session.press("Override");
        session.waitForText(By.className("govuk-error-summary"), "reason");
        assertThat(session.browser().findElement(By.cssSelector("input[name=override-decision][value=DECLINE]")).isSelected())
                .as("the choice is kept").isTrue();
        session.checkPage("r8-override-refused");
        session.browser().findElement(By.id("override-reason")).sendKeys("Northside's partners now deliver the same service.");
        session.press("Override");
        // A decline is a status of its own now, with the manager's reason (issue 21), not a lack of budget.
        session.waitForText(By.className("govuk-notification-banner"), "Unemployment Northside is now declined by the manager.");

        session.press("Publish the decisions");
        session.waitForHeading("Publish the decisions");
        session.press("Publish the decisions and send the letters");
        session.waitForText(By.className("govuk-panel"), "Decisions published");
    }

    @Test
    @Order(5)
    void financeFindsTheContractsAndTheirFiles() throws IOException {
        session.signInAs("finance@demo.grants.local");
        session.get("/rounds/" + ROUND + "/contracts");
        session.waitForHeading("Contracts");
        session.checkPage("r9-contracts");
        assertThat(session.text()).contains("City Skills Network", "£2,400,000.00", "£200,000.00 on 1 April 2002",
                "payments.csv", "360giving.json", "round-report.html");
        session.browser().findElement(By.xpath("//span[normalize-space()='What City Skills Network commits to']")).click();
        assertThat(session.text()).contains("30 September 2002: Steering group with client-group members in place",
                "Residents taking part: 200 a year", "Health: every proposal says how it improves residents' health: Referrals to health services");
        session.checkPage("r9b-contract-commitments");

        // The published contracts reach the ledger through the table's stream, as on AWS (issue 25).
        functions.deliverTableStream();
        session.get("/rounds/" + ROUND);
        session.waitForHeading("Coventry Partnership commissioning round 2002-05");
        session.browser().findElement(By.linkText("Budget: how much is left, and of which pot")).click();
        session.waitForHeading("Budget");
        // £3,850,000.00 a year awarded, less Northside's £300,000.00 the manager declined above: £1,450,000.00 left each year.
        assertThat(session.text()).contains("Coventry Partnership commissioning round 2002-05", "2002-03 (1 April 2002 to 31 March 2003)",
                "2004-05 (1 April 2004 to 31 March 2005)", "£5,000,000.00", "£3,550,000.00", "£1,450,000.00", "(ledger.csv)");
        session.checkPage("r9c-round-budget");
    }

    @Test
    @Order(6)
    void aProposerSeesTheirDecisionAndWhy() throws IOException {
        session.signInAs("proposer@demo.grants.local");
        session.get("/rounds/" + ROUND + "/proposals/unemployment-pathways");
        session.waitForHeading("Unemployment Pathways");
        new WebDriverWait(session.browser(), Duration.ofSeconds(20), BrowserSession.POLL)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Awarded"));
        session.checkPage("r10-decision");
        assertThat(session.text()).contains("£700,000.00", "0.9167");
    }

    @Test
    @Order(7)
    void theOtherPagesOfARoundPassTheAccessibilityChecksToo() throws IOException {
        session.signInAs("proposer@demo.grants.local");
        session.get("/rounds/" + ROUND + "/propose");
        session.waitForHeading("Send a proposal");
        session.checkPage("r11-propose");
        session.signInAs("subgroup@demo.grants.local");
        session.get("/rounds/" + ROUND + "/specify");
        session.waitForHeading("Write the specification");
        session.checkPage("r12-specify");
        session.get("/rounds/" + ROUND + "/tally");
        session.waitForHeading("The dots and the priorities selected");
        session.checkPage("r13-tally");
        session.signInAs("manager@demo.grants.local");
        session.checkPage("r14-home-with-rounds");
        assertThat(session.text()).contains("Commissioning rounds", "Coventry Partnership commissioning round 2002-05");
        session.get("/rounds/" + ROUND);
        session.waitForHeading("Coventry Partnership commissioning round 2002-05");
        session.checkPage("r15-round");
        // Issue 25: the money left (£1,450,000.00 a year once Northside was declined) opened as a second call, in
        // the API's words; published before 2002-03 began, so every year is offered.
        session.browser().findElement(By.linkText("Open a second call for the £1,450,000.00 a year left")).click();
        session.waitForHeading("Open a second call for the money left");
        assertThat(session.text()).contains("£1,450,000.00 a year for 2002-03, 2003-04 and 2004-05",
                "2004-05: £1,450,000.00", "£4,350,000.00");
        session.checkPage("r15b-second-call");
        session.press("Open the second call");
        session.waitForHeading("Coventry Partnership commissioning round 2002-05: second call");
        assertThat(session.text()).contains("The second call is open, for £1,450,000.00 a year from 2002-03.", "Vote with dots");
        session.get("/rounds/" + ROUND + "/proposals");
        session.waitForHeading("Proposals");
        session.checkPage("r16-proposals");
        session.get("/rounds-new");
        session.waitForHeading("Set up a commissioning round");
        session.checkPage("r17-set-up");
    }

    @Test
    @Order(8)
    void aBoardMemberSeesWhereTheRoundsMoneyGoesByPriority() {
        session.signInAs("board@demo.grants.local");
        session.get("/budgets/" + ROUND);
        session.waitForHeading("Budget"); // shown once the mapping is read with the statement
        // Six contracts once Northside was declined: £3,550,000.00 a year, each priority's exact share of it.
        assertThat(session.text()).contains("Unemployment and worklessness", "£700,000.00", "£2,100,000.00",
                "14/71 of the money committed (19.72%)", "Education and skills", "16/71 of the money committed (22.54%)",
                "£10,650,000.00 in all, of a fund of £15,000,000.00", "Left unawarded: £4,350,000.00 (29/100 of the fund (29.00%))",
                "Money committed to each priority, all years", "(money-by-priority.csv)");
        // The statement above it: each year's £1,450,000.00 left carried out to the second call opened in step 7.
        assertThat(session.text()).contains("Carried out", "£1,450,000.00");
    }

    /**
     * Issue 26's evaluation: the manager sets up and opens a survey through the API; a Birmingham contact takes
     * the link from their email (the SES emulator's), answers without signing in and sees the confirmation;
     * the same link then says it has been used.
     */
    @Test
    @Order(9)
    void aContactAnswersTheSurveyThroughTheirLinkWithoutSigningIn() throws IOException {
        Actor manager = ServeCommand.demoUsers(PASSWORD).get(0).person();
        String programme = "l2d-evaluation";
        String title = "Learning to Deliver: baseline survey";
        ObjectNode document;
        try (InputStream in = RoundConsoleInBrowserTest.class.getResourceAsStream("/data/west-midlands-2007-08.json")) {
            document = (ObjectNode) Json.MAPPER.readTree(in);
        }
        document.put("programmeId", programme);
        functions.api(LocalFunctions.apiEvent("PUT /programmes/{programmeId}", Map.of("programmeId", programme), null,
                Json.write(document), Map.of(), manager));
        Map<String, String> baseline = Map.of("programmeId", programme, "wave", "baseline");
        functions.api(LocalFunctions.apiEvent("PUT /programmes/{programmeId}/evaluation/surveys/{wave}", baseline, null,
                "{\"title\": \"" + title + "\", \"closingDate\": \"2099-12-31\", \"questions\": ["
                        + "{\"id\": \"know-plan\", \"section\": \"KNOWLEDGE_AND_UNDERSTANDING\", \"kind\": \"SCALE\", \"text\": \"How well do you understand your partnership's delivery plan?\"},"
                        + "{\"id\": \"project-staff\", \"section\": \"PERCEIVED_CAPACITY\", \"kind\": \"NUMBER\", \"text\": \"How many people work on your improvement project?\"}]}",
                Map.of(), manager));
        assertThat(functions.api(LocalFunctions.apiEvent("POST /programmes/{programmeId}/evaluation/surveys/{wave}/open",
                baseline, null, "{}", Map.of(), manager)).getBody()).contains("\"emailed\":76");
        String token = null;
        for (JsonNode email : functions.sentEmails()) {
            java.util.regex.Matcher link = java.util.regex.Pattern.compile("/surveys/answer/([A-Za-z0-9_-]{43})")
                    .matcher(email.path("body").path("text").asText());
            if (email.path("subject").asText().startsWith(title + " for Birmingham")
                    && email.path("destination").path("to").toString().contains("project.lead@birmingham") && link.find()) {
                token = link.group(1);
            }
        }
        assertThat(token).as("the link in the contact's email").isNotNull();

        session.get("/sign-out");
        session.waitForHeading("You have signed out"); // or its redirect can overtake the next page
        session.get("/surveys/answer/" + token);
        session.waitForHeading(title);
        session.checkPage("r18-survey-answer");
        session.choose("answer-know-plan", "4");
        session.type("answer-project-staff", "3");
        session.press("Send my answers");
        session.waitForHeading("Your answers have been sent");
        session.checkPage("r19-survey-answered");
        session.get("/surveys/answer/" + token);
        session.waitForHeading("This link has already been used or has expired");
    }
}
