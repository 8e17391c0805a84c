package grants.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.access.Actor;
import grants.core.money.Money;
import grants.core.monitoring.Act;
import grants.core.monitoring.Addressees;
import grants.core.monitoring.Agreement;
import grants.core.monitoring.Hold;
import grants.core.monitoring.HoldReason;
import grants.core.monitoring.LedgerEntry;
import grants.core.monitoring.MonitoredAgreement;
import grants.core.monitoring.Payment;
import grants.core.monitoring.PaymentRun;
import grants.core.monitoring.Refusal;
import grants.documents.Json;
import grants.documents.monitoring.BookEvent;
import grants.documents.monitoring.BookReplay;
import grants.documents.monitoring.ServiceMonitoring;
import grants.functions.reminders.DailyReminderRunComposition;
import grants.functions.reminders.DailyReminderRunHandler;
import grants.localaws.LocalLambdaContext;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A monitoring document lived through the MonitorAgreements function: each event sent to its route
 * as its person (monitoring-api.md), finance's payment runs as {@code POST /payment-runs}, the daily
 * reminder run through its own handler at 07:00. The read-back at the end is {@code onTheStore}'s, on
 * the function's own store.
 */
final class HandlerMonitoring implements BookReplay.Monitoring {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String FORBIDDEN = "FORBIDDEN";

    private final LocalFunctions functions;
    private final ReplayClock clock;
    private final ServiceMonitoring onTheStore;
    private final DailyReminderRunHandler dailyRun;

    /**
     * @param addressees the document's people and organisations: the function's own come from rounds and
     *                   programmes, which a monitoring document does not have
     */
    HandlerMonitoring(LocalFunctions functions, ReplayClock clock, ServiceMonitoring onTheStore, Addressees addressees) {
        this.functions = functions;
        this.clock = clock;
        this.onTheStore = onTheStore;
        this.dailyRun = new DailyReminderRunHandler(new DailyReminderRunComposition(functions.wiring(), addressees));
    }

    /** The daily run's handler, as EventBridge Scheduler starts it at 07:00. */
    @Override
    public void runReminders(LocalDate day) {
        clock.set(day.atTime(7, 0).atZone(LONDON).toInstant());
        dailyRun.handleRequest(Map.of(), new LocalLambdaContext("MonitorAgreementsDailyRunFunction"));
    }

    @Override
    public Optional<BookReplay.RefusedEvent> apply(BookEvent event) {
        clock.set(event.on().atTime(LocalTime.NOON).atZone(LONDON).toInstant());
        Actor by = onTheStore.actorOf(event.by());
        ObjectNode reason = Json.object().put("reason", event.reason());
        return switch (event.type()) {
            case SUBMIT -> {
                ObjectNode body = Json.object();
                ObjectNode outputs = body.putObject("outputs");
                event.outputs().forEach(outputs::put);
                body.put("achieved", event.achieved()).put("next", event.next());
                yield onReturn(event, by, "submit", body);
            }
            case ACCEPT -> onReturn(event, by, "accept", null);
            case SEND_BACK -> onReturn(event, by, "send-back", reason);
            case SKIP -> onReturn(event, by, "skip", reason);
            case MILESTONE_ACHIEVED -> onMilestone(event, by, "achieve", Json.object().put("evidence", event.evidence()));
            case WAIVE -> onMilestone(event, by, "waive", reason);
            case VARY -> {
                ObjectNode body = reason.put("to", event.to().toString());
                yield event.returnId() != null ? onReturn(event, by, "vary", body) : onMilestone(event, by, "vary", body);
            }
            case HOLD -> onInstalment(event, by, "hold", reason);
            case RELEASE -> onInstalment(event, by, "release", reason);
            case OVERRIDE -> onTheStore.overrideRefused(event)
                    .or(() -> onInstalment(event, by, "override", reason))
                    .or(() -> onInstalment(event, onTheStore.actorOf(event.approvedBy()), "override/approve", null));
            case TERMINATE -> call(event, by, "POST /agreements/{agreementId}/terminate",
                    Map.of("agreementId", event.agreementId()), reason);
            case BOUNCE -> onTheStore.apply(event); // a bounce reaches the system through SES's feedback, not a route
        };
    }

    private Optional<BookReplay.RefusedEvent> onReturn(BookEvent event, Actor by, String action, JsonNode body) {
        String agreementId = agreementOf(event.returnId());
        return call(event, by, "POST /agreements/{agreementId}/returns/{returnKey}/" + action,
                Map.of("agreementId", agreementId, "returnKey", keyOf(event.returnId())), body);
    }

    private Optional<BookReplay.RefusedEvent> onMilestone(BookEvent event, Actor by, String action, JsonNode body) {
        return call(event, by, "POST /agreements/{agreementId}/milestones/{milestoneKey}/" + action,
                Map.of("agreementId", agreementOf(event.milestoneId()), "milestoneKey", keyOf(event.milestoneId())), body);
    }

    private Optional<BookReplay.RefusedEvent> onInstalment(BookEvent event, Actor by, String action, JsonNode body) {
        return call(event, by, "POST /agreements/{agreementId}/instalments/{instalment}/" + action,
                Map.of("agreementId", event.agreementId(), "instalment", event.instalment().toString()), body);
    }

    /** The route's answer: nothing when it was done, the refusal when the function refused it (M14). */
    private Optional<BookReplay.RefusedEvent> call(BookEvent event, Actor by, String routeKey, Map<String, String> path,
                                                   JsonNode body) {
        JsonNode error = send(by, routeKey, path, body).path("error");
        if (error.isMissingNode()) {
            return Optional.empty();
        }
        if (error.path("code").asText().equals(FORBIDDEN)) {
            return reasonByTheRules(event, routeKey);
        }
        return Optional.of(new BookReplay.RefusedEvent(event, error.path("subject").asText(), error.path("code").asText()));
    }

    /**
     * A route refuses a role it never serves before anything runs (403 FORBIDDEN, no M14 reason); the
     * rules give the reason refused.csv lists, in M14's order (a lead contact reviewing their own
     * submission is OWN_SUBMISSION, not NOT_ALLOWED). The use case, asked the same, refuses and changes
     * nothing; were it to allow what the route refused, the replay stops, as function and rules disagree.
     */
    private Optional<BookReplay.RefusedEvent> reasonByTheRules(BookEvent event, String routeKey) {
        Optional<BookReplay.RefusedEvent> refused = onTheStore.apply(event);
        if (refused.isEmpty()) {
            throw new IllegalStateException(routeKey + " refused " + event.by() + " at the route, but the rules allow "
                    + event.type().documentName() + " on " + event.on());
        }
        return refused;
    }

    /** The answer, or its error if it is one of M14's refusals or a role the route never serves; any other failure stops the replay. */
    private JsonNode send(Actor by, String routeKey, Map<String, String> path, JsonNode body) {
        APIGatewayV2HTTPResponse response = functions.api(LocalFunctions.apiEvent(routeKey, path, null,
                body == null ? null : Json.write(body), Map.of(), by));
        JsonNode answer = Json.parse(response.getBody());
        String code = answer.path("error").path("code").asText();
        if (response.getStatusCode() >= 400 && !isRefusal(code) && !code.equals(FORBIDDEN)) {
            throw new IllegalStateException(routeKey + " " + path + " answered " + response.getStatusCode() + ": "
                    + response.getBody());
        }
        return answer;
    }

    private static boolean isRefusal(String code) {
        return java.util.Arrays.stream(Refusal.values()).anyMatch(refusal -> refusal.name().equals(code));
    }

    @Override
    public PaymentRun runPayments(LocalDate day) {
        clock.set(day.atTime(LocalTime.of(16, 0)).atZone(LONDON).toInstant());
        JsonNode run = send(ServiceMonitoring.FINANCE, "POST /payment-runs", Map.of(), null);
        List<Payment> paid = new ArrayList<>();
        run.path("payments").forEach(p -> paid.add(new Payment(p.get("agreementId").asText(),
                p.get("organisation").asText(), instalment(p), LocalDate.parse(p.get("paidOn").asText()),
                p.get("overridden").asBoolean())));
        List<Hold> held = new ArrayList<>();
        run.path("held").forEach(h -> held.add(new Hold(h.get("agreementId").asText(), instalment(h),
                new TreeSet<>(strings(h.get("reasons")).stream().map(HoldReason::valueOf).toList()),
                new TreeSet<>(strings(h.get("blocking"))), manualHold(h.path("manualHold")))));
        return new PaymentRun(LocalDate.parse(run.get("day").asText()), paid, held, List.of());
    }

    private static Agreement.Instalment instalment(JsonNode line) {
        return new Agreement.Instalment(line.get("instalment").asInt(), LocalDate.parse(line.get("due").asText()),
                Money.parsePence(line.get("amount").asText()));
    }

    private static Optional<Act> manualHold(JsonNode hold) {
        return hold.isObject() ? Optional.of(new Act(LocalDate.parse(hold.get("on").asText()), hold.get("by").asText(),
                hold.get("reason").asText())) : Optional.empty();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    @Override
    public List<MonitoredAgreement> agreements() {
        return onTheStore.agreements();
    }

    @Override
    public List<LedgerEntry> ledger() {
        return onTheStore.ledger();
    }

    /** {@code contract-x/2002-03 Q1} belongs to {@code contract-x}. */
    private static String agreementOf(String partId) {
        return partId.substring(0, partId.indexOf('/'));
    }

    /** The part's key in a path: after its agreement, a space as {@code -} ({@code 2002-03-Q1}, {@code m1}). */
    private static String keyOf(String partId) {
        return partId.substring(partId.indexOf('/') + 1).replace(' ', '-');
    }
}
