package grants.adapters.dynamodb;

import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.calendar.FinancialYear;
import grants.core.ledger.BudgetStatement;
import grants.core.ledger.Commitment;
import grants.core.ledger.Entry;
import grants.core.ledger.EntryKind;
import grants.core.ledger.LedgerRefusedException;
import grants.core.ledger.LedgerService;
import grants.core.ledger.LineRequest;
import grants.core.ledger.Spend;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ledger in DynamoDB on the local stack, through its use cases: lines, entries and overspends read
 * back as written; bookings racing for the last of a line never take it below zero, and each is
 * recorded once; a change whose audit entry cannot be written leaves nothing half-written.
 */
class DynamoLedgerStoreTest {

    private static final String L2D = "l2d-2007-08";
    private static final FinancialYear YEAR = FinancialYear.parse("2007-08").orElseThrow();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2007-06-01T09:00:00Z"), ZoneOffset.UTC);

    private final Actor manager = person("manager@wm.example", Role.PROGRAMME_MANAGER);
    private final Actor finance = person("finance@wm.example", Role.FINANCE_OFFICER);

    private GrantsTable table;
    private AuditTable auditTable;
    private LedgerService ledger;
    private DynamoLedgerStore store;

    @BeforeEach
    void freshTable() {
        table = StoreTables.fresh(getClass(), CLOCK);
        auditTable = StoreTables.auditBeside(table);
        store = new DynamoLedgerStore(table, auditTable);
        ledger = new LedgerService(store, CLOCK);
        ledger.setLine(manager, new LineRequest(L2D, "2007-08", "rda-economic", "Economic development support",
                "Regional Development Agency", 1_000_000L, Set.of(Spend.ADVISER_DAYS, Spend.EVENTS),
                Optional.of("Economic development"), false, 0));
    }

    @Test
    void linesEntriesAndOverspendsReadBackAsTheyWereWritten() {
        ledger.commit(booking(1, 400_000L));
        ledger.pay(L2D, "payment:1", "booking:1", 150_000L, "Payment run of July", "finance@wm.example",
                LocalDate.of(2007, 7, 2));
        ledger.requestOverspend(manager, L2D, "2007-08", "rda-economic", "over-1", 50_000L, "A second seminar day");
        ledger.approveOverspend(finance, L2D, "over-1");

        BudgetStatement.Row row = ledger.statement(finance, L2D).rows().get(0);
        assertThat(row.ringFence()).isEqualTo("Economic development");
        assertThat(List.of(row.budgetPence(), row.committedPence(), row.paidPence(), row.remainingPence()))
                .containsExactly(1_000_000L, 400_000L, 150_000L, 600_000L);
        assertThat(store.line(L2D, YEAR, "rda-economic").orElseThrow().totals().overspendApprovedPence())
                .isEqualTo(50_000L);
        assertThat(store.overspendRequest(L2D, "over-1").orElseThrow().approvedBy()).contains("finance@wm.example");
        assertThat(store.entries(L2D)).extracting(Entry::id, Entry::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("booking:1", EntryKind.COMMITTED),
                org.assertj.core.groups.Tuple.tuple("overspend:over-1", EntryKind.OVERSPEND_APPROVED),
                org.assertj.core.groups.Tuple.tuple("payment:1", EntryKind.PAID));
        assertThat(new DynamoAuditTrail(auditTable).page(L2D, Optional.empty(), 10).entries())
                .extracting(entry -> entry.action())
                .containsExactlyInAnyOrder("BUDGET_LINE_SET", "OVERSPEND_REQUESTED", "OVERSPEND_APPROVED");
    }

    @Test
    void bookingsRacingForTheLastOfALineNeverTakeItBelowZeroAndEachIsRecordedOnce() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<Boolean>> booked = new ArrayList<>();
        try {
            for (int number = 0; number < 16; number++) {
                int booking = number;
                for (int retry = 0; retry < 2; retry++) {
                    booked.add(threads.submit(() -> {
                        try {
                            ledger.commit(booking(booking, 100_000L));
                            return true;
                        } catch (LedgerRefusedException refused) {
                            assertThat(refused.code()).isEqualTo("OVER_BUDGET");
                            return false;
                        }
                    }));
                }
            }
            for (Future<Boolean> future : booked) {
                future.get();
            }
        } finally {
            threads.shutdownNow();
        }

        List<Entry> entries = store.entries(L2D);
        assertThat(entries).hasSize(10).extracting(Entry::id).doesNotHaveDuplicates();
        assertThat(store.line(L2D, YEAR, "rda-economic").orElseThrow().remaining()).isZero();
        assertThat(store.line(L2D, YEAR, "rda-economic").orElseThrow().totals().committedPence())
                .isEqualTo(entries.stream().mapToLong(Entry::amountPence).sum());
    }

    @Test
    void aChangeWhoseAuditEntryCannotBeWrittenLeavesNothingHalfWritten() {
        ledger.commit(booking(1, 400_000L));
        LedgerService noTrail = new LedgerService(new DynamoLedgerStore(table, new AuditTable(table.client(),
                table.name() + "-missing")), CLOCK);

        assertThatThrownBy(() -> noTrail.adjust(finance, L2D, "2007-08", "rda-economic", "adj-1", -100_000L,
                "Booking 1 was half a day shorter")).isInstanceOf(DynamoDbException.class);

        assertThat(store.entries(L2D)).extracting(Entry::id).containsExactly("booking:1");
        assertThat(store.line(L2D, YEAR, "rda-economic").orElseThrow().remaining()).isEqualTo(600_000L);
    }

    private static Commitment booking(int number, long pence) {
        return new Commitment("booking:" + number, L2D, YEAR, Spend.ADVISER_DAYS, Optional.of("Economic development"),
                pence, "Booking " + number, "member@wm.example", LocalDate.of(2007, 6, 1));
    }

    private static Actor person(String email, Role role) {
        return new Actor(email, email, Set.of(role), Optional.empty(), Optional.empty(), Set.of(L2D));
    }
}
