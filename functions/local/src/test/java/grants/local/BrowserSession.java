package grants.local;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A headless Debian Chromium driven as a person uses the console: signing in, tabbing to things,
 * waiting for pages; each page checked by axe-core for WCAG 2.2 A and AA, and photographed into
 * target/console/ when {@code -Dgrants.screenshots=true}.
 *
 * <p>One Chromium serves every browser test class of a test JVM (starting one takes seconds on two
 * busy cores): each class opens a session on its own server and, closing it, leaves the browser as a
 * fresh one would be (no cookies, storage or cache, a new blank tab), so no class sees what another did.
 * The browser is quit when the JVM ends.
 */
final class BrowserSession implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path AXE = Path.of("../console/node_modules/axe-core/axe.min.js");
    private static final Path SCREENSHOTS = Path.of("target", "console");
    private static final Dimension DESKTOP = new Dimension(1280, 1600);
    private static final Dimension PHONE = new Dimension(390, 1600);
    /** How often a wait looks again: a page drawn after its fetch is seen within 50 ms, not WebDriver's 500. */
    static final Duration POLL = Duration.ofMillis(50);

    private static String axeSource;
    /** The JVM's one Chromium, or null before the first session and after one that could not be reset. */
    private static ChromeDriver shared;

    private final ChromeDriver browser;
    private final String origin;
    private final String password;
    /** Each person's tab, by their email address, in the order they first signed in. */
    private final Map<String, String> tabs = new LinkedHashMap<>();

    private BrowserSession(ChromeDriver browser, String origin, String password) {
        this.browser = browser;
        this.origin = origin;
        this.password = password;
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** A session on the server at {@code origin}, in the JVM's one browser (started by the first session). */
    static synchronized BrowserSession open(String origin, String password) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        if (shared == null) {
            shared = startChromium();
            ChromeDriver started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::quit, "quit-chromium"));
        }
        return new BrowserSession(shared, origin, password);
    }

    private static ChromeDriver startChromium() {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1600",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--disable-default-apps");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    ChromeDriver browser() {
        return browser;
    }

    void get(String path) {
        browser.get(origin + path);
    }

    /** Presses Tab until the focused element is the one wanted, as a keyboard user would; fails if it never is. */
    WebElement tabTo(String what, Predicate<WebElement> wanted) {
        for (int presses = 0; presses < 120; presses++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            WebElement focused = browser.switchTo().activeElement();
            if (wanted.test(focused)) {
                return focused;
            }
        }
        throw new AssertionError("Tab never reached " + what + " on " + browser.getCurrentUrl());
    }

    void waitForText(By where, String text) {
        new WebDriverWait(browser, Duration.ofSeconds(20), POLL).until(ExpectedConditions.textToBePresentInElementLocated(where, text));
    }

    void waitForHeading(String heading) {
        new WebDriverWait(browser, Duration.ofSeconds(20), POLL).until(ExpectedConditions.textToBe(By.tagName("h1"), heading));
    }

    /** axe-core's WCAG 2.2 A and AA rules on the page as it is now; their violations, described. */
    @SuppressWarnings("unchecked")
    List<Object> accessibilityViolations() throws IOException {
        JavascriptExecutor page = (JavascriptExecutor) browser;
        if (!Boolean.TRUE.equals(page.executeScript("return typeof window.axe !== 'undefined'"))) {
            page.executeScript(axeSource());
        }
        Map<String, Object> results = (Map<String, Object>) page.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations'],"
                        + " runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"
                        + ".then(r => done({violations: r.violations.map(v => v.id + ': ' + v.help + ' ' + v.nodes.map(n => n.target).join(' '))}))"
                        + ".catch(e => done({violations: ['axe failed: ' + e]}));");
        return (List<Object>) results.get("violations");
    }

    /** axe-core's script, read once per test JVM: it is sent to a page only when the page has not got it yet. */
    private static String axeSource() throws IOException {
        if (axeSource == null) {
            axeSource = Files.readString(AXE);
        }
        return axeSource;
    }

    /**
     * The page as a person sees it: photographed, in plain words (no ISO timestamp, no "GBP ", no
     * status code in capitals), and without a WCAG 2.2 A/AA violation at a desktop's width and a
     * phone's (photographed again as name-390.png).
     */
    void checkPage(String name) throws IOException {
        photograph(name);
        assertThat(engineersWords()).as("words a person would not use on " + name + " (" + browser.getCurrentUrl() + ")").isEmpty();
        assertThat(accessibilityViolations()).as("WCAG 2.2 A/AA violations on " + name + " at " + DESKTOP.getWidth() + " px").isEmpty();
        browser.manage().window().setSize(PHONE);
        try {
            photograph(name + "-390");
            assertThat(accessibilityViolations()).as("WCAG 2.2 A/AA violations on " + name + " at " + PHONE.getWidth() + " px").isEmpty();
        } finally {
            browser.manage().window().setSize(DESKTOP);
        }
    }

    /**
     * Photographs the page into target/console/ when asked (`-Dgrants.screenshots=true`, as when the
     * README's pictures are retaken): two PNGs of every page cost every run time nobody looks at.
     */
    private void photograph(String name) throws IOException {
        if (Boolean.getBoolean("grants.screenshots")) {
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        }
    }

    /**
     * What on the page reads like an engineer's tool: ISO timestamps, "GBP " (the console and the API's
     * own sentences write £19,600.00), status codes in capitals (FUNDED, NEEDS_MODERATION).
     */
    @SuppressWarnings("unchecked")
    List<String> engineersWords() {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "const main = document.querySelector('main'); const all = document.title + ' ' + main.innerText;"
                        + "const found = [];"
                        + "(all.match(/\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}/g) || []).forEach(t => found.push('ISO timestamp ' + t));"
                        + "(all.match(/\\b[A-Z]{2,}(?:_[A-Z]{2,})+\\b/g) || []).forEach(t => found.push('code ' + t));"
                        + "(all.match(/\\b(?:FUNDED|WITHDRAWN|SENT|QUEUED|SENDING|BOUNCED|FAILED|RUNNING|DONE|BOOKED|DELIVERED|CANCELLED"
                        + "|VOTING|SPECIFYING|PROPOSING|SCORING|DECIDED|PUBLISHED|AWARDED|INELIGIBLE|PENDING|DECLINED|COUNTY|DISTRICT|UNITARY|METROPOLITAN)\\b/g) || [])"
                        + ".forEach(t => found.push('code ' + t));"
                        + "all.includes('GBP ') && found.push('GBP instead of £');"
                        + "all.includes('non-empty string') && found.push('the API\\'s JSON words: non-empty string');"
                        + "return found;");
    }

    /**
     * Shows the programmes page to this person, in a tab of their own: the first time through the sign-in
     * form (the keyboard-only journey is ConsoleInBrowserTest's first), after that by going back to their
     * tab, where the console still holds their token, as someone with a tab per colleague would. That is
     * one page load instead of a sign-in's four. A token that has run out (they last an hour on the class's
     * clock, which classes move on by days) sends the console back to its start page, and the person
     * signs in again in the same tab. (A person whose bindings change during a class keeps the token they
     * had: no test gives anyone a binding after signing them in.)
     */
    void signInAs(String email) {
        String tab = tabs.get(email);
        if (tab != null) {
            browser.switchTo().window(tab);
            get("/");
            if (waitForHeadingOf("Programmes", "Grants").equals("Programmes")) {
                return;
            }
        } else {
            if (!tabs.isEmpty()) {
                browser.switchTo().newWindow(WindowType.TAB);
            }
            tabs.put(email, browser.getWindowHandle());
        }
        signInThroughTheForm(email);
    }

    private void signInThroughTheForm(String email) {
        forgetWhoIsSignedIn();
        get("/");
        waitForHeading("Grants");
        browser.findElement(By.id("sign-in")).click();
        waitForHeading("Sign in");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password, Keys.ENTER);
        waitForHeading("Programmes");
    }

    /** Waits until the page's heading is one of these, and says which. */
    private String waitForHeadingOf(String... headings) {
        Set<String> wanted = Set.of(headings);
        return new WebDriverWait(browser, Duration.ofSeconds(20), POLL).ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElements(By.tagName("h1"))
                .stream().map(WebElement::getText).filter(wanted::contains).findFirst().orElse(null));
    }

    /**
     * What signing out leaves in this tab, without its two page loads (a third of a sign-in's time): the
     * console's token, kept in this tab's sessionStorage, forgotten. The local hosted UI keeps no session
     * of its own (its /logout only sends the browser back to the signed-out page), so the sign-in form
     * that follows asks for the password as after a real sign-out. Signing out through the console's
     * link is tested where it is the point (ConsoleInBrowserTest, MonitoringInBrowserTest, RoundConsoleInBrowserTest).
     */
    private void forgetWhoIsSignedIn() {
        if (browser.getCurrentUrl().startsWith(origin + "/")) {
            ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
        }
    }

    /** Clicks the label of a checkbox or radio, found by its name and value, as a person does (a checkbox toggles). */
    void choose(String name, String value) {
        WebElement box = browser.findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']"));
        browser.findElement(By.cssSelector("label[for='" + box.getAttribute("id") + "']")).click();
    }

    /** Presses a button, or a link that looks like one, by its words. */
    void press(String words) {
        browser.findElement(By.xpath("//button[normalize-space()=\"" + words + "\"]"
                + " | //a[contains(@class, 'govuk-button')][normalize-space()=\"" + words + "\"]")).click();
    }

    String text() {
        return browser.findElement(By.tagName("main")).getText();
    }

    // ---- what every refused form must show ----

    /**
     * Presses the button and checks the refusal as a person meets it: the summary's sentence (with
     * these words) links to the field, and the field is marked and says the same sentence.
     */
    void refusedAt(String button, String fieldId, String words) {
        press(button);
        waitForText(By.className("govuk-error-summary"), words);
        List<WebElement> links = browser.findElements(By.cssSelector(".govuk-error-summary a[href='#" + fieldId + "']"));
        assertThat(links).as("the summary links to the field " + fieldId).isNotEmpty();
        String sentence = links.stream().map(WebElement::getText).filter(text -> text.contains(words)).findFirst()
                .orElseThrow(() -> new AssertionError("no sentence with '" + words + "' links to " + fieldId));
        assertThat(sentence).as("a sentence a person would say").matches("[A-Z£\"“].*")
                .doesNotContain("[0]", "_", "null", "undefined", "GBP ");
        WebElement message = browser.findElement(By.id(fieldId + "-error"));
        assertThat(message.getAttribute("textContent")).as("the same sentence at the field").contains(sentence);
        assertThat(message.findElement(By.xpath("ancestor::div[contains(@class, 'govuk-form-group')][1]")).getAttribute("class"))
                .contains("govuk-form-group--error");
    }

    /** Types into the field with this id, replacing what was there. */
    void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** A GOV.UK date input's three boxes: the day's carries the component's id. */
    void typeDate(String id, int day, int month, int year) {
        type(id, String.valueOf(day));
        type(id + "-month", String.valueOf(month));
        type(id + "-year", String.valueOf(year));
    }

    /** What was typed or chosen, by the field's id, is still there after the refusal. */
    void assertKept(Map<String, String> typed) {
        typed.forEach((id, text) -> assertThat(value(id)).as("what was typed in " + id + " is kept").isEqualTo(text));
    }

    String value(String id) {
        return browser.findElement(By.id(id)).getAttribute("value");
    }

    /**
     * Leaves the browser as a freshly started one: this origin's storage, every cookie (they are
     * shared by every port of 127.0.0.1) and the cache forgotten, one new blank tab at a desktop's width.
     * A browser that cannot be reset is quit, and the next session starts another.
     */
    @Override
    public void close() {
        synchronized (BrowserSession.class) {
            try {
                browser.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
                browser.executeCdpCommand("Network.clearBrowserCookies", Map.of());
                browser.executeCdpCommand("Network.clearBrowserCache", Map.of());
                // A tab's sessionStorage (where the console keeps its token) ends with the tab.
                Set<String> used = browser.getWindowHandles();
                browser.switchTo().newWindow(WindowType.TAB);
                String fresh = browser.getWindowHandle();
                for (String tab : used) {
                    browser.switchTo().window(tab).close();
                }
                browser.switchTo().window(fresh);
                browser.manage().window().setSize(DESKTOP);
            } catch (RuntimeException notReset) {
                if (shared == browser) {
                    shared = null;
                }
                browser.quit();
            }
        }
    }
}
