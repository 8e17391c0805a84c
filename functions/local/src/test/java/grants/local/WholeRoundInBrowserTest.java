package grants.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.commissioning.Ballot;
import grants.core.commissioning.Eligibility;
import grants.core.commissioning.Panel;
import grants.core.commissioning.Proposal;
import grants.core.commissioning.Round;
import grants.core.commissioning.ScoreSheet;
import grants.core.commissioning.Specification;
import grants.documents.Json;
import grants.documents.commissioning.RoundDocuments;
import grants.documents.commissioning.RoundJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole Coventry round run from the console, as its people run it, each signed in as themselves
 * (the demo person of their role, or a test person like them): the manager sets it up from its file,
 * board members place their dots, sub-groups write their specifications, the manager names the panels
 * (warned while one is below quorum or lacks the seed's mix) and publishes, organisations send their
 * proposals, panel members declare their interests and score what they may, one moderates and the
 * manager confirms it, the manager records a late interest, meets a proposer (who sees the meeting),
 * works out the awards, checks the schedule and publishes, and a lead organisation accepts its
 * contract. The awards are the worked example's. Every kind of page is checked by axe-core the first
 * time it is seen, and photographed into target/console/ (w-*.png).
 *
 * Every step is taken in the browser by the demo person of its role and by others beside them (two
 * board members, two sub-groups, two panels named, two proposals, two members of the unemployment panel);
 * the round's other people take the same step with the same request the page sends, to the same API,
 * as themselves, so that a walk of 24 voters and 45 score sheets stays within the build's time.
 */
@Tag("walk")
class WholeRoundInBrowserTest {

    private static final String PASSWORD = "whole-round-browser-test";
    private static final String ROUND = ServeCommand.DEMO_ROUND;
    private static final String TITLE = "Coventry Partnership commissioning round 2002-05";

    @TempDir
    static Path state;
    private static LocalFunctions functions;
    private static LocalServer server;
    private static BrowserSession session;
    private static Round coventry;
    private static JsonNode document;
    private static ReplayClock clock;
    private static LocalDate start;
    private static final Set<String> checked = new HashSet<>();
    private static final java.util.Map<String, Actor> personByEmail = new java.util.HashMap<>();
    /** How many of each repeated step are taken in the browser; the rest go to the API as the person. */
    private static final int VOTERS_IN_THE_BROWSER = 2;
    private static final int SUB_GROUPS_IN_THE_BROWSER = 2;
    private static final int PANELS_NAMED_IN_THE_BROWSER = 2;
    private static final Set<String> PROPOSALS_IN_THE_BROWSER = Set.of("unemployment-pathways", "skills-college");
    /** The demo panel member (u2) and one other member of their panel declare and score in the browser. */
    private static final Set<String> PANEL_MEMBERS_IN_THE_BROWSER = Set.of("u1", "u2");

    @BeforeAll
    static void aConsoleWithEveryPersonOfTheRound() throws IOException {
        Assumptions.assumeTrue(BrowserSession.available(), "Chromium and chromium-driver are not installed");
        try (InputStream in = WholeRoundInBrowserTest.class.getResourceAsStream("/data/coventry-commissioning-round.json")) {
            document = Json.MAPPER.readTree(in);
        }
        coventry = RoundJson.read(document);
        start = coventry.setup().fund().start();
        clock = RoundReplay.clockFor(coventry);
        functions = LocalFunctions.inMemory(state, clock);
        List<LocalSignIn.DemoUser> people = people();
        people.forEach(user -> personByEmail.put(user.person().email(), user.person()));
        server = LocalServer.start(functions, 0, people);
        session = BrowserSession.open(server.origin(), PASSWORD);
    }

    /** The demo users, and a test person like them for everyone else the round has: their bindings are stored. */
    private static List<LocalSignIn.DemoUser> people() {
        List<LocalSignIn.DemoUser> users = new ArrayList<>(ServeCommand.demoUsers(PASSWORD));
        Set<String> demoPeople = users.stream().flatMap(u -> u.person().personId().stream()).collect(Collectors.toSet());
        Set<String> demoOrganisations = users.stream().flatMap(u -> u.person().organisationId().stream())
                .collect(Collectors.toSet());
        coventry.ballots().stream().map(Ballot::voter).filter(id -> !demoPeople.contains(id))
                .forEach(id -> users.add(inRound(Role.BOARD_MEMBER, id, null)));
        coventry.specifications().stream().map(Specification::issue).filter(id -> !demoPeople.contains(id))
                .forEach(id -> users.add(inRound(Role.SUB_GROUP, id, null)));
        coventry.panels().stream().flatMap(p -> p.members().stream()).map(Panel.Member::id)
                .filter(id -> !demoPeople.contains(id)).forEach(id -> users.add(inRound(Role.PANEL_MEMBER, id, null)));
        coventry.proposals().stream().map(Proposal::lead).distinct().filter(id -> !demoOrganisations.contains(id))
                .forEach(id -> users.add(inRound(Role.PROPOSER, null, id)));
        return users;
    }

    private static LocalSignIn.DemoUser inRound(Role role, String personId, String organisationId) {
        String who = personId != null ? personId : organisationId;
        return new LocalSignIn.DemoUser(new Actor("test-" + role.group() + "-" + who, email(role, who), Set.of(role),
                Optional.empty(), Optional.empty(), Set.of(ROUND), Optional.ofNullable(personId),
                Optional.ofNullable(organisationId)), PASSWORD);
    }

    /** The demo person where the round's person is the demo one, otherwise the test person. */
    private static String email(Role role, String who) {
        return switch (role) {
            case BOARD_MEMBER -> who.equals("board-01") ? "board@demo.grants.local" : who + "@board.round.test";
            case SUB_GROUP -> who.equals("unemployment") ? "subgroup@demo.grants.local" : who + "@sub-group.round.test";
            case PANEL_MEMBER -> who.equals("u2") ? "panel@demo.grants.local" : who + "@panel.round.test";
            case PROPOSER -> who.equals("pathways") ? "proposer@demo.grants.local" : "bids@" + who + ".round.test";
            default -> throw new IllegalArgumentException(role.toString());
        };
    }

    /** The browser first, then the server, then the functions' stack: each that was opened. */
    @AfterAll
    static void close() throws Exception {
        for (AutoCloseable open : new AutoCloseable[] {session, server, functions}) {
            if (open != null) {
                open.close();
            }
        }
    }

    @Test
    void theWholeCoventryRoundIsRunFromTheConsole() throws IOException {
        setUp();
        vote();
        specify();
        namePanels();
        publish();
        propose();
        declareAndScore();
        moderate();
        recordALateInterest();
        meetAProposer();
        decideAndPublish();
        acceptAContract();
    }

    private void setUp() throws IOException {
        signInAs("manager@demo.grants.local");
        session.get("/rounds-new");
        session.waitForHeading("Set up a commissioning round");
        page("w01-set-up");
        ObjectNode setup = document.deepCopy();
        List.of("ballots", "specifications", "proposals", "panels", "scores", "moderations").forEach(setup::remove);
        Path file = state.resolve("coventry-set-up.json");
        Files.writeString(file, Json.write(setup));
        session.browser().findElement(By.cssSelector("input[type=file]")).sendKeys(file.toAbsolutePath().toString());
        session.press("Set up the round");
        session.waitForHeading(TITLE);
        page("w02-round-voting");
        assertThat(session.text()).contains("Board members vote with dots", "Board members");
    }

    private void vote() throws IOException {
        for (Ballot ballot : coventry.ballots()) {
            String voter = email(Role.BOARD_MEMBER, ballot.voter());
            if (coventry.ballots().indexOf(ballot) >= VOTERS_IN_THE_BROWSER) {
                ObjectNode dots = Json.object();
                ballot.dots().forEach(dots.putArray("dots")::add);
                asThemselves(voter, "PUT /rounds/{roundId}/ballots/{voterId}", java.util.Map.of("voterId", ballot.voter()), dots);
                continue;
            }
            signInAs(voter);
            open("/vote", "Which issues matter most?", "w03-vote");
            ballot.dots().forEach(issue -> session.choose("dots", issue));
            pressAndSee("Save my dots", "saved");
        }
        signInAs("manager@demo.grants.local");
        roundPage();
        pressAndSee("Close voting and select the priorities", "Voting is closed");
        page("w04-round-specifying");
        assertThat(session.text()).contains("Unemployment and worklessness", "Sub-groups");
    }

    private void specify() throws IOException {
        for (Specification specification : coventry.specifications()) {
            String subGroup = email(Role.SUB_GROUP, specification.issue());
            if (coventry.specifications().indexOf(specification) >= SUB_GROUPS_IN_THE_BROWSER
                    && !specification.issue().equals("unemployment")) {
                asThemselves(subGroup, "PUT /rounds/{roundId}/specifications/{specificationId}",
                        java.util.Map.of("specificationId", specification.id()), RoundDocuments.specification(specification));
                continue;
            }
            signInAs(subGroup);
            open("/specify", "Write the specification", "w05-specify");
            fill("outcome", specification.outcome());
            fill("indicators", String.join("\n", specification.indicators()));
            fill("maxAnnualAllocation", grants.core.money.Money.format(specification.maxAnnualPence()));
            fill("subGroup", specification.subGroup());
            pressAndSee("Save the specification", "is saved");
        }
    }

    /** Each panel named member by member: below quorum with its first member, warned of the mix until it has it. */
    private void namePanels() throws IOException {
        signInAs("manager@demo.grants.local");
        for (Panel panel : coventry.panels()) {
            if (coventry.panels().indexOf(panel) >= PANELS_NAMED_IN_THE_BROWSER) {
                ObjectNode members = Json.object();
                var list = members.putArray("members");
                panel.members().forEach(m -> list.addObject().put("id", m.id()).put("name", m.name())
                        .put("organisation", m.organisation()));
                asThemselves("manager@demo.grants.local", "PUT /rounds/{roundId}/panels/{specificationId}",
                        java.util.Map.of("specificationId", panel.specification()), members);
                continue;
            }
            open("/panels/" + panel.specification(), "Selection panel", "w06-panel-empty");
            for (Panel.Member member : panel.members()) {
                choosePerson(email(Role.PANEL_MEMBER, member.id()));
                fill("name", member.name());
                new Select(session.browser().findElement(By.id("organisation"))).selectByValue(member.organisation());
                pressAndSee("Add the member", member.name() + " is on the panel");
                if (member == panel.members().get(0)) {
                    page("w07-panel-below-quorum");
                    assertThat(session.text()).contains("Below quorum", "add 1 more member");
                }
            }
        }
        open("/panels", "Selection panels", "w08-panels");
    }

    private void publish() throws IOException {
        clock.set(start.minusDays(90));
        roundPage();
        open("/publish", "Publish the specifications", "w09-publish");
        LocalDate closing = start.minusDays(60);
        fill("closingDate", String.valueOf(closing.getDayOfMonth()));
        fill("closingDate-month", String.valueOf(closing.getMonthValue()));
        fill("closingDate-year", String.valueOf(closing.getYear()));
        session.press("Continue");
        session.waitForHeading("Check the specifications before you publish them");
        page("w09-publish-check");
        pressAndSee("Publish the specifications", "published");
        assertThat(session.text()).contains("31 January 2002");
        page("w10-round-proposing");
    }

    private void propose() throws IOException {
        for (Proposal proposal : coventry.proposals()) {
            String proposer = email(Role.PROPOSER, proposal.lead());
            if (!PROPOSALS_IN_THE_BROWSER.contains(proposal.id())) {
                asThemselves(proposer, "PUT /rounds/{roundId}/proposals/{proposalId}",
                        java.util.Map.of("proposalId", proposal.id()), RoundDocuments.proposal(proposal));
                continue;
            }
            signInAs(proposer);
            open("/propose", "Send a proposal", "w11-propose");
            fill("id", proposal.id());
            fill("title", proposal.title());
            new Select(session.browser().findElement(By.id("specification"))).selectByValue(proposal.specification());
            proposal.partners().forEach(partner -> session.choose("partners", partner));
            fill("annualAmount", grants.core.money.Money.format(proposal.annualPence()));
            fill("evaluationPlan", Optional.ofNullable(proposal.evaluationPlan()).orElse(""));
            if (proposal.sponsor() != null) {
                new Select(session.browser().findElement(By.id("sponsor"))).selectByValue(proposal.sponsor().organisation());
                fill("commitment", Optional.ofNullable(proposal.sponsor().commitment()).orElse(""));
            }
            if (proposal.clientGroupConsulted()) {
                session.choose("clientGroupConsulted", "yes");
            }
            fill("clientGroupSeats", String.valueOf(proposal.clientGroupSeats()));
            fill("theme-health", proposal.crossCutting().getOrDefault("health", ""));
            for (int index = 0; index < proposal.milestones().size(); index++) {
                var milestone = proposal.milestones().get(index);
                java.time.LocalDate due = java.time.LocalDate.parse(milestone.due());
                String row = "milestone-" + (index + 1);
                fill(row + "-due", String.valueOf(due.getDayOfMonth()));
                fill(row + "-due-month", String.valueOf(due.getMonthValue()));
                fill(row + "-due-year", String.valueOf(due.getYear()));
                fill(row + "-description", milestone.description());
            }
            fill("outputs", proposal.outputs().stream().map(o -> o.measure() + ": " + o.annualTarget())
                    .collect(Collectors.joining("\n")));
            session.press("Send the proposal");
            session.waitForHeading(proposal.title());
            page(eligible(proposal) ? "w12-proposal-eligible" : "w12-proposal-not-eligible");
        }
        clock.set(start.minusDays(59));
        signInAs("manager@demo.grants.local");
        roundPage();
        pressAndSee("Close proposals", "Proposals are closed");
        page("w13-round-scoring");
    }

    /** Each member declares once, then scores every proposal of the seed they may: not their conflicts, not the ineligible. */
    private void declareAndScore() throws IOException {
        for (Panel panel : coventry.panels()) {
            for (Panel.Member member : panel.members()) {
                if (!PANEL_MEMBERS_IN_THE_BROWSER.contains(member.id())) {
                    declareAndScoreThroughTheApi(member);
                    continue;
                }
                signInAs(email(Role.PANEL_MEMBER, member.id()));
                open("/declare", "Do you have an interest in any of these proposals?", "w14-declare");
                member.interests().forEach(interest -> session.choose("interests", interest));
                session.press("Declare");
                session.waitForHeading("Your interests are declared");
                for (ScoreSheet sheet : coventry.scores()) {
                    Proposal proposal = coventry.proposal(sheet.proposal()).orElseThrow();
                    if (sheet.member().equals(member.id()) && eligible(proposal) && !member.isConflictedOn(proposal)) {
                        score(sheet, proposal);
                    }
                }
            }
        }
        assertThat(checked).as("declared and scored in the browser").contains("w14-declare", "w15-score");
    }

    /** What the declaration and score pages send, sent by the member themselves. */
    private void declareAndScoreThroughTheApi(Panel.Member member) {
        String who = email(Role.PANEL_MEMBER, member.id());
        ObjectNode interests = Json.object();
        member.interests().forEach(interests.putArray("interests")::add);
        asThemselves(who, "PUT /rounds/{roundId}/declarations/{memberId}", java.util.Map.of("memberId", member.id()), interests);
        for (ScoreSheet sheet : coventry.scores()) {
            Proposal proposal = coventry.proposal(sheet.proposal()).orElseThrow();
            if (sheet.member().equals(member.id()) && eligible(proposal) && !member.isConflictedOn(proposal)) {
                ObjectNode criteria = Json.object();
                sheet.criteria().forEach(criteria.putObject("criteria")::put);
                asThemselves(who, "PUT /rounds/{roundId}/proposals/{proposalId}/scores/{memberId}",
                        java.util.Map.of("proposalId", proposal.id(), "memberId", member.id()), criteria);
            }
        }
    }

    /** A step of the round taken by its person through the API the console calls, with their own bindings. */
    private static void asThemselves(String email, String routeKey, java.util.Map<String, String> path, JsonNode body) {
        java.util.Map<String, String> parameters = new java.util.HashMap<>(path);
        parameters.put("roundId", ROUND);
        var answer = functions.api(LocalFunctions.apiEvent(routeKey, parameters, null, Json.write(body),
                java.util.Map.of(), personByEmail.get(email)));
        assertThat(answer.getStatusCode()).as(routeKey + " as " + email + ": " + answer.getBody()).isLessThan(300);
    }

    private void score(ScoreSheet sheet, Proposal proposal) throws IOException {
        open("/proposals/" + proposal.id(), proposal.title(), "w15-score");
        sheet.criteria().forEach((criterion, score) -> session.choose("criterion-" + criterion, String.valueOf(score)));
        pressAndSee("Send my score", "is sent");
    }

    /** Housing's scores are too far apart: a member who scored it records the moderation, and the manager confirms it. */
    private void moderate() throws IOException {
        var moderation = coventry.moderations().get(0);
        Proposal housing = coventry.proposal(moderation.proposal()).orElseThrow();
        signInAs(email(Role.PANEL_MEMBER, moderation.by()));
        session.get("/rounds/" + ROUND + "/proposals/" + housing.id());
        session.waitForHeading(housing.title());
        assertThat(session.text()).contains("0.4500", "0.8000", "0.3500", "0.3000");
        page("w16-moderation-needed");
        fill("moderation-score", moderation.score().format());
        session.press("Record the moderation");
        session.waitForText(By.className("govuk-error-summary"), "reason");
        page("w17-moderation-refused");
        assertThat(session.browser().findElement(By.id("moderation-score")).getAttribute("value"))
                .as("what was typed is kept").isEqualTo(moderation.score().format());
        fill("moderation-reason", moderation.reason());
        pressAndSee("Record the moderation", "waits for confirmation");

        signInAs("manager@demo.grants.local");
        open("/proposals/" + housing.id(), housing.title(), "w18-moderation-pending");
        pressAndSee("Confirm the moderation", "confirmed");
    }

    /** Recorded against a member who had not scored the proposal, so that the worked example's awards stand. */
    private void recordALateInterest() throws IOException {
        open("/late-interests", "Record a late-declared interest", "w19-late-interest");
        new Select(session.browser().findElement(By.id("member"))).selectByValue("c1");
        new Select(session.browser().findElement(By.id("proposal"))).selectByValue("crime-riverside");
        session.press("Record the late interest");
        session.waitForText(By.className("govuk-error-summary"), "reason");
        page("w20-late-interest-refused");
        fill("reason", "Her sister chairs Riverside Residents' Forum; she told us on 2 February.");
        pressAndSee("Record the late interest", "late interest");
    }

    private void meetAProposer() throws IOException {
        session.get("/rounds/" + ROUND + "/proposals/unemployment-pathways");
        session.waitForHeading("Unemployment Pathways");
        fill("meeting", "10");
        fill("meeting-month", "2");
        fill("meeting-year", "2002");
        fill("meeting-time", "10:00");
        fill("meeting-place", "Council House, Room 2");
        session.choose("attendees", "u2");
        session.choose("attendees", "u3");
        pressAndSee("Invite the proposer", "invited");
        page("w21-meeting-set");

        signInAs("proposer@demo.grants.local");
        open("/proposals/unemployment-pathways/meetings", "Your meeting with the panel", "w22-proposer-meeting");
        assertThat(session.text()).contains("10 February 2002", "10:00am", "Council House, Room 2",
                "Community member, Hillfields", "Regeneration officer");
    }

    private void decideAndPublish() throws IOException {
        signInAs("manager@demo.grants.local");
        roundPage();
        pressAndSee("Work out the awards", "worked out");
        // The day after the fund's first 1 April: that instalment's day has passed, and the schedule says who pays it.
        clock.set(start.plusDays(1));
        open("/decisions", "Awards worked out, not yet published", "w23-decisions");
        assertThat(session.text()).contains("£3,850,000.00", "£1,150,000.00");
        session.browser().findElement(By.xpath("//span[starts-with(normalize-space(), 'City Skills Network: £2,400,000.00 in all')]")).click();
        assertThat(session.browser().findElement(By.xpath("//caption[normalize-space()='Instalments to City Skills Network']/.."))
                .getText()).contains("1 1 April 2002 £200,000.00 Day passed", "2 1 July 2002 £200,000.00 On its day");
        // The worked example's awards, row by row: score, status in words, the award a year.
        assertThat(row("unemployment-pathways")).contains("0.9167 Awarded £700,000.00");
        assertThat(row("unemployment-employers")).contains("0.7750 Not funded: no money left £0.00");
        assertThat(row("unemployment-northside")).contains("0.7000 Awarded £300,000.00");
        assertThat(row("young-people-cvs")).contains("0.5250 Not funded: score too low £0.00");
        assertThat(row("housing-homes-together")).contains("0.7000 Awarded £550,000.00");
        assertThat(row("skills-college")).contains("Not eligible £0.00");
        session.press("Publish the decisions");
        session.waitForHeading("Publish the decisions");
        page("w24-publish-check");
        session.press("Publish the decisions and send the letters");
        session.waitForText(By.className("govuk-panel"), "Decisions published");
        page("w25-published");
    }

    private void acceptAContract() throws IOException {
        signInAs("proposer@demo.grants.local");
        open("/proposals/unemployment-pathways/contract", "Your contract", "w26-contract");
        assertThat(session.text()).contains("£700,000.00", "£2,100,000.00", "1 April 2002");
        session.press("Accept the contract");
        session.waitForText(By.className("govuk-panel"), "Contract accepted");
        page("w27-contract-accepted");

        signInAs("finance@demo.grants.local");
        open("/contracts", "Contracts", "w28-contracts");
        assertThat(session.text()).contains("Accepted", "£2,400,000.00");
    }

    // ---- as a person does it ----

    private static boolean eligible(Proposal proposal) {
        Specification specification = coventry.specification(proposal.specification()).orElseThrow();
        return Eligibility.failures(coventry.setup(), specification, proposal).isEmpty();
    }

    private static void signInAs(String email) {
        session.signInAs(email);
    }

    /** Presses a button and waits for the success banner that says what was done. */
    private static void pressAndSee(String button, String done) {
        session.press(button);
        session.waitForText(By.className("govuk-notification-banner"), done);
    }

    /** Opens a page of the round and waits for its heading; axe and a photograph the first time its kind is seen. */
    private static void open(String path, String heading, String kind) throws IOException {
        session.get("/rounds/" + ROUND + path);
        session.waitForHeading(heading);
        page(kind);
    }

    private static void roundPage() {
        session.get("/rounds/" + ROUND);
        session.waitForHeading(TITLE);
    }

    /** axe-core and a photograph, the first time each kind of page is seen. */
    private static void page(String name) throws IOException {
        if (checked.add(name)) {
            session.checkPage(name);
        }
    }

    /**
     * A panel member chosen from the people bound in the round (bound under their email): from the
     * select, or where the list is long, typed into the box that suggests and the suggestion clicked.
     */
    private static void choosePerson(String name) {
        WebElement chooser = session.browser().findElement(By.id("id"));
        if (chooser.getTagName().equals("select")) {
            new Select(chooser).selectByVisibleText(name);
            return;
        }
        fill("id", name);
        new org.openqa.selenium.support.ui.WebDriverWait(session.browser(), java.time.Duration.ofSeconds(10), BrowserSession.POLL)
                .until(org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable(By.xpath(
                        "//li[contains(@class, 'autocomplete__option')][normalize-space()='" + name + "']"))).click();
    }

    private static void fill(String id, String text) {
        WebElement field = session.browser().findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** The decisions table's row of a proposal, as its words read. */
    private static String row(String proposalId) {
        String title = coventry.proposal(proposalId).orElseThrow().title();
        return session.browser().findElement(By.xpath("//tr[td/a[normalize-space()=\"" + title + "\"]]")).getText();
    }
}
