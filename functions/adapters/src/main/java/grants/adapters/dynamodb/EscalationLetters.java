package grants.adapters.dynamodb;

import grants.core.governance.EscalationEmails;
import grants.core.notices.Letter;
import grants.core.notices.Reminders;

import java.util.Optional;

/**
 * Governance's escalation emails as the notices machinery takes them: the letter SendNotices sends for
 * a REMINDER notice whose id is an escalation's ({@code escalation/{registerId}/{actionId}}), written
 * from the register's escalation ledger and the action ({@link EscalationEmails}), and only to the
 * addresses the ledger row holds. Governance knows nothing of notices; this is where the two meet.
 */
public final class EscalationLetters implements Reminders {

    private final EscalationEmails emails;

    public EscalationLetters(GrantsTable table, AuditTable audit) {
        this.emails = new EscalationEmails(registerId -> new DynamoGovernanceStore(table, audit, registerId));
    }

    @Override
    public Optional<Letter> letter(String reminderId) {
        return emails.email(reminderId).map(email -> new Letter(email.subject(), email.text(), email.html(),
                email.addresses()));
    }
}
