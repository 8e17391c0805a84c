package grants.core.governance;

import com.samskivert.mustache.Template;
import grants.core.mail.Templates;
import grants.core.text.InWords;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * An escalation's email, in plain English, written from the escalation ledger and the action it is
 * about: "Action clpsb-2009-11-19-01 is 20 working days overdue: due 15 January 2010". What SendNotices
 * sends for an escalation's notice ({@code escalation/{registerId}/{actionId}}), and only to the addresses
 * the ledger row holds; none for an action the ledger never escalated with an address.
 */
public final class EscalationEmails {

    private static final Template TEXT = Templates.text("/grants/core/governance/escalation.txt.mustache");
    private static final Template HTML = Templates.html("/grants/core/governance/escalation.html.mustache");

    /** An email written whole: its subject, plain text and HTML, and the addresses it goes to. */
    public record Email(String subject, String text, String html, List<String> addresses) {

        public Email {
            addresses = List.copyOf(addresses);
        }
    }

    private final Function<String, GovernanceStore> registers;

    /** @param registers a register's governance, by register id */
    public EscalationEmails(Function<String, GovernanceStore> registers) {
        this.registers = registers;
    }

    /** The email of the escalation this id names ({@link Escalation#emailId}), if the ledger sent one. */
    public Optional<Email> email(String emailId) {
        if (!emailId.startsWith(Escalation.EMAIL_PREFIX)) {
            return Optional.empty();
        }
        String[] parts = emailId.substring(Escalation.EMAIL_PREFIX.length()).split("/", 2);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            return Optional.empty();
        }
        GovernanceStore store = registers.apply(parts[0]);
        return store.escalations().stream().filter(e -> e.action().equals(parts[1]) && !e.addresses().isEmpty())
                .findFirst().flatMap(escalation -> store.action(escalation.action())
                        .map(action -> email(escalation, action, store.body(action.decidedBy()))));
    }

    /** The email of an escalated action, decided by {@code body}. */
    public static Email email(Escalation escalation, ActionRecord action, Optional<Body> body) {
        String bodyName = body.map(Body::name).orElse(action.decidedBy());
        Map<String, Object> values = new HashMap<>();
        values.put("subject", subject(escalation));
        values.put("sentence", "Action " + escalation.action() + ", decided by the " + bodyName + ", was due on "
                + InWords.date(escalation.due()) + " and is not complete: it is " + overdue(escalation) + ".");
        values.put("escalated", "It was escalated on " + InWords.date(escalation.on()) + " to its owner, "
                + action.owner() + body.flatMap(Body::chair).filter(chair -> !chair.equals(action.owner()))
                .map(chair -> ", and the chair of the " + bodyName + ", " + chair).orElse("") + ".");
        values.put("criterion", action.criterion());
        if (!escalation.withoutAddress().isEmpty()) {
            values.put("withoutAddress", "No email address is known for " + String.join(" or ", escalation.withoutAddress())
                    + ", so this email has not been sent to them.");
        }
        return new Email((String) values.get("subject"), TEXT.execute(values), HTML.execute(values),
                escalation.addresses());
    }

    /** "Action clpsb-2009-11-19-01 is 20 working days overdue: due 15 January 2010". */
    public static String subject(Escalation escalation) {
        return "Action " + escalation.action() + " is " + overdue(escalation) + ": due " + InWords.date(escalation.due());
    }

    private static String overdue(Escalation escalation) {
        return escalation.workingDaysOverdue() + " working day" + (escalation.workingDaysOverdue() == 1 ? "" : "s")
                + " overdue";
    }
}
