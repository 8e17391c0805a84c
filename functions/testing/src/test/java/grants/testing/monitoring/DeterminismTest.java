package grants.testing.monitoring;

import grants.core.monitoring.LedgerEntry;
import grants.core.monitoring.MonitoredAgreement;
import grants.core.monitoring.PaymentRun;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** M16: the Coventry example gives the same results whatever the order of its lists (events apart). */
class DeterminismTest {

    @Test
    void shuffledListsGiveTheSameLedgerPaymentsReturnsAndRefusals() {
        List<String> original = results(ServiceReplay.of(Books.read(Books.COVENTRY)));
        for (long seed = 1; seed <= 3; seed++) {
            assertThat(results(ServiceReplay.of(Books.shuffled(Books.COVENTRY, new Random(seed)))))
                    .as("seed " + seed).containsExactlyElementsOf(original);
        }
        assertThat(original).hasSizeGreaterThan(300);
    }

    /** Everything the replay would write, one line each, in the order written. */
    private static List<String> results(ServiceReplay replay) {
        List<String> lines = new ArrayList<>();
        for (LedgerEntry e : replay.ledger.values()) {
            lines.add(e.reminder().id() + "," + e.reminder().plannedOn() + "," + e.handledOn() + "," + e.outcome()
                    + "," + e.reason().map(Enum::name).orElse("") + "," + String.join(";", e.recipients()));
        }
        replay.pending().forEach(r -> lines.add(r.id() + "," + r.plannedOn() + ",PENDING"));
        for (PaymentRun run : replay.paymentRuns.values()) {
            run.paid().forEach(p -> lines.add(run.day() + " paid " + p.agreementId() + "/" + p.instalment().number()));
            run.held().forEach(h -> lines.add(run.day() + " held " + h.agreementId() + "/" + h.instalment().number()
                    + " " + h.reasons() + " " + h.blocking()));
        }
        for (MonitoredAgreement agreement : replay.agreements.values()) {
            agreement.returns().forEach(r -> lines.add(r.id() + " " + r.stateOn(replay.book.asOf()) + " "
                    + r.workingDaysLate(replay.book.asOf(), replay.book.calendar()) + " " + r.versions().size()));
            agreement.instalments().forEach(i -> lines.add(agreement.id() + "/" + i.number() + " "
                    + agreement.stateOn(i, replay.book.asOf())));
        }
        lines.addAll(replay.refused);
        return lines;
    }
}
