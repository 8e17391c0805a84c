package grants.architecture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of the console builds its tables, forms, inputs and error messages from the component
 * layer (console/components/), never by hand: that is where the GOV.UK markup, the inline errors, the
 * escaping and the kept values live, once. And no page reads money as a number. The browser runs
 * the sources as they are, so this reads them, as KeyLiteralsTest does for keys.
 */
class ConsoleComponentsTest {

    private static final Path CONSOLE = Path.of("..", "console", "src", "main", "resources", "console").toAbsolutePath().normalize();
    /** The markup of every component: a page that writes one of these by hand has bypassed its component. */
    private static final List<String> COMPONENT_MARKUP = List.of(
            "<table", "<input", "<select", "<textarea", "<form", "<button", "<details", "<progress",
            "govuk-table", "govuk-error-message", "govuk-error-summary", "govuk-form-group", "govuk-label", "govuk-hint",
            "govuk-fieldset", "govuk-input", "govuk-date-input", "govuk-radios", "govuk-checkboxes", "govuk-select",
            "govuk-file-upload", "govuk-button", "govuk-summary-list", "govuk-task-list", "govuk-tag",
            "govuk-panel", "govuk-notification-banner(?!__link)", "govuk-warning-text", "govuk-details", "govuk-inset-text");
    private static final Pattern HAND_WRITTEN = Pattern.compile(String.join("|", COMPONENT_MARKUP) + "|parseFloat");
    /** Moved behind the route table unchanged; the round pages' rewrite on the components takes it off. */
    private static final List<String> NOT_YET_CONVERTED = List.of();

    static List<String> handWrittenMarkup(Path console) throws IOException {
        return SourceScan.matchingLines(console, file -> (file.toString().endsWith(".js") || file.toString().endsWith(".html"))
                && !file.startsWith("components") && !file.startsWith("govuk")
                && !NOT_YET_CONVERTED.contains(file.toString().replace('\\', '/')), HAND_WRITTEN);
    }

    @Test
    void pagesWriteNoTableInputOrErrorMessageOutsideTheComponents() throws IOException {
        assertThat(CONSOLE.resolve("components/table.js")).as("the scan starts from the console's sources").isRegularFile();

        assertThat(handWrittenMarkup(CONSOLE)).isEmpty();
    }

    @Test
    void theScanFindsATableOrAnErrorMessageWrittenInAPage(@TempDir Path console) throws IOException {
        Files.createDirectories(console.resolve("pages/runs"));
        Files.createDirectories(console.resolve("components"));
        Files.writeString(console.resolve("pages/runs/run.js"), "show(html`<table class=\"govuk-table\">${rows}</table>`)\n"
                + "const error = html`<p class=\"govuk-error-message\">${text}</p>`\nconst pounds = parseFloat(total)\n"
                + "const warning = html`<div class=\"govuk-warning-text\">${text}</div>`\n"
                + "const more = html`<details class=\"govuk-details\">${text}</details>`\n"
                + "const ok = html`<a class=\"govuk-notification-banner__link\" href=\"/x\">x</a>`\n");
        Files.writeString(console.resolve("components/table.js"), "return html`<table class=\"govuk-table\">`\n");

        assertThat(handWrittenMarkup(console)).hasSize(5).allMatch(line -> line.startsWith("pages"));
    }
}
