package grants.core.monitoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * M9-M11: finance's payment run on a day pays every instalment due by then that is neither paid,
 * cancelled nor held, each once; holds the others with every reason; and uses up each waiting
 * override, paying what it overrides. {@code agreements} are the agreements after the run.
 */
public record PaymentRun(LocalDate day, List<Payment> paid, List<Hold> held, List<MonitoredAgreement> agreements) {

    private static final Comparator<Payment> PAYMENT_ORDER = Comparator.comparing(Payment::agreementId)
            .thenComparingInt(p -> p.instalment().number());
    private static final Comparator<Hold> HOLD_ORDER = Comparator.comparing(Hold::agreementId)
            .thenComparingInt(h -> h.instalment().number());

    /** The run over these agreements, whose holds look across them (M10 OTHER_AGREEMENT). */
    public static PaymentRun on(LocalDate day, Collection<MonitoredAgreement> agreements, Holds holds) {
        return on(day, agreements, agreements, holds);
    }

    /**
     * The run paying {@code agreements} only, whose holds look across every agreement of their
     * organisations in {@code context}: someone who pays for one round still sees a late return
     * under another.
     */
    public static PaymentRun on(LocalDate day, Collection<MonitoredAgreement> agreements,
                                Collection<MonitoredAgreement> context, Holds holds) {
        Map<String, List<MonitoredAgreement>> byOrganisation = new TreeMap<>();
        context.forEach(a -> byOrganisation.computeIfAbsent(a.agreement().organisation(), o -> new ArrayList<>())
                .add(a));
        List<Payment> paid = new ArrayList<>();
        List<Hold> held = new ArrayList<>();
        List<MonitoredAgreement> after = new ArrayList<>();
        for (MonitoredAgreement agreement : agreements.stream().sorted(Comparator.comparing(MonitoredAgreement::id))
                .toList()) {
            after.add(run(day, agreement, byOrganisation.getOrDefault(agreement.agreement().organisation(),
                    List.of(agreement)), holds, paid, held));
        }
        return new PaymentRun(day, paid, held, after);
    }

    /** One agreement's payable instalments: each paid, or held with its reasons; the agreement after. */
    private static MonitoredAgreement run(LocalDate day, MonitoredAgreement agreement,
                                          List<MonitoredAgreement> organisation, Holds holds, List<Payment> paid,
                                          List<Hold> held) {
        MonitoredAgreement next = agreement;
        for (InstalmentRecord record : agreement.instalments()) {
            if (!isPayable(agreement, record, day)) {
                continue;
            }
            Optional<Hold> hold = holds.on(day, agreement, record, organisation);
            if (hold.isEmpty() || record.override().isPresent()) {
                paid.add(new Payment(agreement.id(), agreement.agreement().organisation(), record.instalment(), day,
                        hold.isPresent()));
                next = next.afterPaymentRun(record.number(), r -> r.paid(day));
            } else {
                held.add(hold.get());
                next = next.afterPaymentRun(record.number(), InstalmentRecord::heldByRun);
            }
        }
        return next;
    }

    /** Paid and held by agreement, then instalment, however the run went through them. */
    public PaymentRun {
        paid = paid.stream().sorted(PAYMENT_ORDER).toList();
        held = held.stream().sorted(HOLD_ORDER).toList();
        agreements = List.copyOf(agreements);
    }

    /** Due by the run's day, not paid, not cancelled. */
    private static boolean isPayable(MonitoredAgreement agreement, InstalmentRecord record, LocalDate day) {
        return record.paidOn().isEmpty() && !agreement.isCancelled(record) && !record.instalment().due().isAfter(day);
    }
}
