package grants.adapters.dynamodb;

import grants.core.monitoring.Agreement;
import grants.core.monitoring.Hold;
import grants.core.monitoring.HoldReason;
import grants.core.monitoring.KeptPaymentRun;
import grants.core.monitoring.Payment;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import static grants.adapters.dynamodb.GrantsTable.n;
import static grants.adapters.dynamodb.GrantsTable.number;
import static grants.adapters.dynamodb.GrantsTable.s;
import static grants.adapters.dynamodb.GrantsTable.strings;
import static grants.adapters.dynamodb.GrantsTable.text;

/**
 * A payment run's items, all in its day's partition: one per paid instalment, one per held
 * instalment, and the header. Each line names its run, so a day's partition reads back as its runs;
 * money is whole pence in number attributes, days ISO dates.
 */
final class PaymentRunItems {

    static final int SCHEMA_VERSION = 1;
    private static final String KIND = "kind";
    private static final String PAID = "PAID";
    private static final String HELD = "HELD";
    private static final String MADE = "MADE";

    private PaymentRunItems() {
    }

    static Map<String, AttributeValue> paid(KeptPaymentRun.Begun run, KeptPaymentRun.Paid line) {
        Payment payment = line.payment();
        Map<String, AttributeValue> item = line(run, PAID, Keys.paidLine(run.runId(), payment.agreementId(),
                payment.instalment().number()), payment.agreementId(), payment.instalment(), line.trail());
        item.put("organisation", s(payment.organisation()));
        item.put("paidOn", s(payment.paidOn().toString()));
        item.put("overridden", AttributeValue.fromBool(payment.overridden()));
        item.put("source", s(line.source().name()));
        if (line.payee() != null) {
            item.put("payee", s(line.payee()));
        }
        return item;
    }

    static Map<String, AttributeValue> held(KeptPaymentRun.Begun run, KeptPaymentRun.Held line) {
        Hold hold = line.hold();
        Map<String, AttributeValue> item = line(run, HELD, Keys.heldLine(run.runId(), hold.agreementId(),
                hold.instalment().number()), hold.agreementId(), hold.instalment(), line.trail());
        item.put("reasons", strings(hold.reasons().stream().map(Enum::name).toList()));
        item.put("blocking", strings(List.copyOf(hold.blocking())));
        hold.manualHold().ifPresent(act -> item.put("manualHold", MonitoringItems.act(act)));
        return item;
    }

    static Map<String, AttributeValue> made(KeptPaymentRun.Begun run, KeptPaymentRun.Made made) {
        Map<String, AttributeValue> item = begun(run, MADE, Keys.paymentRunHeader(run.runId()));
        item.put("madeAt", s(made.at().toString()));
        item.put("payments", n(made.payments()));
        item.put("paidPence", n(made.paidPence()));
        item.put("holds", n(made.holds()));
        item.put("heldPence", n(made.heldPence()));
        return item;
    }

    /** A day's partition, read in key order, as its runs in the order they were made. */
    static List<KeptPaymentRun> runs(LocalDate day, List<Map<String, AttributeValue>> items) {
        Map<String, List<Map<String, AttributeValue>>> byRun = new TreeMap<>();
        items.forEach(item -> byRun.computeIfAbsent(text(item, "runId"), id -> new ArrayList<>()).add(item));
        List<KeptPaymentRun> runs = new ArrayList<>();
        byRun.forEach((runId, lines) -> runs.add(run(begun(day, lines.get(0)), lines)));
        return runs;
    }

    private static KeptPaymentRun run(KeptPaymentRun.Begun begun, List<Map<String, AttributeValue>> items) {
        List<KeptPaymentRun.Paid> paid = new ArrayList<>();
        List<KeptPaymentRun.Held> held = new ArrayList<>();
        Optional<KeptPaymentRun.Made> made = Optional.empty();
        for (Map<String, AttributeValue> item : items) {
            switch (text(item, KIND)) {
                case PAID -> paid.add(paid(item));
                case HELD -> held.add(held(item));
                default -> made = Optional.of(new KeptPaymentRun.Made(Instant.parse(text(item, "madeAt")), (int) number(item, "payments"), number(item, "paidPence"),
                        (int) number(item, "holds"), number(item, "heldPence")));
            }
        }
        return new KeptPaymentRun(begun, paid, held, made);
    }

    /** The run a line of a day's partition belongs to, as the line names it. */
    static KeptPaymentRun.Begun begun(LocalDate day, Map<String, AttributeValue> line) {
        return new KeptPaymentRun.Begun(text(line, "runId"), day, text(line, "madeBy"));
    }

    /** A paid line, read with its run's others or on its own (the ledger's intake, from the stream). */
    static KeptPaymentRun.Paid paid(Map<String, AttributeValue> item) {
        Payment payment = new Payment(text(item, "agreementId"), text(item, "organisation"), instalment(item),
                LocalDate.parse(text(item, "paidOn")), item.get("overridden").bool());
        return new KeptPaymentRun.Paid(payment, text(item, "trail"), Agreement.Source.valueOf(text(item, "source")),
                text(item, "payee"));
    }

    private static KeptPaymentRun.Held held(Map<String, AttributeValue> item) {
        Hold hold = new Hold(text(item, "agreementId"), instalment(item),
                new TreeSet<>(strings(item, "reasons").stream().map(HoldReason::valueOf).toList()),
                new TreeSet<>(strings(item, "blocking")),
                Optional.ofNullable(item.get("manualHold")).map(value -> MonitoringItems.act(value.m())));
        return new KeptPaymentRun.Held(hold, text(item, "trail"));
    }

    /** Every item of a run names it and who made it. */
    private static Map<String, AttributeValue> begun(KeptPaymentRun.Begun run, String kind, String sortKey) {
        Map<String, AttributeValue> item = GrantsTable.item(Keys.paymentRunsOn(run.day()), sortKey, SCHEMA_VERSION);
        item.put("runId", s(run.runId()));
        item.put("madeBy", s(run.by()));
        item.put(KIND, s(kind));
        return item;
    }

    private static Map<String, AttributeValue> line(KeptPaymentRun.Begun run, String kind, String sortKey,
                                                    String agreementId, Agreement.Instalment instalment, String trail) {
        Map<String, AttributeValue> item = begun(run, kind, sortKey);
        item.put("agreementId", s(agreementId));
        item.put("trail", s(trail));
        item.put("instalment", n(instalment.number()));
        item.put("due", s(instalment.due().toString()));
        item.put("pence", n(instalment.pence()));
        return item;
    }

    private static Agreement.Instalment instalment(Map<String, AttributeValue> item) {
        return new Agreement.Instalment((int) number(item, "instalment"), LocalDate.parse(text(item, "due")),
                number(item, "pence"));
    }
}
