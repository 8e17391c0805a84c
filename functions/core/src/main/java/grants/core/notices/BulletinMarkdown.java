package grants.core.notices;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A bulletin's Markdown as the HTML of an email, made safe to send to a whole programme: raw HTML
 * is shown as text, only {@code https:} and {@code mailto:} links survive (a {@code javascript:}
 * or {@code data:} link is reduced to its words), and images are dropped for their alt text, so
 * a bulletin can neither run anything nor track who opens it.
 */
final class BulletinMarkdown {

    private static final Parser MARKDOWN = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).build();
    private static final List<String> SAFE_SCHEMES = List.of("https:", "mailto:");

    private BulletinMarkdown() {
    }

    static String toHtml(String markdown) {
        Node document = MARKDOWN.parse(markdown);
        List<Node> unsafe = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                unsafe.add(image);
            }

            @Override
            public void visit(Link link) {
                if (!isSafe(link.getDestination())) {
                    unsafe.add(link);
                }
                visitChildren(link);
            }
        });
        unsafe.forEach(BulletinMarkdown::keepOnlyItsWords);
        return HTML.render(document);
    }

    static boolean isSafe(String destination) {
        String lower = destination.strip().toLowerCase(Locale.ROOT);
        return SAFE_SCHEMES.stream().anyMatch(lower::startsWith);
    }

    /** Replaces a link or an image by its text: the words stay, the address goes. */
    private static void keepOnlyItsWords(Node node) {
        Node child = node.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            node.insertBefore(child);
            child = next;
        }
        node.unlink();
    }
}
