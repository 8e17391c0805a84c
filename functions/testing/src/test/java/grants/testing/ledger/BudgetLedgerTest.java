package grants.testing.ledger;

import grants.core.access.Actor;
import grants.core.access.ForbiddenException;
import grants.core.access.Role;
import grants.core.calendar.FinancialYear;
import grants.core.errors.InvalidInputException;
import grants.core.ledger.BudgetStatement;
import grants.core.ledger.Commitment;
import grants.core.ledger.Entry;
import grants.core.ledger.EntryKind;
import grants.documents.ledger.LedgerCsv;
import grants.core.ledger.LedgerRefusedException;
import grants.core.ledger.LedgerService;
import grants.core.ledger.LineRequest;
import grants.core.ledger.Spend;
import grants.testing.InMemoryAuditTrail;
import grants.testing.InMemoryLedgerStore;
import grants.testing.SettableClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pots of Learning to Deliver and Coventry's fund, as a finance officer would ask of them. */
class BudgetLedgerTest {

    private static final String L2D = "l2d-2007-08";
    private static final String COVENTRY = "coventry-2002";
    private static final String SECOND_CALL = "coventry-2002-second-call";
    private static final FinancialYear Y2007 = FinancialYear.parse("2007-08").orElseThrow();
    private static final LocalDate COMMITTED_ON = LocalDate.of(2007, 6, 1);

    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    private final InMemoryLedgerStore store = new InMemoryLedgerStore(trail);
    private final LedgerService ledger = new LedgerService(store, new SettableClock(Instant.parse("2007-06-01T09:00:00Z")));

    private final Actor manager = bound("manager@wm.example", Role.PROGRAMME_MANAGER, L2D, COVENTRY, SECOND_CALL);
    private final Actor secondManager = bound("deputy@wm.example", Role.PROGRAMME_MANAGER, L2D, COVENTRY);
    private final Actor finance = bound("finance@wm.example", Role.FINANCE_OFFICER, L2D, COVENTRY);
    private final Actor boardMember = bound("board@wm.example", Role.BOARD_MEMBER, L2D);
    private final Actor auditor = bound("auditor@wm.example", Role.AUDITOR, L2D);
    private final Actor partnershipMember = bound("member@wm.example", Role.PARTNERSHIP_MEMBER, L2D);

    @Test
    void learningToDeliverShowsItsCoreBudgetAndTheRingFencedRdaMoneyAfterItsGrantsAreCommitted() {
        setUpLearningToDeliver();

        ledger.commit(grants(54_000_000L));

        BudgetStatement statement = ledger.statement(boardMember, L2D);
        assertThat(statement.rows()).extracting(BudgetStatement.Row::lineId, BudgetStatement.Row::budgetPence,
                        BudgetStatement.Row::committedPence, BudgetStatement.Row::remainingPence,
                        BudgetStatement.Row::ringFence)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("core-grants", 54_000_000L, 54_000_000L, 0L, null),
                        org.assertj.core.groups.Tuple.tuple("rda-economic", 7_000_000L, 0L, 7_000_000L,
                                "Economic development"));
        assertThat(new String(LedgerCsv.budget(statement).bytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("""
                scope,year,line,title,source,ring_fence,in_kind,budget,carried_in,carried_out,committed,paid,remaining
                l2d-2007-08,2007-08,core-grants,Grants to partnerships,Core,,false,540000.00,0.00,0.00,540000.00,0.00,0.00
                l2d-2007-08,2007-08,rda-economic,Economic development support,Regional Development Agency,Economic development,false,70000.00,0.00,0.00,0.00,0.00,70000.00
                """);
    }

    @Test
    void anEconomicDevelopmentBookingIsChargedToTheRdaLineAndAnyOtherTopicIsRefusedByItsRingFence() {
        setUpLearningToDeliver();

        Entry booking = ledger.commit(booking("booking:B1", "Economic development", 120_000L));

        assertThat(booking.lineId()).isEqualTo("rda-economic");
        assertThatThrownBy(() -> ledger.commit(booking("booking:B2", "Governance and accountability", 120_000L)))
                .isInstanceOf(LedgerRefusedException.class)
                .hasFieldOrPropertyWithValue("code", "NO_LINE")
                .hasMessageContaining("adviser days on Governance and accountability");
        assertThat(store.entries(L2D)).extracting(Entry::id).containsExactly("booking:B1");
    }

    @Test
    void aCommitmentThatWouldTakeALineBelowZeroIsRefusedNamingTheLineAndTheShortfallAndWritesNothing() {
        setUpLearningToDeliver();
        ledger.commit(booking("booking:B1", "Economic development", 6_900_000L));

        assertThatThrownBy(() -> ledger.commit(booking("booking:B2", "Economic development", 250_000L)))
                .isInstanceOf(LedgerRefusedException.class)
                .hasFieldOrPropertyWithValue("code", "OVER_BUDGET")
                .hasMessage("Booking B2 (£2,500.00) would take Regional Development Agency: Economic "
                        + "development support, 2007-08 below zero: it has £1,000.00 left, a shortfall of £1,500.00.");
        assertThat(remaining("rda-economic")).isEqualTo(100_000L);
        assertThat(store.entries(L2D)).hasSize(1);
    }

    @Test
    void anOverspendAskedForByOneManagerAndApprovedByAnotherPersonLetsTheCommitmentThrough() {
        setUpLearningToDeliver();
        ledger.commit(booking("booking:B1", "Economic development", 6_900_000L));
        ledger.requestOverspend(manager, L2D, "2007-08", "rda-economic", "over-1", 150_000L,
                "The March workshop ran a second day at the Steering Group's request");

        assertThatThrownBy(() -> ledger.approveOverspend(manager, L2D, "over-1"))
                .hasFieldOrPropertyWithValue("code", "SAME_PERSON");
        assertThatThrownBy(() -> ledger.commit(booking("booking:B2", "Economic development", 250_000L)))
                .hasFieldOrPropertyWithValue("code", "OVER_BUDGET");

        ledger.approveOverspend(finance, L2D, "over-1");
        ledger.commit(booking("booking:B2", "Economic development", 250_000L));

        assertThat(remaining("rda-economic")).isEqualTo(-150_000L);
        assertThatThrownBy(() -> ledger.commit(booking("booking:B3", "Economic development", 1L)))
                .hasFieldOrPropertyWithValue("code", "OVER_BUDGET")
                .hasMessageContaining("it has £0.00 left, a shortfall of £0.01");
        assertThat(store.audit(L2D)).extracting(entry -> entry.action())
                .contains("OVERSPEND_REQUESTED", "OVERSPEND_APPROVED");
    }

    @Test
    void paymentsSpendWhatWasCommittedOnceEachAndNeverMore() {
        setUpLearningToDeliver();
        ledger.commit(grants(54_000_000L));

        ledger.pay(L2D, "payment:P1", "run:l2d-2007-08/1", 30_000_000L, "Payment run P1", "finance@wm.example",
                LocalDate.of(2007, 7, 2));
        ledger.pay(L2D, "payment:P1", "run:l2d-2007-08/1", 30_000_000L, "Payment run P1", "finance@wm.example",
                LocalDate.of(2007, 7, 2));

        assertThat(statementRow("core-grants").paidPence()).isEqualTo(30_000_000L);
        assertThatThrownBy(() -> ledger.pay(L2D, "payment:P2", "run:l2d-2007-08/1", 24_000_001L, "Payment run P2",
                "finance@wm.example", LocalDate.of(2007, 8, 1)))
                .hasFieldOrPropertyWithValue("code", "OVERPAID")
                .hasMessageContaining("£240,000.00 left");
        assertThatThrownBy(() -> ledger.pay(L2D, "payment:P3", "contract:unknown", 100L, "Payment run P3",
                "finance@wm.example", LocalDate.of(2007, 8, 1)))
                .hasFieldOrPropertyWithValue("code", "NOT_COMMITTED");
        assertThat(store.entries(L2D)).extracting(Entry::kind).containsExactly(EntryKind.COMMITTED, EntryKind.PAID);
    }

    @Test
    void coventrysUnawardedMoneyIsCarriedToASecondCallWithinTheSameFundOnce() {
        for (String year : List.of("2002-03", "2003-04", "2004-05")) {
            ledger.setLine(manager, new LineRequest(COVENTRY, year, "fund", "Commissioning fund", "Coventry",
                    500_000_000L, Set.of(Spend.CONTRACTS), Optional.empty(), false, 0));
            ledger.commit(new Commitment("contracts:" + year, COVENTRY, FinancialYear.parse(year).orElseThrow(),
                    Spend.CONTRACTS, Optional.empty(), 385_000_000L, "Seven contracts, " + year, "commission",
                    LocalDate.of(2002, 3, 28)));
        }

        List<Entry> carried = ledger.carryForward(manager, COVENTRY, SECOND_CALL);

        assertThat(carried).filteredOn(entry -> entry.kind() == EntryKind.CARRIED_IN)
                .extracting(entry -> entry.year().toString(), Entry::amountPence)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2002-03", 115_000_000L),
                        org.assertj.core.groups.Tuple.tuple("2003-04", 115_000_000L),
                        org.assertj.core.groups.Tuple.tuple("2004-05", 115_000_000L));
        assertThat(ledger.statement(manager, COVENTRY).rows()).extracting(BudgetStatement.Row::remainingPence)
                .containsOnly(0L);
        assertThat(ledger.statement(manager, SECOND_CALL).rows()).extracting(BudgetStatement.Row::carriedInPence,
                BudgetStatement.Row::remainingPence).containsOnly(org.assertj.core.groups.Tuple.tuple(115_000_000L,
                115_000_000L));
        assertThat(ledger.carryForward(manager, COVENTRY, SECOND_CALL)).isEmpty();
        assertThat(store.entries(SECOND_CALL)).hasSize(3);
    }

    @Test
    void inKindSupportIsValuedInTheStatementButNeverCommittedNorCountedInTheYearsMoney() {
        setUpLearningToDeliver();
        ledger.setLine(manager, new LineRequest(L2D, "2007-08", "in-kind-go", "Officers' time", "Government Office",
                1_500_000L, Set.of(Spend.ADMINISTRATION), Optional.empty(), true, 0));

        assertThatThrownBy(() -> ledger.commit(new Commitment("admin:1", L2D, Y2007, Spend.ADMINISTRATION,
                Optional.empty(), 100L, "Room hire", "manager@wm.example", COMMITTED_ON)))
                .hasFieldOrPropertyWithValue("code", "NO_LINE");
        BudgetStatement statement = ledger.statement(finance, L2D);
        assertThat(statement.rows()).extracting(BudgetStatement.Row::lineId).contains("in-kind-go");
        assertThat(statement.yearTotals()).singleElement().extracting(BudgetStatement.Row::budgetPence)
                .isEqualTo(61_000_000L);
    }

    @Test
    void aLineIsNeverSetBelowWhatItHasCommittedNorOverAnotherManagersChangeButBookingsMeanwhileDoNotStopIt() {
        setUpLearningToDeliver();
        ledger.commit(grants(54_000_000L));

        assertThatThrownBy(() -> ledger.setLine(manager, coreLine(53_000_000L, 1)))
                .hasFieldOrPropertyWithValue("code", "BELOW_COMMITTED")
                .hasMessageContaining("£540,000.00 already committed");
        ledger.setLine(secondManager, coreLine(56_000_000L, 1));
        assertThatThrownBy(() -> ledger.setLine(manager, coreLine(60_000_000L, 1)))
                .hasFieldOrPropertyWithValue("code", "CHANGED_MEANWHILE");
        ledger.setLine(manager, coreLine(60_000_000L, 2));
        assertThat(remaining("core-grants")).isEqualTo(6_000_000L);
        assertThat(store.audit(L2D)).extracting(entry -> entry.action()).containsOnly("BUDGET_LINE_SET");
    }

    @Test
    void aBadLineIsRefusedNamingEveryField() {
        assertThatThrownBy(() -> ledger.setLine(manager, new LineRequest(L2D, "2007-09", "Core Grants", " ", "",
                -1, Set.of(), Optional.of(""), false, 0)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(refused -> assertThat(((InvalidInputException) refused).details())
                        .extracting(problem -> problem.field())
                        .containsExactly("year", "lineId", "title", "source", "budget", "pays", "ringFence"));
        assertThat(store.lines(L2D)).isEmpty();
    }

    @Test
    void eachRoleDoesWhatItMayAndIsRefusedTheRest() {
        setUpLearningToDeliver();
        ledger.commit(grants(54_000_000L));

        assertThatThrownBy(() -> ledger.setLine(finance, coreLine(60_000_000L, 2))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> ledger.adjust(manager, L2D, "2007-08", "core-grants", "adj-1", -100L, "Returned"))
                .isInstanceOf(ForbiddenException.class);
        ledger.adjust(finance, L2D, "2007-08", "core-grants", "adj-1", -50_000L, "Unclaimed grant returned by Rugby");
        assertThat(remaining("core-grants")).isEqualTo(50_000L);

        assertThat(ledger.statement(boardMember, L2D).rows()).hasSize(2);
        assertThat(ledger.entries(auditor, L2D)).hasSize(2);
        assertThatThrownBy(() -> ledger.entries(boardMember, L2D)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> ledger.statement(partnershipMember, L2D)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> ledger.statement(bound("other@wm.example", Role.FINANCE_OFFICER, "another"), L2D))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> ledger.requestOverspend(finance, L2D, "2007-08", "core-grants", "o", 1L, "x"))
                .isInstanceOf(ForbiddenException.class);
    }

    private void setUpLearningToDeliver() {
        ledger.setLine(manager, coreLine(54_000_000L, 0));
        ledger.setLine(manager, new LineRequest(L2D, "2007-08", "rda-economic", "Economic development support",
                "Regional Development Agency", 7_000_000L, Set.of(Spend.ADVISER_DAYS, Spend.EVENTS),
                Optional.of("Economic development"), false, 0));
    }

    private static LineRequest coreLine(long pence, long version) {
        return new LineRequest(L2D, "2007-08", "core-grants", "Grants to partnerships", "Core", pence,
                Set.of(Spend.GRANTS), Optional.empty(), false, version);
    }

    private static Commitment grants(long pence) {
        return new Commitment("run:l2d-2007-08/1", L2D, Y2007, Spend.GRANTS, Optional.empty(), pence,
                "Run 1 of Learning to Deliver 2007-08", "manager@wm.example", COMMITTED_ON);
    }

    private static Commitment booking(String id, String topic, long pence) {
        return new Commitment(id, L2D, Y2007, Spend.ADVISER_DAYS, Optional.of(topic), pence,
                "Booking " + id.substring("booking:".length()), "member@wm.example", COMMITTED_ON);
    }

    private long remaining(String lineId) {
        return statementRow(lineId).remainingPence();
    }

    private BudgetStatement.Row statementRow(String lineId) {
        return ledger.statement(finance, L2D).rows().stream().filter(row -> lineId.equals(row.lineId())).findFirst()
                .orElseThrow();
    }

    private static Actor bound(String email, Role role, String... scopes) {
        return new Actor(email, email, Set.of(role), Optional.empty(), Optional.empty(), Set.of(scopes));
    }
}
