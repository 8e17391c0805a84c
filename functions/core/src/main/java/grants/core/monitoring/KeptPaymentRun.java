package grants.core.monitoring;

import grants.core.access.Actor;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A payment run as it was kept: each paid instalment's line (written with the agreement it marked
 * paid, so no payment is ever missing from its file), each held line, and the header written last.
 * A run without its header stopped part way: {@link #complete()} is false, and what it paid is all
 * there. Lines carry their agreement's trail, source and payee, so the run's files and who may see
 * each line need nothing else.
 */
public record KeptPaymentRun(Begun begun, List<Paid> paid, List<Held> held, Optional<Made> made) {

    private static final DateTimeFormatter SORTABLE = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private static final Comparator<Paid> PAID_ORDER = Comparator.comparing((Paid p) -> p.payment().agreementId())
            .thenComparingInt(p -> p.payment().instalment().number());
    private static final Comparator<Held> HELD_ORDER = Comparator.comparing((Held h) -> h.hold().agreementId())
            .thenComparingInt(h -> h.hold().instalment().number());

    /** Lines by agreement, then instalment, as the run's files list them. */
    public KeptPaymentRun {
        paid = paid.stream().sorted(PAID_ORDER).toList();
        held = held.stream().sorted(HELD_ORDER).toList();
    }

    /** A run as it begins, before any line: what every line of it names (so even a run cut short says who made it). */
    public record Begun(String runId, LocalDate day, String by) {

        /**
         * A new run: its id is the moment it began, fixed-width so that a day's runs sort in the
         * order they were made, then six random hex digits that tell two runs of one moment apart
         * (and make its payment references, {@code MN-<those six>-NNN}, its own).
         */
        public static Begun now(LocalDate day, Instant startedAt, String by) {
            return new Begun(SORTABLE.format(startedAt) + "-" + UUID.randomUUID().toString().substring(0, 6), day, by);
        }
    }

    /** A paid instalment's line; the payee is the organisation's name, or its id where no name is on record. */
    public record Paid(Payment payment, String trail, Agreement.Source source, String payee) {

        public Paid {
            payee = payee == null || payee.isBlank() ? payment.organisation() : payee;
        }

        static Paid of(Payment payment, Agreement agreement) {
            return new Paid(payment, agreement.trail(), agreement.source(), agreement.organisationName());
        }
    }

    /** A held instalment's line, with every reason and what blocks it. */
    public record Held(Hold hold, String trail) {
    }

    /** The header: when the run finished, and what it came to (totals in pence). */
    public record Made(Instant at, int payments, long paidPence, int holds, long heldPence) {
    }

    /** Whether its header was written: a run that stopped part way has none. */
    public boolean complete() {
        return made.isPresent();
    }

    /** The lines of the agreements {@code actor} works on (the header stays: who made it, whether it finished). */
    public KeptPaymentRun seenBy(Actor actor) {
        return new KeptPaymentRun(begun, paid.stream().filter(p -> actor.worksOn(p.trail())).toList(),
                held.stream().filter(h -> actor.worksOn(h.trail())).toList(), made);
    }
}
