package grants.testing;

import grants.core.access.Actor;
import grants.core.access.Binding;
import grants.core.access.ForbiddenException;
import grants.core.access.Role;
import grants.core.audit.AuditLog;
import grants.core.commitments.CommitmentIntake;
import grants.core.errors.ConflictException;
import grants.core.ledger.BudgetLine;
import grants.core.ledger.BudgetStatement;
import grants.core.ledger.Entry;
import grants.core.ledger.EntryKind;
import grants.core.ledger.LedgerService;
import grants.core.ledger.LedgerStore;
import grants.core.ledger.OverspendRequest;
import grants.core.calendar.FinancialYear;
import grants.core.rounds.Stage;
import grants.core.secondcall.SecondCall;
import grants.core.secondcall.SecondCallPreview;
import grants.core.secondcall.SecondCalls;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Coventry's round published (the spec's awards: £3,850,000 a year of £5,000,000 for three years), its
 * manager opens a second call within the fund on 1 May 2002: set up for the £1,150,000 a year left from
 * 2003-04 (2002-03 had begun: its money is carried, named and not offered), the money carried to it to
 * the penny, the first round's staff bound in it, all audited; twice is once; each refusal; a crash
 * between the set-up and the carry completed by sending it again. The preview says what opening would do, writing
 * nothing.
 */
class SecondCallTest {

    private static final String ROUND = LivedRound.ROUND;
    private static final String SECOND = ROUND + "-second-call";

    private final LivedRound round = new LivedRound();
    private final InMemoryLedgerStore ledgerStore = new InMemoryLedgerStore(round.store.trail());
    private final CrashingOnce crashing = new CrashingOnce(ledgerStore);
    private final LedgerService ledger = new LedgerService(crashing, round.clock);
    private final CommitmentIntake intake = new CommitmentIntake(ledger, new InMemoryProgrammeStore(),
            new InMemoryRunStore(), round.store, round.clock);
    private final InMemoryBindingStore bindings = new InMemoryBindingStore();
    private final SecondCalls secondCalls = new SecondCalls(round.rounds, ledger, bindings,
            new AuditLog(round.store.trail(), round.clock), round.clock);
    private final Actor manager = new Actor("sub-manager", "manager@coventry.example", Set.of(Role.PROGRAMME_MANAGER),
            Optional.empty(), Optional.empty(), Set.of(ROUND));
    private final Actor bothCalls = new Actor("sub-manager", "manager@coventry.example", Set.of(Role.PROGRAMME_MANAGER),
            Optional.empty(), Optional.empty(), Set.of(ROUND, SECOND));

    private void published() {
        bindings.put(new Binding("sub-manager", ROUND, "Coventry's manager", Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()));
        bindings.put(new Binding("sub-finance", ROUND, "Coventry's finance officer", Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()));
        bindings.put(new Binding("sub-board-1", ROUND, "A board member", Optional.empty(), Optional.empty(),
                Optional.of("v01"), Optional.empty()));
        round.untilScoring();
        round.scored();
        round.awards.decide(TestRounds.manager(), ROUND);
        round.awards.publish(TestRounds.manager(), ROUND);
        intake.fromRound(ROUND);
    }

    @Test
    void theSecondCallGetsExactlyTheMoneyLeftFromTheFundsNextYearAndTheLedgerReconcilesToThePenny() {
        published();

        SecondCall opened = secondCalls.open(manager, ROUND);

        assertThat(opened.alreadyOpen()).isFalse();
        assertThat(opened.round().roundId()).isEqualTo(SECOND);
        assertThat(opened.round().stage()).isEqualTo(Stage.VOTING);
        assertThat(opened.round().setup().fund().annualPence()).isEqualTo(115_000_000L);
        assertThat(opened.round().setup().fund().firstYear()).as("2002-03 had begun on 1 May 2002").isEqualTo("2003-04");
        assertThat(opened.round().setup().fund().years()).isEqualTo(2);
        assertThat(opened.notOffered()).containsExactly(new FinancialYear(2002));
        assertThat(ledger.statement(bothCalls, SECOND).yearTotals()).extracting(row -> row.year().toString(),
                BudgetStatement.Row::carriedInPence).containsExactly(tuple("2002-03", 115_000_000L),
                tuple("2003-04", 115_000_000L), tuple("2004-05", 115_000_000L));
        assertThat(ledger.statement(manager, ROUND).yearTotals()).extracting(BudgetStatement.Row::carriedOutPence,
                BudgetStatement.Row::remainingPence).containsOnly(tuple(115_000_000L, 0L));
        long out = ledgerStore.entries(ROUND).stream().filter(e -> e.kind() == EntryKind.CARRIED_OUT)
                .mapToLong(Entry::amountPence).sum();
        long in = ledgerStore.entries(SECOND).stream().filter(e -> e.kind() == EntryKind.CARRIED_IN)
                .mapToLong(Entry::amountPence).sum();
        assertThat(out).as("carried out of the first round = carried into the second call").isEqualTo(in)
                .isEqualTo(345_000_000L);
    }

    @Test
    void thePreviewSaysWhatTheSecondCallWouldGetWritingNothingThenThatItIsOpen() {
        published();
        int audited = round.store.trail().page(ROUND, Optional.empty(), 200).entries().size();

        SecondCallPreview preview = secondCalls.preview(manager, ROUND);

        assertThat(preview.status()).isEqualTo(SecondCallPreview.Status.READY);
        assertThat(preview.roundId()).isEqualTo(SECOND);
        assertThat(preview.fundInWords()).isEqualTo("£1,150,000.00 a year for 2003-04 and 2004-05");
        assertThat(preview.carried()).extracting(carried -> carried.year().toString(), SecondCallPreview.Carried::pence)
                .containsExactly(tuple("2002-03", 115_000_000L), tuple("2003-04", 115_000_000L),
                        tuple("2004-05", 115_000_000L));
        assertThat(preview.carriedPence()).isEqualTo(345_000_000L);
        assertThat(preview.notOffered()).containsExactly(new FinancialYear(2002));
        assertThat(round.store.header(SECOND)).as("nothing set up").isEmpty();
        assertThat(ledgerStore.entries(SECOND)).as("nothing carried").isEmpty();
        assertThat(bindings.inScope(SECOND)).as("nobody bound").isEmpty();
        assertThat(round.store.trail().page(ROUND, Optional.empty(), 200).entries()).hasSize(audited);

        SecondCall opened = secondCalls.open(manager, ROUND);
        SecondCallPreview after = secondCalls.preview(manager, ROUND);

        assertThat(opened.round().setup().fund()).as("what the preview said").isEqualTo(preview.fund().orElseThrow());
        assertThat(after.status()).isEqualTo(SecondCallPreview.Status.ALREADY_OPEN);
        assertThat(after.fundInWords()).isEqualTo("£1,150,000.00 a year for 2003-04 and 2004-05");
        assertThat(after.carried()).isEmpty();
    }

    @Test
    void theFirstRoundsStaffAreBoundInTheSecondCallByTheSystemAndEverythingIsAudited() {
        published();

        secondCalls.open(manager, ROUND);

        assertThat(bindings.inScope(SECOND)).extracting(Binding::subject, Binding::name).containsExactlyInAnyOrder(
                tuple("sub-manager", "Coventry's manager"), tuple("sub-finance", "Coventry's finance officer"));
        assertThat(round.store.trail().page(SECOND, Optional.empty(), 50).entries())
                .extracting(grants.core.audit.AuditEntry::action)
                .contains("ROUND_SET_UP", "BINDING_ADDED");
        assertThat(round.store.trail().page(ROUND, Optional.empty(), 50).entries())
                .extracting(grants.core.audit.AuditEntry::action)
                .contains("BUDGET_CARRIED_FORWARD", "SECOND_CALL_OPENED");
    }

    @Test
    void openedTwiceItIsOpenOnceAndTheSecondPressAnswersAlreadyOpenChangingNothing() {
        published();
        secondCalls.open(manager, ROUND);
        int entries = ledgerStore.entries(SECOND).size();
        int audited = round.store.trail().page(ROUND, Optional.empty(), 200).entries().size();

        SecondCall again = secondCalls.open(manager, ROUND);

        assertThat(again.alreadyOpen()).isTrue();
        assertThat(again.carried()).isEmpty();
        assertThat(again.round().setup().fund().annualPence()).isEqualTo(115_000_000L);
        assertThat(ledgerStore.entries(SECOND)).hasSize(entries);
        assertThat(round.store.trail().page(ROUND, Optional.empty(), 200).entries()).hasSize(audited);
    }

    @Test
    void aCrashBetweenTheSetUpAndTheCarryIsCompletedBySendingItAgain() {
        published();
        crashing.crashNextCarry = true;

        assertThatThrownBy(() -> secondCalls.open(manager, ROUND)).isInstanceOf(IllegalStateException.class);
        assertThat(round.rounds.header(SECOND).stage()).as("set up before the crash").isEqualTo(Stage.VOTING);
        assertThat(ledgerStore.entries(SECOND)).as("nothing carried yet").isEmpty();

        SecondCall retried = secondCalls.open(manager, ROUND);

        assertThat(retried.alreadyOpen()).isFalse();
        assertThat(ledger.statement(bothCalls, SECOND).yearTotals()).extracting(BudgetStatement.Row::carriedInPence)
                .containsOnly(115_000_000L);
        assertThat(ledger.statement(manager, ROUND).yearTotals()).extracting(BudgetStatement.Row::remainingPence)
                .containsOnly(0L);
        assertThat(bindings.inScope(SECOND)).hasSize(2);
    }

    @Test
    void onlyAManagerOfTheRoundMayOpenIt() {
        published();
        Actor otherRoundsManager = new Actor("sub-other", "other@example", Set.of(Role.PROGRAMME_MANAGER),
                Optional.empty(), Optional.empty(), Set.of("another-round"));
        Actor finance = new Actor("sub-finance", "finance@example", Set.of(Role.FINANCE_OFFICER), Optional.empty(),
                Optional.empty(), Set.of(ROUND));

        for (Actor refused : List.of(otherRoundsManager, finance, TestRounds.person(Role.BOARD_MEMBER, "v01"),
                TestRounds.proposerFor("northside"))) {
            assertThatThrownBy(() -> secondCalls.open(refused, ROUND)).as(refused.name())
                    .isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> secondCalls.preview(refused, ROUND)).as(refused.name())
                    .isInstanceOf(ForbiddenException.class);
        }
        assertThat(round.store.header(SECOND)).isEmpty();
    }

    @Test
    void aRoundNotPublishedIsRefusedNamingItsStage() {
        round.untilScoring();

        assertThat(codeOf(() -> secondCalls.open(manager, ROUND))).isEqualTo("ROUND_NOT_PUBLISHED");
        assertThat(codeOf(() -> secondCalls.preview(manager, ROUND))).isEqualTo("ROUND_NOT_PUBLISHED");
        assertThatThrownBy(() -> secondCalls.open(manager, ROUND)).hasMessageContaining("is SCORING");
        assertThat(round.store.header(SECOND)).isEmpty();
    }

    @Test
    void aRoundWithNothingUnawardedIsRefusedAndNothingIsSetUp() {
        published();
        ledger.carryForward(new Actor("sub-manager", "manager@coventry.example", Set.of(Role.PROGRAMME_MANAGER),
                Optional.empty(), Optional.empty(), Set.of(ROUND, "elsewhere")), ROUND, "elsewhere");

        assertThat(secondCalls.preview(manager, ROUND)).extracting(SecondCallPreview::status, SecondCallPreview::fund)
                .containsExactly(SecondCallPreview.Status.NOTHING_UNAWARDED, Optional.empty());
        assertThat(codeOf(() -> secondCalls.open(manager, ROUND))).isEqualTo("NOTHING_UNAWARDED");
        assertThat(round.store.header(SECOND)).isEmpty();
        assertThat(bindings.inScope(SECOND)).isEmpty();
    }

    @Test
    void aRoundPublishedWhileASpecificationWaitsOpensNoSecondCallAndThePreviewSaysWhichWaits() {
        bindings.put(new Binding("sub-manager", ROUND, "Coventry's manager", Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()));
        round.untilScoring();
        round.scoredButModerations(); // housing's moderation is not given: spec-housing waits (rule C10)
        round.awards.decide(TestRounds.manager(), ROUND);
        round.awards.publish(TestRounds.manager(), ROUND);
        intake.fromRound(ROUND);
        assertThat(round.rounds.header(ROUND).stage()).isEqualTo(Stage.PUBLISHED);
        int audited = round.store.trail().page(ROUND, Optional.empty(), 200).entries().size();
        String sentence = "A second call cannot be opened while 1 specification waits for its decision: Housing and the"
                + " local environment (spec-housing). Publish it first.";

        SecondCallPreview preview = secondCalls.preview(manager, ROUND);

        assertThat(preview.status()).isEqualTo(SecondCallPreview.Status.SPECIFICATIONS_WAITING);
        assertThat(SecondCalls.specificationsWaiting(preview.waiting())).isEqualTo(sentence);
        assertThat(preview.carried()).as("nothing to carry").isEmpty();
        assertThatThrownBy(() -> secondCalls.open(manager, ROUND)).isInstanceOf(ConflictException.class)
                .hasMessage(sentence);
        assertThat(codeOf(() -> secondCalls.open(manager, ROUND))).isEqualTo("SPECIFICATIONS_WAITING");
        assertThat(round.store.header(SECOND)).as("nothing set up").isEmpty();
        assertThat(ledgerStore.entries(SECOND)).as("nothing carried").isEmpty();
        assertThat(ledger.statement(manager, ROUND).yearTotals()).extracting(BudgetStatement.Row::carriedOutPence)
                .containsOnly(0L);
        assertThat(bindings.inScope(SECOND)).as("nobody bound").isEmpty();
        assertThat(round.store.trail().page(ROUND, Optional.empty(), 200).entries()).hasSize(audited);
    }

    private static String codeOf(Runnable call) {
        try {
            call.run();
            return "none";
        } catch (ConflictException refused) {
            return refused.code();
        }
    }

    /** The ledger's store, which can fail the next carry as a crashed Lambda would, after the set-up is written. */
    private static final class CrashingOnce implements LedgerStore {
        private final LedgerStore store;
        boolean crashNextCarry;

        CrashingOnce(LedgerStore store) {
            this.store = store;
        }

        @Override
        public List<BudgetLine> lines(String scope) {
            return store.lines(scope);
        }

        @Override
        public Optional<BudgetLine> line(String scope, FinancialYear year, String lineId) {
            return store.line(scope, year, lineId);
        }

        @Override
        public Optional<Entry> entry(String scope, String entryId) {
            return store.entry(scope, entryId);
        }

        @Override
        public List<Entry> entries(String scope) {
            return store.entries(scope);
        }

        @Override
        public Optional<OverspendRequest> overspendRequest(String scope, String requestId) {
            return store.overspendRequest(scope, requestId);
        }

        @Override
        public boolean apply(Change change) {
            if (crashNextCarry && change.entries().stream().anyMatch(e -> e.kind() == EntryKind.CARRIED_OUT)) {
                crashNextCarry = false;
                throw new IllegalStateException("the function stopped before the carry was written");
            }
            return store.apply(change);
        }
    }
}
