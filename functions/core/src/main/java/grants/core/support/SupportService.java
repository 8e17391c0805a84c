package grants.core.support;

import grants.core.access.Actor;
import grants.core.allocation.AllocationRow;
import grants.core.allocation.Status;
import grants.core.audit.AuditEntry;
import grants.core.errors.ConflictException;
import grants.core.errors.InvalidInputException;
import grants.core.errors.NotFoundException;
import grants.core.ledger.LedgerService;
import grants.core.ledger.LedgerStore;
import grants.core.money.Days;
import grants.core.programme.Partnership;
import grants.core.programme.PartnershipType;
import grants.core.programme.Programme;
import grants.core.run.AllocationRunStore;
import grants.core.run.IdempotencyKey;
import grants.core.run.ProgrammeStore;
import grants.core.run.RunHeader;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adviser support days (rule R11): entitlements from the latest committed run, advisers, pools of a
 * locality's funded partnerships, and bookings that can never pass a partnership's, a pool's or an
 * adviser's limit.
 */
public final class SupportService {

    /** A booking whose budget line another write changed is decided again, this many times at most. */
    private static final int LEDGER_ATTEMPTS = 20;
    private static final Pattern FINANCIAL_YEAR = Pattern.compile(".*(\\d{4})-(\\d{2})$");

    private final ProgrammeStore programmes;
    private final AllocationRunStore runs;
    private final SupportStore store;
    private final Clock clock;
    private final RandomGenerator random;
    private final BookingCharges charges;

    /** Support days whose bookings commit nothing to a ledger (the local replay, tests of the days alone). */
    public SupportService(ProgrammeStore programmes, AllocationRunStore runs, SupportStore store, Clock clock,
                          RandomGenerator random) {
        this(programmes, runs, store, clock, random, Optional.empty());
    }

    /** Support days whose bookings commit their cost to the programme's ledger, in the booking's transaction. */
    public SupportService(ProgrammeStore programmes, AllocationRunStore runs, SupportStore store, Clock clock,
                          RandomGenerator random, LedgerService ledger) {
        this(programmes, runs, store, clock, random, Optional.of(ledger));
    }

    private SupportService(ProgrammeStore programmes, AllocationRunStore runs, SupportStore store, Clock clock,
                           RandomGenerator random, Optional<LedgerService> ledger) {
        this.programmes = programmes;
        this.runs = runs;
        this.store = store;
        this.clock = clock;
        this.random = random;
        this.charges = new BookingCharges(ledger, clock);
    }

    /** What one committed run entitles each partnership to, and the programme it was computed from. */
    private record Entitlements(Programme programme, RunHeader run, Map<String, Integer> halfDays) {

        int of(String partnershipId) {
            return halfDays.getOrDefault(partnershipId, 0);
        }
    }

    private Entitlements entitlements(String programmeId) {
        RunHeader latest = runs.latest(programmeId).orElseThrow(() -> new ConflictException("NO_COMMITTED_RUN",
                "Programme \"" + programmeId + "\" has no committed allocation run yet: support days come from one."));
        Programme programme = programmes.snapshot(programmeId, latest.inputHash()).orElseThrow(() ->
                new IllegalStateException("run " + latest.runId() + " has no programme snapshot"));
        Map<String, Integer> halfDays = new HashMap<>();
        for (AllocationRow row : runs.rows(programmeId, latest.runId())) {
            halfDays.put(row.partnershipId(), row.status() == Status.FUNDED ? row.supportHalfDays() : 0);
        }
        return new Entitlements(programme, latest, halfDays);
    }

    public Adviser putAdviser(String programmeId, Adviser adviser) {
        if (!programmes.exists(programmeId)) {
            throw new NotFoundException("There is no programme \"" + programmeId + "\".");
        }
        Specialisms.check(adviser.specialisms());
        store.putAdviser(programmeId, adviser);
        return adviser;
    }

    public SupportPool createPool(Actor actor, String programmeId, String poolId, List<String> members) {
        Entitlements entitlements = entitlements(programmeId);
        Programme programme = entitlements.programme();
        if (members.isEmpty()) {
            throw InvalidInputException.of("members", "must name at least one partnership");
        }
        String county = null;
        for (int i = 0; i < members.size(); i++) {
            String field = "members[" + i + "]";
            Partnership member = programme.partnership(members.get(i)).orElseThrow(() ->
                    InvalidInputException.of(field, "names a partnership this programme does not have"));
            if (member.type() != PartnershipType.COUNTY && member.type() != PartnershipType.DISTRICT) {
                throw InvalidInputException.of(field, "is " + member.name() + ", a " + member.type()
                        + " partnership: only a county and its districts may pool their days");
            }
            String locality = member.type() == PartnershipType.COUNTY ? member.id() : member.county();
            if (county != null && !county.equals(locality)) {
                throw InvalidInputException.of(field, "is in the " + locality + " locality, not " + county
                        + ": a pool is one locality's");
            }
            county = locality;
            if (entitlements.of(member.id()) == 0) {
                throw InvalidInputException.of(field, "is " + member.name() + ", which is not funded in run "
                        + entitlements.run().runId() + " (a withdrawn locality, or no project), so it has no days to pool");
            }
        }
        SupportPool pool = new SupportPool(poolId, county, members);
        store.createPool(programmeId, pool, AuditEntry.by(actor, clock.instant(), programmeId, "POOL_CREATED",
                "pool " + pool.id(), null, pool.county() + " locality: " + String.join(", ", pool.members())));
        return pool;
    }

    /**
     * Books adviser time for the caller, recorded in the audit trail with the booking itself (a
     * retried request is not recorded again). With an Idempotency-Key, the booking's id is derived
     * from the key and the caller's subject together, and it is bound to the request: the same caller
     * retrying the same request gets the same booking; the same key with another request is refused;
     * another caller's same key makes their own booking, never returns this one.
     */
    public Booking book(Actor actor, String programmeId, BookingRequest request, Optional<IdempotencyKey> idempotencyKey) {
        String caller = actor.subject();
        Entitlements entitlements = entitlements(programmeId);
        Adviser adviser = store.adviser(programmeId, request.adviserId()).orElseThrow(() ->
                InvalidInputException.of("adviserId", "names no adviser of this programme: \"" + request.adviserId() + "\""));
        checkDate(entitlements, request.date());
        Account account;
        String accountName;
        int accountLimit;
        if ((request.partnershipId() == null) == (request.poolId() == null)) {
            throw InvalidInputException.of("partnershipId", "or poolId must be given, and not both");
        } else if (request.poolId() != null) {
            SupportPool pool = store.pool(programmeId, request.poolId()).orElseThrow(() ->
                    InvalidInputException.of("poolId", "names no support pool: \"" + request.poolId() + "\""));
            account = new Account.OfPool(pool.id());
            accountName = "pool " + pool.id();
            accountLimit = pool.members().stream().mapToInt(entitlements::of).sum();
        } else {
            Partnership partnership = entitlements.programme().partnership(request.partnershipId()).orElseThrow(() ->
                    InvalidInputException.of("partnershipId", "names no partnership: \"" + request.partnershipId() + "\""));
            Optional<String> pool = store.poolOf(programmeId, partnership.id());
            if (pool.isPresent()) {
                throw new ConflictException("IN_A_POOL", partnership.name() + " shares its days in pool "
                        + pool.get() + ": book against the pool.");
            }
            account = new Account.OfPartnership(partnership.id());
            accountName = partnership.name();
            accountLimit = entitlements.of(partnership.id());
        }
        String requestHash = IdempotencyKey.fingerprint(request.adviserId(), request.partnershipId(), request.poolId(),
                request.date(), request.halfDays(), request.topic());
        String bookingId = idempotencyKey.map(key -> "b-" + key.scopedTo(caller).substring(0, 16))
                .orElseGet(() -> "b-" + HexFormat.of().toHexDigits(random.nextLong()));
        Optional<Booking> earlier = store.booking(programmeId, bookingId);
        if (earlier.isPresent()) {
            return replayed(earlier.get(), caller, requestHash, idempotencyKey.orElseThrow());
        }
        if (request.halfDays() > accountLimit) {
            throw new LimitExceededException("the entitlement of", accountName, accountLimit, 0, request.halfDays());
        }
        if (request.halfDays() > adviser.contractedHalfDays()) {
            throw new LimitExceededException("the contract of adviser", adviser.name(), adviser.contractedHalfDays(), 0,
                    request.halfDays());
        }
        Booking booking = new Booking(bookingId, adviser.id(), account, request.date(), request.halfDays(),
                request.topic(), Booking.State.BOOKED, null, clock.instant(), caller, requestHash);
        for (int attempt = 0; attempt < LEDGER_ATTEMPTS; attempt++) {
            LedgerStore.Change charge;
            try {
                charge = charges.charge(programmeId, adviser, booking, actor.name());
            } catch (ConflictException refused) {
                // Decided on what a twin request with the same key had just booked: its booking is the answer.
                Booking twin = store.booking(programmeId, bookingId).orElseThrow(() -> refused);
                return replayed(twin, caller, requestHash, idempotencyKey.orElseThrow());
            }
            AuditEntry entry = AuditEntry.by(actor, clock.instant(), programmeId, "SUPPORT_BOOKED", "booking " + booking.id(),
                    null, Days.format(booking.halfDays()) + " days on " + booking.date() + " for " + booking.account().label()
                            + " with adviser " + booking.adviserId() + ": " + booking.topic()
                            + charge.inWords("committed to"));
            Optional<Booking> stored = store.book(programmeId, booking, accountLimit, adviser.contractedHalfDays(), entry,
                    charge);
            if (stored.isPresent()) {
                // A twin request with the same key may have won the race: it is answered only if it is this one.
                return idempotencyKey.isPresent() ? replayed(stored.get(), caller, requestHash, idempotencyKey.get())
                        : stored.get();
            }
        }
        throw ledgerBusy(programmeId);
    }

    /** The booking an earlier request with this key made, only if it is this caller's and this request's. */
    private static Booking replayed(Booking earlier, String caller, String requestHash, IdempotencyKey key) {
        if (!caller.equals(earlier.bookedBy())) {
            // Not reachable by a key alone (the id is the caller's), but never answer another's booking.
            throw new ConflictException("IDEMPOTENCY_KEY_REUSED", "The " + IdempotencyKey.HEADER + " header \""
                    + key.value() + "\" names a booking you did not make; nothing was done. Send a new "
                    + IdempotencyKey.HEADER + ".");
        }
        if (!requestHash.equals(earlier.requestHash())) {
            throw key.reusedWithAnotherRequest();
        }
        return earlier;
    }

    public Optional<Adviser> adviser(String programmeId, String adviserId) {
        return store.adviser(programmeId, adviserId);
    }

    public List<Adviser> advisers(String programmeId) {
        return store.advisers(programmeId);
    }

    public Booking booking(String programmeId, String bookingId) {
        return store.booking(programmeId, bookingId).orElseThrow(() ->
                new NotFoundException("There is no booking \"" + bookingId + "\"."));
    }

    public Booking deliver(Actor actor, String programmeId, String bookingId, String note) {
        return store.deliver(programmeId, bookingId, note, AuditEntry.by(actor, clock.instant(), programmeId,
                "SUPPORT_DELIVERED", "booking " + bookingId, "BOOKED", "DELIVERED: " + note));
    }

    /** BOOKED to CANCELLED: the days return, and what the booking committed to the ledger is given back with them. */
    public Booking cancel(Actor actor, String programmeId, String bookingId) {
        Booking booking = booking(programmeId, bookingId);
        for (int attempt = 0; attempt < LEDGER_ATTEMPTS; attempt++) {
            LedgerStore.Change release = charges.release(programmeId, booking, actor.name());
            Optional<Booking> cancelled = store.cancel(programmeId, bookingId, AuditEntry.by(actor, clock.instant(),
                    programmeId, "SUPPORT_CANCELLED", "booking " + bookingId, "BOOKED", "CANCELLED: "
                            + Days.format(booking.halfDays()) + " days returned to " + booking.account().label()
                            + release.inWords("given back to")), release);
            if (cancelled.isPresent()) {
                return cancelled.get();
            }
        }
        throw ledgerBusy(programmeId);
    }

    /** A booking whose budget line kept changing under it (other bookings at the same moment): sent again, it is decided afresh. */
    private static ConflictException ledgerBusy(String programmeId) {
        return new ConflictException("CHANGED_MEANWHILE", "The budget of " + programmeId
                + " kept changing while this booking was written: send it again.");
    }

    public List<BalanceLine> balances(String programmeId) {
        Entitlements entitlements = entitlements(programmeId);
        Map<Account, Counters> counters = store.counters(programmeId);
        Map<String, String> poolOf = new HashMap<>();
        List<BalanceLine> lines = new ArrayList<>();
        for (SupportPool pool : store.pools(programmeId)) {
            pool.members().forEach(member -> poolOf.put(member, pool.id()));
            Counters used = counters.getOrDefault(new Account.OfPool(pool.id()), Counters.NONE);
            lines.add(new BalanceLine("POOL", pool.id(), pool.county() + " pool", null,
                    pool.members().stream().mapToInt(entitlements::of).sum(), used.bookedHalfDays(), used.deliveredHalfDays()));
        }
        for (Partnership partnership : entitlements.programme().canonical().partnerships()) {
            Counters used = counters.getOrDefault(new Account.OfPartnership(partnership.id()), Counters.NONE);
            int entitled = entitlements.of(partnership.id());
            if (entitled > 0 || used.bookedHalfDays() > 0) {
                lines.add(new BalanceLine("PARTNERSHIP", partnership.id(), partnership.name(), poolOf.get(partnership.id()),
                        entitled, used.bookedHalfDays(), used.deliveredHalfDays()));
            }
        }
        for (Adviser adviser : store.advisers(programmeId)) {
            Counters used = counters.getOrDefault(new Account.OfAdviser(adviser.id()), Counters.NONE);
            lines.add(new BalanceLine("ADVISER", adviser.id(), adviser.name(), null, adviser.contractedHalfDays(),
                    used.bookedHalfDays(), used.deliveredHalfDays()));
        }
        return lines;
    }

    /**
     * The programme year: for an id ending in a financial year such as {@code 2007-08}, 1 April 2007
     * to 31 March 2008; otherwise the financial year in which the latest run was committed.
     */
    private static void checkDate(Entitlements entitlements, LocalDate date) {
        Matcher year = FINANCIAL_YEAR.matcher(entitlements.programme().programmeId());
        int startYear;
        if (year.matches()) {
            startYear = Integer.parseInt(year.group(1));
        } else {
            LocalDate committed = entitlements.run().committedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate();
            startYear = committed.getMonthValue() >= 4 ? committed.getYear() : committed.getYear() - 1;
        }
        LocalDate start = LocalDate.of(startYear, 4, 1);
        LocalDate end = LocalDate.of(startYear + 1, 3, 31);
        if (date.isBefore(start) || date.isAfter(end)) {
            throw InvalidInputException.of("date", "must fall in the programme year, " + start + " to " + end
                    + ", got " + date);
        }
    }
}
