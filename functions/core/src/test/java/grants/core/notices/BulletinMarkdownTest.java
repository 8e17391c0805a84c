package grants.core.notices;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a bulletin's Markdown may put in an email sent to every contact of a programme. */
class BulletinMarkdownTest {

    @Test
    void httpsAndMailtoLinksSurvive() {
        String html = BulletinMarkdown.toHtml("See [the guidance](https://www.gov.uk/guidance) or [write](mailto:team@lsp.example).");

        assertThat(html).contains("<a href=\"https://www.gov.uk/guidance\">the guidance</a>")
                .contains("<a href=\"mailto:team@lsp.example\">write</a>");
    }

    @Test
    void scriptDataAndPlainHttpLinksKeepTheirWordsAndLoseTheirAddress() {
        String html = BulletinMarkdown.toHtml("[Click](javascript:alert(1)) [here](data:text/html;base64,PHNjcmlwdD4=)"
                + " [there](http://tracker.example/x) <http://plain.example/y> [JS](JaVaScRiPt:alert(2))");

        assertThat(html).contains("Click", "here", "there", "JS")
                .doesNotContain("javascript:", "JaVaScRiPt", "data:", "tracker.example", "<a href=\"http:");
    }

    @Test
    void imagesAreDroppedForTheirAltText() {
        String html = BulletinMarkdown.toHtml("Hello ![the logo](https://tracker.example/pixel.gif?who=you) world");

        assertThat(html).contains("the logo").doesNotContain("<img", "pixel.gif");
    }

    @Test
    void rawHtmlIsShownAsTextNotPassedThrough() {
        String html = BulletinMarkdown.toHtml("<img src=x onerror=alert(1)> <script>alert(2)</script>");

        assertThat(html).doesNotContain("<img", "<script").contains("&lt;script&gt;");
    }
}
