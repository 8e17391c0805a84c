package grants.functions.sendnotices;

import grants.adapters.dynamodb.DynamoFigureReminderLedger;
import grants.adapters.dynamodb.EscalationLetters;
import grants.adapters.dynamodb.DynamoSendRate;
import grants.adapters.ses.SesMailer;
import grants.adapters.wiring.Wiring;
import grants.core.monitoring.ReminderEmails;
import grants.core.notices.NoticeSender;
import grants.core.notices.Reminders;
import grants.core.reporting.FigureReminderEmails;

/**
 * Everything the SendNotices function uses, built once per container from what the functions
 * share ({@link Wiring}): the sender, with its SES mailer and the send rate every container shares, and
 * the reminder ledger a reminder's email is written from: monitoring's, an indicator owner's figure
 * reminder's, or governance's escalation ledger (its id names which: {@code figures/...}, {@code escalation/...}).
 */
public final class SendNoticesComposition {

    private final NoticeSender sender;

    public SendNoticesComposition(Wiring wiring) {
        SesMailer mailer = wiring.noticesMailer();
        DynamoSendRate rate = wiring.noticesSendRate();
        this.sender = new NoticeSender(wiring.programmes(), wiring.runs(), wiring.notices(), wiring.notices(),
                wiring.notices(), Reminders.firstOf(new EscalationLetters(wiring.table(), wiring.auditTable()),
                        new FigureReminderEmails(new DynamoFigureReminderLedger(wiring.table(), wiring.auditTable())),
                        new ReminderEmails(wiring.monitoring())), mailer, rate, wiring.auditLog());
    }

    public NoticeSender sender() {
        return sender;
    }
}
