package grants.testing.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import grants.core.monitoring.Act;
import grants.core.monitoring.Holds;
import grants.core.monitoring.LedgerEntry;
import grants.core.monitoring.MonitoredAgreement;
import grants.core.monitoring.MonitoringSettings;
import grants.core.monitoring.PaymentRun;
import grants.core.monitoring.Participant;
import grants.core.monitoring.RefusedException;
import grants.core.monitoring.Reminder;
import grants.core.monitoring.ReminderRun;
import grants.core.monitoring.Review;
import grants.core.monitoring.Submission;
import grants.core.monitoring.Variation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A monitoring document replayed on the core's rules alone, day by day as M8 orders each day: the
 * reminder run (working days, not outages), the day's events in order, then the payment run.
 */
final class DomainReplay {

    final MonitoringBook book;
    final Map<String, MonitoredAgreement> agreements = new TreeMap<>();
    final Map<String, LedgerEntry> ledger = new TreeMap<>();
    final Map<LocalDate, PaymentRun> paymentRuns = new TreeMap<>();
    /** {@code on,type,by,subject,reason}, as refused.csv lists them. */
    final List<String> refused = new ArrayList<>();
    private final Set<String> bounced = new TreeSet<>();
    private final Holds holds;

    private DomainReplay(MonitoringBook book) {
        this.book = book;
        this.holds = new Holds(book.settings(), book.calendar());
        book.agreements().forEach(a -> agreements.put(a.id(), MonitoredAgreement.start(a, book.settings(),
                book.calendar())));
    }

    static DomainReplay of(MonitoringBook book) {
        DomainReplay replay = new DomainReplay(book);
        LocalDate first = Stream.concat(book.agreements().stream().map(a -> a.start()),
                book.events().stream().map(e -> MonitoringBook.date(e.get("on")))).min(LocalDate::compareTo).orElseThrow();
        for (LocalDate day = first; !day.isAfter(book.asOf()); day = day.plusDays(1)) {
            replay.day(day);
        }
        return replay;
    }

    private void day(LocalDate day) {
        if (book.calendar().isWorkingDay(day) && !book.sweepOutages().contains(day)) {
            remind(day);
        }
        book.events().stream().filter(e -> MonitoringBook.date(e.get("on")).equals(day)).forEach(this::apply);
        if (book.paymentRuns().contains(day)) {
            PaymentRun run = PaymentRun.on(day, agreements.values(), holds);
            run.agreements().forEach(a -> agreements.put(a.id(), a));
            paymentRuns.put(day, run);
        }
    }

    /** Every planned reminder whose day has come, not handled before. */
    private void remind(LocalDate day) {
        for (MonitoredAgreement agreement : agreements.values()) {
            for (Reminder reminder : Reminder.plannedFor(agreement, book.settings(), book.calendar())) {
                if (!reminder.plannedOn().isAfter(day) && !ledger.containsKey(reminder.id())) {
                    ledger.put(reminder.id(), ReminderRun.handle(reminder, agreement, day, addresses(reminder,
                            agreement)));
                }
            }
        }
    }

    private List<String> addresses(Reminder reminder, MonitoredAgreement agreement) {
        List<String> people = reminder.audience() == MonitoringSettings.Audience.LEAD
                ? book.leadContactsOf(agreement.agreement().organisation())
                : List.of(agreement.agreement().officer());
        return people.stream().map(book.emails()::get).filter(email -> !bounced.contains(email)).toList();
    }

    private void apply(JsonNode event) {
        LocalDate on = MonitoringBook.date(event.get("on"));
        String type = event.get("type").asText();
        Participant by = book.people().get(event.get("by").asText());
        try {
            switch (type) {
                case "submit" -> onReturn(event, a -> a.submit(text(event, "return"), by, new Submission(on, by.id(),
                        outputs(event.get("outputs")), text(event, "achieved"), text(event, "next"))));
                case "accept" -> onReturn(event, a -> a.review(text(event, "return"), by,
                        new Review(on, by.id(), true, null)));
                case "sendBack" -> onReturn(event, a -> a.review(text(event, "return"), by,
                        new Review(on, by.id(), false, text(event, "reason"))));
                case "skip" -> onReturn(event, a -> a.skip(text(event, "return"), by, act(on, by, event, "reason")));
                case "milestoneAchieved" -> onMilestone(event, a -> a.achieve(text(event, "milestone"), by,
                        act(on, by, event, "evidence")));
                case "waive" -> onMilestone(event, a -> a.waive(text(event, "milestone"), by,
                        act(on, by, event, "reason")));
                case "vary" -> {
                    Variation variation = new Variation(on, by.id(), null, MonitoringBook.date(event.get("to")),
                            text(event, "reason"));
                    if (event.has("return")) {
                        onReturn(event, a -> a.varyReturn(text(event, "return"), by, variation));
                    } else {
                        onMilestone(event, a -> a.varyMilestone(text(event, "milestone"), by, variation));
                    }
                }
                case "hold" -> onAgreement(event, a -> a.hold(event.get("instalment").asInt(), by,
                        act(on, by, event, "reason")));
                case "release" -> onAgreement(event, a -> a.release(event.get("instalment").asInt(), by,
                        act(on, by, event, "reason")));
                case "override" -> onAgreement(event, a -> a.override(event.get("instalment").asInt(), by,
                        book.people().get(text(event, "approvedBy")), act(on, by, event, "reason")));
                case "terminate" -> onAgreement(event, a -> a.terminate(by, act(on, by, event, "reason")));
                case "bounce" -> bounced.add(text(event, "email"));
                default -> throw new IllegalArgumentException("unknown event type " + type);
            }
        } catch (RefusedException refusal) {
            refused.add(String.join(",", on.toString(), type, by.id(), refusal.subject(), refusal.refusal().name()));
        }
    }

    private void onReturn(JsonNode event, Function<MonitoredAgreement, MonitoredAgreement> action) {
        change(agreementHolding(text(event, "return")), action);
    }

    private void onMilestone(JsonNode event, Function<MonitoredAgreement, MonitoredAgreement> action) {
        String milestone = text(event, "milestone");
        change(agreements.values().stream().filter(a -> a.milestones().stream().anyMatch(m -> m.id().equals(milestone)))
                .findFirst().orElseThrow().id(), action);
    }

    private void onAgreement(JsonNode event, Function<MonitoredAgreement, MonitoredAgreement> action) {
        change(text(event, "agreement"), action);
    }

    private void change(String agreementId, Function<MonitoredAgreement, MonitoredAgreement> action) {
        agreements.put(agreementId, action.apply(agreements.get(agreementId)));
    }

    private String agreementHolding(String returnId) {
        return returnId.substring(0, returnId.indexOf('/'));
    }

    private static Act act(LocalDate on, Participant by, JsonNode event, String field) {
        return new Act(on, by.id(), text(event, field));
    }

    private static String text(JsonNode event, String field) {
        return event.get(field).asText();
    }

    private static Map<String, Long> outputs(JsonNode outputs) {
        Map<String, Long> values = new TreeMap<>();
        outputs.fields().forEachRemaining(f -> values.put(f.getKey(), f.getValue().asLong()));
        return values;
    }
}
