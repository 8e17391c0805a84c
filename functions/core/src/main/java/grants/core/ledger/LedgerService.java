package grants.core.ledger;

import grants.core.access.Actor;
import grants.core.audit.AuditEntry;
import grants.core.calendar.FinancialYear;
import grants.core.errors.ConflictException;
import grants.core.errors.InvalidInputException;
import grants.core.errors.NotFoundException;
import grants.core.money.Money;
import grants.core.text.InWords;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static grants.core.ledger.LedgerRefusedException.Refusal;

/**
 * The money of every programme and round in one ledger. Capabilities commit and pay through it when
 * things happen; managers set the lines, finance adjusts, and a second person approves an overspend.
 * Every write is read, decided, then written over the versions it read: a write that loses a race is
 * decided again, so two bookings at once can never both take the last of a line.
 */
public final class LedgerService {

    /** A write that keeps losing races gives up rather than spin: the caller may send it again. */
    private static final int ATTEMPTS = 20;

    private final LedgerStore store;
    private final Clock clock;

    public LedgerService(LedgerStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Money promised, charged to the line {@link Charging} chooses; the same commitment again changes nothing. */
    public Entry commit(Commitment commitment) {
        return once(commitment.scope(), commitment.id(), () -> charge(commitment));
    }

    /**
     * What committing would write, decided on the lines as they are now, for a capability that writes it
     * in its own transaction with the record it comes from (a booking): refused {@code NO_LINE} or
     * {@code OVER_BUDGET} as {@link #commit} is. Written over the lines' versions, so a write that lost a
     * race writes nothing and is decided again.
     */
    public LedgerStore.Change charge(Commitment commitment) {
        if (commitment.amountPence() <= 0) {
            throw InvalidInputException.of("amount", "of a commitment must be more than £0.00");
        }
        BudgetLine line = Charging.lineFor(commitment, store.lines(commitment.scope()));
        Entry entry = new Entry(commitment.id(), commitment.scope(), line.year(), line.lineId(), EntryKind.COMMITTED,
                commitment.amountPence(), commitment.source(), Optional.empty(), commitment.madeBy(),
                commitment.on());
        return new LedgerStore.Change(List.of(line.with(line.totals().committed(commitment.amountPence()))),
                List.of(entry), Optional.empty(), Optional.empty());
    }

    /**
     * What giving back everything left of a commitment would write (a booking cancelled), to be written
     * with the record that gives it back; empty if the ledger holds no such commitment or nothing is left.
     */
    public Optional<LedgerStore.Change> releasing(String scope, String releaseId, String commitmentId, String source,
                                                  String madeBy, LocalDate on) {
        Optional<Entry> committed = store.entry(scope, commitmentId).filter(entry -> entry.kind() == EntryKind.COMMITTED);
        if (committed.isEmpty() || store.entry(scope, releaseId).isPresent()) {
            return Optional.empty();
        }
        // The line is read before the entries: whatever is written against the commitment after this moves the line
        // on, so a release decided on entries older than the line is refused when written, and decided again (two
        // cancellations at once never see "more than is left" nor give back twice).
        BudgetLine line = store.line(scope, committed.get().year(), committed.get().lineId()).orElseThrow();
        long left = CommitmentBalance.unspent(committed.get(), store.entries(scope));
        if (left <= 0) {
            return Optional.empty();
        }
        Entry entry = new Entry(releaseId, scope, committed.get().year(), committed.get().lineId(), EntryKind.RELEASED,
                left, source, Optional.of(commitmentId), madeBy, on);
        return Optional.of(new LedgerStore.Change(List.of(line.with(line.totals().committed(-left))), List.of(entry),
                Optional.empty(), Optional.empty()));
    }

    /**
     * A commitment charged as {@link #charge} does where its scope keeps a line for the year that would pay for it,
     * and nothing where none would: for a capability whose spending is budgeted only where a line is kept for it
     * (an event's cost).
     */
    public LedgerStore.Change chargeWhereBudgeted(Commitment commitment) {
        return keepsALineFor(commitment.scope(), commitment.year(), commitment.spend(), commitment.topic())
                ? charge(commitment) : LedgerStore.Change.NOTHING;
    }

    /**
     * Whether a programme or round keeps a line for the year that would pay for this spend on this topic
     * (room or not): what a capability whose spending is budgeted only where a line is kept for it asks first.
     */
    public boolean keepsALineFor(String scope, FinancialYear year, Spend spend, Optional<String> topic) {
        return store.lines(scope).stream().anyMatch(line -> line.year().equals(year) && line.admits(spend, topic));
    }

    /** Part or all of a commitment given back (a booking cancelled), never more than is left of it unpaid. */
    public Entry release(String scope, String releaseId, String commitmentId, long pence, String source, String madeBy,
                         LocalDate on) {
        return againstCommitment(scope, releaseId, commitmentId, pence, EntryKind.RELEASED, source, madeBy, on);
    }

    /** Everything left unspent of a commitment given back (a run superseded); nothing if nothing is left. */
    public Optional<Entry> releaseWhatIsLeft(String scope, String releaseId, String commitmentId, String source,
                                             String madeBy, LocalDate on) {
        Optional<Entry> released = store.entry(scope, releaseId);
        if (released.isPresent()) {
            return released;
        }
        Optional<Entry> committed = store.entry(scope, commitmentId).filter(entry -> entry.kind() == EntryKind.COMMITTED);
        long left = committed.map(entry -> CommitmentBalance.unspent(entry, store.entries(scope))).orElse(0L);
        return left <= 0 ? Optional.empty()
                : Optional.of(release(scope, releaseId, commitmentId, left, source, madeBy, on));
    }

    /** Committed money spent: a payment against its commitment, never more than is left of it. */
    public Entry pay(String scope, String paymentId, String commitmentId, long pence, String source, String madeBy,
                     LocalDate on) {
        return againstCommitment(scope, paymentId, commitmentId, pence, EntryKind.PAID, source, madeBy, on);
    }

    private Entry againstCommitment(String scope, String id, String commitmentId, long pence, EntryKind kind,
                                    String source, String madeBy, LocalDate on) {
        if (pence <= 0) {
            throw InvalidInputException.of("amount", "must be more than £0.00");
        }
        return once(scope, id, () -> againstCommitmentChange(scope, id, commitmentId, pence, kind, source, madeBy, on));
    }

    private LedgerStore.Change againstCommitmentChange(String scope, String id, String commitmentId, long pence,
                                                       EntryKind kind, String source, String madeBy, LocalDate on) {
        Entry committed = store.entry(scope, commitmentId).filter(entry -> entry.kind() == EntryKind.COMMITTED)
                .orElseThrow(() -> new LedgerRefusedException(Refusal.NOT_COMMITTED, source
                        + " is against " + commitmentId + ", which the ledger of " + scope + " has not committed."));
        long left = CommitmentBalance.unspent(committed, store.entries(scope));
        if (pence > left) {
            throw new LedgerRefusedException(Refusal.OVERPAID, source + " (" + Money.pounds(pence) + ") is more than the "
                    + Money.pounds(left) + " left of " + committed.source() + ".");
        }
        BudgetLine line = store.line(scope, committed.year(), committed.lineId()).orElseThrow();
        LineTotals totals = kind == EntryKind.PAID ? line.totals().paid(pence) : line.totals().committed(-pence);
        Entry entry = new Entry(id, scope, committed.year(), committed.lineId(), kind, pence, source,
                Optional.of(commitmentId), madeBy, on);
        return new LedgerStore.Change(List.of(line.with(totals)), List.of(entry), Optional.empty(), Optional.empty());
    }

    /**
     * A manager sets up or changes a line over the revision they read (else {@code CHANGED_MEANWHILE});
     * never below what it has already committed. Commitments made meanwhile do not stop it.
     */
    public BudgetLine setLine(Actor actor, LineRequest request) {
        FinancialYear year = request.checkedYear();
        LedgerAccess.requireManager(actor, request.scope());
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<BudgetLine> before = store.line(request.scope(), year, request.lineId());
            long revision = before.map(BudgetLine::revision).orElse(0L);
            if (revision != request.revision()) {
                throw new LedgerRefusedException(Refusal.CHANGED_MEANWHILE, "The line " + request.lineId()
                        + " was changed by someone else since you read it (revision " + revision + ", not "
                        + request.revision() + "). Read it again.");
            }
            LineTotals totals = before.map(BudgetLine::totals).orElse(LineTotals.NONE);
            if (!totals.canCommit(request.budgetPence(), 0)) {
                throw new LedgerRefusedException(Refusal.BELOW_COMMITTED, "A budget of "
                        + Money.pounds(request.budgetPence()) + " is less than the " + Money.pounds(totals.committedPence()
                        + totals.carriedOutPence() - totals.carriedInPence()) + " already committed of "
                        + request.lineId() + ".");
            }
            BudgetLine line = new BudgetLine(request.scope(), year, request.lineId(), request.title().strip(),
                    request.source().strip(), request.budgetPence(), request.pays(),
                    request.ringFence().map(String::strip), request.inKind(), totals, revision + 1,
                    before.map(BudgetLine::version).orElse(0L) + 1);
            AuditEntry audit = AuditEntry.by(actor, clock.instant(), request.scope(), "BUDGET_LINE_SET",
                    request.scope() + "/" + year + "/" + request.lineId(), before.map(LedgerWords::line).orElse(null),
                    LedgerWords.line(line));
            if (store.apply(new LedgerStore.Change(List.of(line), List.of(), Optional.empty(), Optional.of(audit)))) {
                return line;
            }
        }
        throw busy(request.scope());
    }

    /** Finance corrects what a line has committed (up or down), with its reason. */
    public Entry adjust(Actor actor, String scope, String year, String lineId, String adjustmentId, long pence,
                        String reason) {
        LedgerAccess.requireFinance(actor, scope);
        requireReason(reason);
        FinancialYear financialYear = LedgerAccess.year(year);
        store.entry(scope, adjustmentId).filter(made -> made.amountPence() != pence || !made.lineId().equals(lineId)
                || !made.year().equals(financialYear) || !made.source().equals(reason.strip()))
                .ifPresent(made -> {
                    throw keyReused(adjustmentId);
                });
        return once(scope, adjustmentId, () -> {
            BudgetLine line = lineOrNotFound(scope, financialYear, lineId);
            if (pence > 0 && !line.totals().canCommit(line.budgetPence(), pence)) {
                throw new LedgerRefusedException(Refusal.OVER_BUDGET, "An adjustment of " + Money.pounds(pence)
                        + " would take " + line.name() + " below zero: it has " + Money.pounds(line.remaining()) + " left.");
            }
            Entry entry = new Entry(adjustmentId, scope, financialYear, lineId, EntryKind.ADJUSTED, pence,
                    reason.strip(), Optional.empty(), actor.name(), today());
            AuditEntry audit = AuditEntry.by(actor, clock.instant(), scope, "LEDGER_ADJUSTED",
                    scope + "/" + financialYear + "/" + lineId, LedgerWords.totals(line),
                    LedgerWords.totals(line.with(line.totals().committed(pence))) + "; " + reason.strip());
            return new LedgerStore.Change(List.of(line.with(line.totals().committed(pence))), List.of(entry),
                    Optional.empty(), Optional.of(audit));
        });
    }

    /** A manager asks to let a line go below zero; nothing changes until a second person approves. */
    public OverspendRequest requestOverspend(Actor actor, String scope, String year, String lineId, String requestId,
                                             long pence, String reason) {
        LedgerAccess.requireManager(actor, scope);
        requireReason(reason);
        if (pence <= 0) {
            throw InvalidInputException.of("amount", "of an overspend must be more than £0.00");
        }
        FinancialYear financialYear = LedgerAccess.year(year);
        lineOrNotFound(scope, financialYear, lineId);
        Optional<OverspendRequest> asked = store.overspendRequest(scope, requestId);
        if (asked.isPresent()) {
            OverspendRequest made = asked.get();
            if (made.pence() != pence || !made.lineId().equals(lineId) || !made.year().equals(financialYear)
                    || !made.reason().equals(reason.strip())) {
                throw keyReused(requestId);
            }
            return made;
        }
        OverspendRequest request = new OverspendRequest(requestId, scope, financialYear, lineId, pence, reason.strip(),
                actor.name(), today(), Optional.empty());
        AuditEntry audit = AuditEntry.by(actor, clock.instant(), scope, "OVERSPEND_REQUESTED",
                scope + "/" + financialYear + "/" + lineId, null, Money.pounds(pence) + " over budget asked for: "
                        + reason.strip());
        if (!store.apply(new LedgerStore.Change(List.of(), List.of(), Optional.of(request), Optional.of(audit)))) {
            return store.overspendRequest(scope, requestId).orElseThrow();
        }
        return request;
    }

    /** A second person (another manager, or finance) approves an overspend: the line may go that far below zero. */
    public Entry approveOverspend(Actor actor, String scope, String requestId) {
        LedgerAccess.requireManagerOrFinance(actor, scope);
        OverspendRequest request = store.overspendRequest(scope, requestId)
                .orElseThrow(() -> new NotFoundException("No overspend request " + requestId + " in " + scope + "."));
        if (request.requestedBy().equals(actor.name())) {
            throw new LedgerRefusedException(Refusal.SAME_PERSON, "An overspend is approved by someone other than "
                    + request.requestedBy() + ", who asked for it.");
        }
        if (request.approvedBy().isPresent()) {
            throw new LedgerRefusedException(Refusal.ALREADY_APPROVED, "The overspend " + requestId
                    + " was approved by " + request.approvedBy().get() + ".");
        }
        return once(scope, "overspend:" + requestId, () -> {
            BudgetLine line = lineOrNotFound(scope, request.year(), request.lineId());
            Entry entry = new Entry("overspend:" + requestId, scope, request.year(), request.lineId(),
                    EntryKind.OVERSPEND_APPROVED, request.pence(), request.reason(), Optional.empty(), actor.name(),
                    today());
            AuditEntry audit = AuditEntry.by(actor, clock.instant(), scope, "OVERSPEND_APPROVED",
                    scope + "/" + request.year() + "/" + request.lineId(), "asked for by " + request.requestedBy(),
                    Money.pounds(request.pence()) + " over budget approved: " + request.reason());
            return new LedgerStore.Change(List.of(line.with(line.totals().overspendApproved(request.pence()))),
                    List.of(entry), Optional.of(request.approvedBy(actor.name())), Optional.of(audit));
        });
    }

    /**
     * A multi-year fund's unawarded money moved to a second call within the same fund: for each of the
     * first call's lines with money left, the same line of the second call, holding what was left.
     * Sent again, it finds nothing left to move and changes nothing.
     */
    public List<Entry> carryForward(Actor actor, String fromScope, String toScope) {
        LedgerAccess.requireManager(actor, fromScope);
        LedgerAccess.requireManager(actor, toScope);
        if (fromScope.equals(toScope)) {
            throw InvalidInputException.of("to", "must be another call than " + fromScope);
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            List<BudgetLine> changed = new ArrayList<>();
            List<Entry> entries = new ArrayList<>();
            for (BudgetLine from : store.lines(fromScope)) {
                long left = from.remaining();
                if (left <= 0 || from.inKind()) {
                    continue;
                }
                String id = "carried:" + fromScope + ">" + toScope + ":" + from.year() + ":" + from.lineId();
                BudgetLine to = store.line(toScope, from.year(), from.lineId()).orElse(new BudgetLine(toScope,
                        from.year(), from.lineId(), from.title(), from.source(), 0, from.pays(), from.ringFence(), false,
                        LineTotals.NONE, 0, 0));
                changed.add(from.with(from.totals().carriedOut(left)));
                changed.add(to.with(to.totals().carriedIn(left)));
                entries.add(new Entry(id + ":out", fromScope, from.year(), from.lineId(), EntryKind.CARRIED_OUT, left,
                        "carried to " + toScope, Optional.empty(), actor.name(), today()));
                entries.add(new Entry(id + ":in", toScope, from.year(), from.lineId(), EntryKind.CARRIED_IN, left,
                        "carried from " + fromScope, Optional.empty(), actor.name(), today()));
            }
            if (entries.isEmpty()) {
                return List.of();
            }
            AuditEntry audit = AuditEntry.by(actor, clock.instant(), fromScope, "BUDGET_CARRIED_FORWARD", toScope, null,
                    LedgerWords.carried(entries));
            if (store.apply(new LedgerStore.Change(changed, entries, Optional.empty(), Optional.of(audit)))) {
                return List.copyOf(entries);
            }
        }
        throw busy(fromScope);
    }

    /** The budget statement of a programme or round: every line and year, and the totals. */
    public BudgetStatement statement(Actor actor, String scope) {
        LedgerAccess.requireStatementReader(actor, scope);
        return BudgetStatement.of(scope, store.lines(scope));
    }

    /** Every entry of a programme or round's ledger, in the order written. */
    public List<Entry> entries(Actor actor, String scope) {
        LedgerAccess.requireLedgerReader(actor, scope);
        return store.entries(scope);
    }

    /** One entry of a programme or round's ledger, by its id: one read, however many entries there are. */
    public Optional<Entry> entry(Actor actor, String scope, String entryId) {
        LedgerAccess.requireLedgerReader(actor, scope);
        return store.entry(scope, entryId);
    }

    /**
     * Writes an entry once: if its id is there already, that entry is the answer; otherwise the change is
     * decided on what is read now and written over it, again if another write came first. A refusal decided
     * on what a twin of this write (a retry sent at the same moment) had just written is no refusal: the
     * twin's entry is the answer.
     */
    private Entry once(String scope, String entryId, Supplier<LedgerStore.Change> decide) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Entry> written = store.entry(scope, entryId);
            if (written.isPresent()) {
                return written.get();
            }
            LedgerStore.Change change;
            try {
                change = decide.get();
            } catch (LedgerRefusedException refused) {
                return store.entry(scope, entryId).orElseThrow(() -> refused);
            }
            if (store.apply(change)) {
                return change.entries().get(0);
            }
        }
        throw busy(scope);
    }

    private BudgetLine lineOrNotFound(String scope, FinancialYear year, String lineId) {
        return store.line(scope, year, lineId).orElseThrow(() -> new NotFoundException("No budget line " + lineId
                + " in " + scope + " for " + year + "."));
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "is required");
        }
    }

    /** An adjustment or request id (the caller's key) sent again with something else. */
    private static ConflictException keyReused(String id) {
        return new ConflictException("IDEMPOTENCY_KEY_REUSED", "The Idempotency-Key header was first sent with"
                + " another request (" + id + "): send a new key for a new request.");
    }

    private static LedgerRefusedException busy(String scope) {
        return new LedgerRefusedException(Refusal.CHANGED_MEANWHILE, "The ledger of " + scope
                + " kept changing while this was written: send it again.");
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), InWords.UK);
    }
}
