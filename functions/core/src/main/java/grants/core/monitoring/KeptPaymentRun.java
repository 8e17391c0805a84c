package grants.core.monitoring;

import grants.core.access.Actor;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
public record KeptPaymentRun(String runId, LocalDate day, List<Paid> paid, List<Held> held, Optional<Made> made) {

    private static final DateTimeFormatter SORTABLE = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);

    public KeptPaymentRun {
        paid = List.copyOf(paid);
        held = List.copyOf(held);
    }

    /** A paid instalment's line. */
    public record Paid(Payment payment, String trail, Agreement.Source source, String payee) {

        static Paid of(Payment payment, Agreement agreement) {
            return new Paid(payment, agreement.trail(), agreement.source(), agreement.organisationName());
        }
    }

    /** A held instalment's line, with every reason and what blocks it. */
    public record Held(Hold hold, String trail) {
    }

    /** The header: who made the run, when, and what it came to (totals in pence). */
    public record Made(String by, Instant at, int payments, long paidPence, int holds, long heldPence) {
    }

    /**
     * A new run's id: the moment it began, fixed-width so that a day's runs sort in the order they
     * were made, then six random hex digits that tell two runs of one moment apart (and make its
     * payment references, {@code MN-<those six>-NNN}, its own).
     */
    public static String newRunId(Instant startedAt) {
        return SORTABLE.format(startedAt) + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    /** Whether its header was written: a run that stopped part way has none. */
    public boolean complete() {
        return made.isPresent();
    }

    /** The lines of the agreements {@code actor} works on (the header stays: who made it, whether it finished). */
    public KeptPaymentRun seenBy(Actor actor) {
        return new KeptPaymentRun(runId, day, paid.stream().filter(p -> actor.worksOn(p.trail())).toList(),
                held.stream().filter(h -> actor.worksOn(h.trail())).toList(), made);
    }

    public long paidPence() {
        return paid.stream().mapToLong(p -> p.payment().instalment().pence()).sum();
    }

    public long heldPence() {
        return held.stream().mapToLong(h -> h.hold().instalment().pence()).sum();
    }
}
