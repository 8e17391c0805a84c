package grants.functions.monitoring;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.access.Actor;
import grants.core.monitoring.Act;
import grants.core.monitoring.Agreement;
import grants.core.monitoring.AgreementStatus;
import grants.core.monitoring.Hold;
import grants.core.monitoring.KeptPaymentRun;
import grants.core.monitoring.InstalmentRecord;
import grants.core.monitoring.MilestoneRecord;
import grants.core.monitoring.MonitoredAgreement;
import grants.core.monitoring.OutputProgress;
import grants.core.monitoring.Payment;
import grants.core.monitoring.PaymentRun;
import grants.core.monitoring.Refusal;
import grants.core.monitoring.ReminderLine;
import grants.core.monitoring.ReturnRecord;
import grants.core.monitoring.ReviewQueue;
import grants.core.monitoring.Submission;
import grants.core.monitoring.Variation;
import grants.core.money.Money;
import grants.documents.Json;
import grants.http.HttpResponses;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Monitoring as the API writes it: money as two-decimal strings, dates ISO, states and reasons as
 * codes (the console words them), a return's and a milestone's {@code key} beside their id for paths.
 */
final class MonitoringJson {

    private MonitoringJson() {
    }

    /** {@code withDrafts}: for its lead contacts, who see the drafts they saved (no reviewer does). */
    static ObjectNode agreement(AgreementStatus status, boolean withDrafts) {
        MonitoredAgreement monitored = status.agreement();
        Agreement agreement = monitored.agreement();
        ObjectNode node = head(monitored).put("asOf", status.asOf().toString());
        monitored.termination().ifPresentOrElse(ended -> act(node.putObject("terminated"), ended, "reason"),
                () -> node.putNull("terminated"));
        ArrayNode returns = node.putArray("returns");
        for (ReturnRecord record : monitored.madeReturns()) {
            ObjectNode item = returns.addObject();
            returnRecord(item, agreement.id(), record, status);
            if (withDrafts) {
                record.draft().ifPresentOrElse(draft -> version(item.putObject("draft"), agreement.id(), draft),
                        () -> item.putNull("draft"));
            }
        }
        ArrayNode milestones = node.putArray("milestones");
        monitored.milestones().forEach(m -> milestone(milestones.addObject(), agreement.id(), m, status));
        ArrayNode instalments = node.putArray("instalments");
        monitored.instalments().forEach(i -> instalment(instalments.addObject(), i, status));
        outputs(node.putArray("outputs"), agreement, status.outputs());
        return node;
    }

    static ObjectNode list(List<AgreementStatus> agreements) {
        ObjectNode node = Json.object();
        ArrayNode items = node.putArray("agreements");
        for (AgreementStatus status : agreements) {
            ObjectNode item = items.addObject();
            item.setAll(head(status.agreement()));
            item.put("terminated", status.agreement().isTerminated());
            ArrayNode due = item.putArray("returnsDue");
            for (ReturnRecord record : status.returnsToDo()) {
                due.addObject().put("id", record.id()).put("key", AgreementParts.keyOf(status.id(), record.id()))
                        .put("due", record.due().toString()).put("state", status.returnStates().get(record.id()).name())
                        .put("workingDaysLate", status.workingDaysLate().get(record.id()));
            }
            item.put("heldInstalments", status.instalmentStates().values().stream()
                    .filter(state -> state.name().equals("HELD")).count());
        }
        return node;
    }

    static ObjectNode reminders(String agreementId, List<ReminderLine> lines) {
        ObjectNode node = Json.object().put("agreementId", agreementId);
        ArrayNode reminders = node.putArray("reminders");
        for (ReminderLine line : lines) {
            ObjectNode item = reminders.addObject().put("id", line.reminder().id())
                    .put("returnId", line.reminder().returnId())
                    .put("returnKey", AgreementParts.keyOf(agreementId, line.reminder().returnId()))
                    .put("rule", line.reminder().rule()).put("audience", line.reminder().audience().name())
                    .put("dueDate", line.reminder().dueDate().toString())
                    .put("plannedOn", line.reminder().plannedOn().toString());
            date(item, "handledOn", line.handledOn());
            item.put("state", line.state().name());
            text(item, "reason", line.handled().flatMap(entry -> entry.reason().map(Enum::name)));
            item.put("caughtUp", line.handled().map(entry -> entry.caughtUp()).orElse(false));
            ArrayNode recipients = item.putArray("recipients");
            line.recipients().forEach(recipients::add);
        }
        return node;
    }

    static ObjectNode queue(ReviewQueue queue) {
        ObjectNode node = Json.object().put("asOf", queue.asOf().toString());
        ArrayNode waiting = node.putArray("waiting");
        for (ReviewQueue.Waiting item : queue.waiting()) {
            queued(waiting.addObject(), item.agreement(), item.record())
                    .put("kind", item.record().plan().kind().name()).put("due", item.record().due().toString())
                    .put("submittedOn", item.submittedOn().toString()).put("version", item.version())
                    .put("workingDaysLate", item.workingDaysLate()).put("overdue", item.overdue())
                    .put("waitingWorkingDays", item.waitingWorkingDays());
        }
        ArrayNode outstanding = node.putArray("outstanding");
        for (ReviewQueue.Outstanding item : queue.outstanding()) {
            queued(outstanding.addObject(), item.agreement(), item.record())
                    .put("due", item.record().due().toString()).put("state", item.state().name())
                    .put("workingDaysLate", item.workingDaysLate());
        }
        return node;
    }

    /** A return in the review queue: its agreement by id and title, its organisation by id and name. */
    private static ObjectNode queued(ObjectNode node, Agreement agreement, ReturnRecord record) {
        return node.put("agreementId", agreement.id()).put("title", agreement.title())
                .put("organisation", agreement.organisation()).put("organisationName", agreement.organisationName())
                .put("returnId", record.id()).put("returnKey", AgreementParts.keyOf(agreement.id(), record.id()));
    }

    static ObjectNode paymentRun(PaymentRun run, Actor madeBy) {
        ObjectNode node = Json.object().put("day", run.day().toString()).put("madeBy", madeBy.name());
        paidAndHeld(node, run.paid(), run.held());
        return node;
    }

    /** A day's runs as kept, in the order they were made; {@code complete} false for a run that stopped part way. */
    static ObjectNode paymentRuns(LocalDate day, List<KeptPaymentRun> runs) {
        ObjectNode node = Json.object().put("day", day.toString());
        ArrayNode list = node.putArray("runs");
        for (KeptPaymentRun run : runs) {
            ObjectNode item = list.addObject().put("runId", run.begun().runId()).put("madeBy", run.begun().by())
                    .put("complete", run.complete());
            run.made().ifPresentOrElse(made -> item.put("finishedAt", made.at().toString()),
                    () -> item.putNull("finishedAt"));
            paidAndHeld(item, run.paid().stream().map(KeptPaymentRun.Paid::payment).toList(),
                    run.held().stream().map(KeptPaymentRun.Held::hold).toList());
            // Who is paid, by name, as the payment file calls them: a kept line knows it.
            for (int line = 0; line < run.paid().size(); line++) {
                ((ObjectNode) item.path("payments").get(line)).put("payee", run.paid().get(line).payee());
            }
        }
        return node;
    }

    /** A run's payments, its held list with every reason and what blocks it, and their totals. */
    private static void paidAndHeld(ObjectNode node, List<Payment> paid, List<Hold> heldLines) {
        ArrayNode payments = node.putArray("payments");
        for (Payment payment : paid) {
            payments.addObject().put("agreementId", payment.agreementId()).put("organisation", payment.organisation())
                    .put("instalment", payment.instalment().number()).put("due", payment.instalment().due().toString())
                    .put("amount", Money.format(payment.instalment().pence()))
                    .put("paidOn", payment.paidOn().toString()).put("overridden", payment.overridden());
        }
        ArrayNode held = node.putArray("held");
        for (Hold hold : heldLines) {
            ObjectNode item = held.addObject().put("agreementId", hold.agreementId())
                    .put("instalment", hold.instalment().number()).put("due", hold.instalment().due().toString())
                    .put("amount", Money.format(hold.instalment().pence()));
            reasonsAndBlocking(item, hold);
            manualHold(item, hold.manualHold());
        }
        node.putObject("totals")
                .put("paid", Money.format(paid.stream().mapToLong(p -> p.instalment().pence()).sum()))
                .put("held", Money.format(heldLines.stream().mapToLong(h -> h.instalment().pence()).sum()));
    }

    /** An M14 refusal: its reason as the code, and what it was refused on. */
    static APIGatewayV2HTTPResponse refused(int status, Refusal refusal, String subject, String message) {
        ObjectNode body = Json.object();
        body.putObject("error").put("code", refusal.name()).put("subject", subject).put("message", message)
                .putArray("details");
        return HttpResponses.json(status, body);
    }

    private static ObjectNode head(MonitoredAgreement monitored) {
        Agreement agreement = monitored.agreement();
        ObjectNode node = Json.object().put("id", agreement.id()).put("source", agreement.source().name())
                .put("trail", agreement.trail()).put("organisation", agreement.organisation())
                .put("officer", agreement.officer()).put("start", agreement.start().toString())
                .put("end", agreement.end().toString()).put("total", Money.format(agreement.totalPence()));
        node.put("title", agreement.title()).put("organisationName", agreement.organisationName());
        // Who accepted it for its organisation, and on what day; null while nothing may be paid (M9).
        monitored.acceptance().ifPresentOrElse(accepted -> node.putObject("accepted")
                .put("on", accepted.on().toString()).put("by", accepted.by()), () -> node.putNull("accepted"));
        return node;
    }

    private static void returnRecord(ObjectNode node, String agreementId, ReturnRecord record, AgreementStatus status) {
        node.put("id", record.id()).put("key", AgreementParts.keyOf(agreementId, record.id()))
                .put("kind", record.plan().kind().name())
                .put("quarterStart", record.plan().quarterStart().toString())
                .put("quarterEnd", record.plan().quarterEnd().toString())
                .put("opensOn", record.plan().opensOn().toString())
                .put("originalDue", record.plan().originalDue().toString()).put("due", record.due().toString())
                .put("state", status.returnStates().get(record.id()).name())
                .put("workingDaysLate", status.workingDaysLate().get(record.id()));
        date(node, "submittedOn", record.submittedOn());
        date(node, "acceptedOn", record.acceptedOn());
        variations(node.putArray("variations"), record.variations());
        ArrayNode versions = node.putArray("versions");
        for (int i = 0; i < record.versions().size(); i++) {
            version(versions.addObject().put("version", i + 1), agreementId, record.versions().get(i));
        }
        ArrayNode reviews = node.putArray("reviews");
        record.reviews().forEach(review -> reviews.addObject().put("on", review.on().toString()).put("by", review.by())
                .put("accepted", review.accepted()).put("reason", review.reason()));
        record.skip().ifPresentOrElse(skip -> act(node.putObject("skip"), skip, "reason"), () -> node.putNull("skip"));
    }

    /** A version (or a draft) as handed in: outputs, words, and milestone evidence by milestone key. */
    private static void version(ObjectNode item, String agreementId, Submission version) {
        item.put("on", version.on().toString()).put("by", version.by());
        ObjectNode outputs = item.putObject("outputs");
        version.outputs().forEach(outputs::put);
        item.put("achieved", version.achieved()).put("next", version.next());
        ObjectNode evidence = item.putObject("milestoneEvidence");
        version.milestoneEvidence().forEach((milestone, text) -> evidence.put(AgreementParts.keyOf(agreementId, milestone),
                text));
    }

    private static void milestone(ObjectNode node, String agreementId, MilestoneRecord record, AgreementStatus status) {
        node.put("id", record.id()).put("key", AgreementParts.keyOf(agreementId, record.id()))
                .put("description", record.milestone().description());
        ArrayNode gates = node.putArray("gates");
        record.milestone().gates().forEach(gates::add);
        node.put("originalDue", record.milestone().due().toString()).put("due", record.due().toString())
                .put("state", status.milestoneStates().get(record.id()).name());
        variations(node.putArray("variations"), record.variations());
        record.achieved().ifPresentOrElse(done -> act(node.putObject("achieved"), done, "evidence"),
                () -> node.putNull("achieved"));
        record.waived().ifPresentOrElse(done -> act(node.putObject("waived"), done, "reason"),
                () -> node.putNull("waived"));
    }

    private static void instalment(ObjectNode node, InstalmentRecord record, AgreementStatus status) {
        node.put("number", record.number()).put("due", record.instalment().due().toString())
                .put("amount", Money.format(record.instalment().pence()))
                .put("state", status.instalmentStates().get(record.number()).name());
        date(node, "paidOn", record.paidOn());
        status.holdOf(record.number()).ifPresentOrElse(hold -> reasonsAndBlocking(node.putObject("hold"), hold),
                () -> node.putNull("hold"));
        manualHold(node, record.manualHold());
        record.overrideRequest().ifPresentOrElse(asked -> act(node.putObject("overrideRequest"), asked, "reason"),
                () -> node.putNull("overrideRequest"));
        record.override().ifPresentOrElse(approved -> act(node.putObject("override"), approved.request(), "reason")
                .put("approvedBy", approved.approvedBy()), () -> node.putNull("override"));
    }

    private static void outputs(ArrayNode node, Agreement agreement, List<OutputProgress> progress) {
        for (Agreement.Output output : agreement.outputs()) {
            ObjectNode item = node.addObject().put("measure", output.measure())
                    .put("annualTarget", output.annualTarget());
            ArrayNode rows = item.putArray("rows");
            progress.stream().filter(row -> row.measure().equals(output.measure())).forEach(row -> {
                ObjectNode line = rows.addObject().put("return", row.returnId())
                        .put("returnKey", AgreementParts.keyOf(agreement.id(), row.returnId()))
                        .put("value", row.value()).put("runningTotal", row.runningTotal())
                        .put("targetToDate", row.targetText());
                text(line, "percentOfTarget", row.percentOfTarget().map(p -> p.toPlainString()));
            });
        }
    }

    /** Every reason an instalment is held for, and the returns and milestones whose work would release it. */
    private static void reasonsAndBlocking(ObjectNode node, Hold hold) {
        ArrayNode reasons = node.putArray("reasons");
        hold.reasons().forEach(reason -> reasons.add(reason.name()));
        ArrayNode blocking = node.putArray("blocking");
        hold.blocking().forEach(blocking::add);
    }

    private static void manualHold(ObjectNode node, Optional<Act> hold) {
        hold.ifPresentOrElse(held -> act(node.putObject("manualHold"), held, "reason"), () -> node.putNull("manualHold"));
    }

    private static void variations(ArrayNode node, List<Variation> variations) {
        variations.forEach(v -> node.addObject().put("on", v.on().toString()).put("by", v.by())
                .put("from", v.from().toString()).put("to", v.to().toString()).put("reason", v.reason()));
    }

    private static ObjectNode act(ObjectNode node, Act act, String wordsAre) {
        return node.put("on", act.on().toString()).put("by", act.by()).put(wordsAre, act.words());
    }

    private static void date(ObjectNode node, String field, Optional<LocalDate> day) {
        text(node, field, day.map(LocalDate::toString));
    }

    private static void text(ObjectNode node, String field, Optional<String> value) {
        value.ifPresentOrElse(v -> node.put(field, v), () -> node.putNull(field));
    }
}
