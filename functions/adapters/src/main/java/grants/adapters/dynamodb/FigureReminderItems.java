package grants.adapters.dynamodb;

import grants.core.reporting.FigureReminder;
import grants.core.reporting.Period;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.LocalDate;
import java.util.Map;

import static grants.adapters.dynamodb.GrantsTable.s;
import static grants.adapters.dynamodb.GrantsTable.strings;
import static grants.adapters.dynamodb.GrantsTable.text;

/**
 * A figure reminder's ledger row ({@code LEDGER#REGISTER#{registerId}} / {@code {reminderId}}): what was
 * due, of whom, by when and for which meeting, so that its email is written from the row alone; the day it
 * was handled, SENT or NO_CONTACT, and to whom.
 */
final class FigureReminderItems {

    static final int SCHEMA_VERSION = 1;

    private FigureReminderItems() {
    }

    static Map<String, AttributeValue> row(FigureReminder.Handled handled) {
        FigureReminder reminder = handled.reminder();
        Map<String, AttributeValue> item = GrantsTable.item(Keys.figureReminderLedger(reminder.registerId()),
                Keys.ledgerEntry(reminder.id()), SCHEMA_VERSION);
        item.put("registerId", s(reminder.registerId()));
        item.put("indicatorId", s(reminder.indicatorId()));
        item.put("reference", s(reminder.reference()));
        item.put("period", s(reminder.period().toString()));
        item.put("ownerId", s(reminder.ownerId()));
        item.put("meetingOn", s(reminder.meetingOn().toString()));
        item.put("dueOn", s(reminder.dueOn().toString()));
        item.put("plannedOn", s(reminder.plannedOn().toString()));
        item.put("handledOn", s(handled.handledOn().toString()));
        item.put("outcome", s(handled.outcome().name()));
        item.put("recipients", strings(handled.recipients()));
        return item;
    }

    static FigureReminder.Handled row(Map<String, AttributeValue> item) {
        return new FigureReminder.Handled(new FigureReminder(text(item, "registerId"), text(item, "indicatorId"),
                text(item, "reference"), Period.parse(text(item, "period")), text(item, "ownerId"),
                day(item, "meetingOn"), day(item, "dueOn"), day(item, "plannedOn")), day(item, "handledOn"),
                FigureReminder.Handled.Outcome.valueOf(text(item, "outcome")), strings(item, "recipients"));
    }

    private static LocalDate day(Map<String, AttributeValue> item, String name) {
        return LocalDate.parse(text(item, name));
    }
}
