package grants.core.reporting;

import grants.core.access.Actor;
import grants.core.access.ForbiddenException;
import grants.core.access.Role;
import grants.core.audit.AuditEntry;
import grants.core.errors.ConflictException;
import grants.core.errors.InvalidInputException;
import grants.core.errors.NotFoundException;
import grants.core.errors.Problem;
import grants.core.run.IdempotencyKey;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Performance reporting's use cases: a manager keeps the register; an indicator's owner (or a
 * manager) records its quarterly figures, and the owner alone its narrative; partners read cards
 * and board packs; the public reads what board meetings have reviewed (P9). Every status is
 * computed (P5, P6), every change is written with its audit entry in one transaction, and a
 * refusal changes nothing (403 when it is about who asked, 409 or 400 otherwise). Days are
 * Europe/London; the audit trail is the register's own ({@code registerId}).
 */
public final class ReportingService {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final ReportingStore store;
    private final ContributingAgreement.Source agreements;
    private final Clock clock;

    public ReportingService(ReportingStore store, ContributingAgreement.Source agreements, Clock clock) {
        this.store = store;
        this.agreements = agreements;
        this.clock = clock;
    }

    // ---- keeping the register (a manager bound to it) ----

    public Register createRegister(Actor actor, String registerId, String note) {
        return keepRegister(actor, registerId, note, OptionalInt.empty());
    }

    /**
     * The register's own settings ({@code PUT /registers/{id}}): creates it if there is none (its owners reminded
     * {@code ownerReminderWorkingDays} before figures are due, or the default), else changes how many working days
     * before, when given, audited {@code OWNER_REMINDERS_KEPT}; the same again records nothing.
     */
    public Register keepRegister(Actor actor, String registerId, String note, OptionalInt ownerReminderWorkingDays) {
        requireManager(actor, registerId);
        if (store.register(registerId).isEmpty()) {
            Register fresh = Register.empty(registerId, note,
                    ownerReminderWorkingDays.orElse(Register.DEFAULT_OWNER_REMINDER_WORKING_DAYS));
            store.create(fresh, entry(actor, registerId, "REGISTER_CREATED", "register " + registerId, null,
                    note == null ? "created" : note));
            return load(registerId);
        }
        if (ownerReminderWorkingDays.isEmpty()) {
            return load(registerId);
        }
        return changeRegister(actor, registerId, "OWNER_REMINDERS_KEPT", "register " + registerId,
                r -> r.withOwnerReminderWorkingDays(ownerReminderWorkingDays.getAsInt()),
                r -> "owners reminded " + r.ownerReminderWorkingDays() + " working days before their figures are due");
    }

    public Register saveTheme(Actor actor, String registerId, Theme theme) {
        return changeRegister(actor, registerId, "THEME_SAVED", "theme " + theme.id(), r -> r.withTheme(theme),
                r -> AuditedAs.theme(r.theme(theme.id()).orElse(null)));
    }

    public Register saveOutcome(Actor actor, String registerId, Outcome outcome) {
        return changeRegister(actor, registerId, "OUTCOME_SAVED", "outcome " + outcome.id(),
                r -> r.withOutcome(outcome), r -> AuditedAs.outcome(r.outcome(outcome.id()).orElse(null)));
    }

    public Register savePerson(Actor actor, String registerId, Person person) {
        return changeRegister(actor, registerId, "PERSON_SAVED", "person " + person.id(), r -> r.withPerson(person),
                r -> AuditedAs.person(r.person(person.id()).orElse(null)));
    }

    /**
     * Adds or changes an indicator. Its contributing agreements must be monitored; once it has
     * figures, its measure, accumulation and polarity are refused any change ({@link Refusal#LOCKED}).
     */
    public Register saveIndicator(Actor actor, String registerId, Indicator indicator) {
        requireManager(actor, registerId);
        List<Problem> unknown = new ArrayList<>();
        for (int i = 0; i < indicator.contributions().size(); i++) {
            if (agreements.agreement(indicator.contributions().get(i)).isEmpty()) {
                unknown.add(new Problem("indicator.contributions[" + i + "]", "must be a monitored agreement"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("The indicator was refused: " + unknown.size() + " problem(s).", unknown);
        }
        boolean hasFigures = store.observations(registerId).stream()
                .anyMatch(o -> o.indicator().equals(indicator.id()));
        return changeRegister(actor, registerId, "INDICATOR_SAVED", "indicator " + indicator.id(),
                r -> r.withIndicator(indicator, hasFigures), r -> AuditedAs.indicator(r.indicator(indicator.id()).orElse(null)));
    }

    public Register addMeeting(Actor actor, String registerId, Meeting meeting) {
        return changeRegister(actor, registerId, "MEETING_ADDED", "meeting " + meeting.date(),
                r -> r.withMeeting(meeting), r -> r.meeting(meeting.date()).map(AuditedAs::meeting).orElse(null));
    }

    // ---- figures and narratives ----

    /**
     * Records a quarter's figure, by the indicator's owner or a manager. Refused, in P10's order: by
     * anyone else; for a quarter before the baseline's; for a quarter not yet over; as a second
     * figure of the quarter (a revision) without a reason.
     */
    public Observation record(Actor actor, String registerId, String indicatorId, Period period, Figure figure,
                              Observation.Finality finality, String revisionReason) {
        return record(actor, registerId, indicatorId, period, figure, finality, revisionReason, Optional.empty());
    }

    /**
     * The same, once per {@code Idempotency-Key}: a retry of the request with its key (after the owner check)
     * is answered with the figure it recorded, and records nothing; the key with another request is refused.
     */
    public Observation record(Actor actor, String registerId, String indicatorId, Period period, Figure figure,
                              Observation.Finality finality, String revisionReason, Optional<IdempotencyKey> key) {
        Register register = readable(actor, registerId);
        Indicator indicator = indicatorOf(register, indicatorId);
        String subject = "indicator " + indicatorId + " " + period;
        boolean manager = isManager(actor, registerId);
        if (!manager && !isOwner(actor, indicator)) {
            throw new NotYoursException(Refusal.NOT_OWNER, subject);
        }
        Optional<String> requestKey = key.map(k -> k.scopedTo(actor.subject()));
        String fingerprint = IdempotencyKey.fingerprint(indicatorId, period, figure.value(), figure.numerator(),
                figure.denominator(), finality, revisionReason);
        Optional<ReportingStore.Requested> retried = requestKey.flatMap(k -> store.requested(registerId, k));
        if (retried.isPresent()) {
            if (!retried.get().fingerprint().equals(fingerprint)) {
                throw key.orElseThrow().reusedWithAnotherRequest();
            }
            return retried.get().observation();
        }
        List<Problem> problems = figure.problems(indicator.accumulation());
        if (finality == null) {
            problems = new ArrayList<>(problems);
            problems.add(new Problem("status", "must be PROVISIONAL or FINAL"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The figure was refused: " + problems.size() + " problem(s).", problems);
        }
        if (period.isBefore(indicator.baseline().period())) {
            throw new RefusedException(Refusal.BEFORE_BASELINE, subject);
        }
        LocalDate today = today();
        if (!period.endedBefore(today)) {
            throw new RefusedException(Refusal.QUARTER_NOT_ENDED, subject);
        }
        List<Observation> earlier = store.observations(registerId).stream()
                .filter(o -> o.indicator().equals(indicatorId) && o.period().equals(period)).toList();
        Optional<String> reason = Optional.ofNullable(revisionReason).filter(r -> !r.isBlank());
        if (!earlier.isEmpty() && reason.isEmpty()) {
            throw new RefusedException(Refusal.REVISION_WITHOUT_REASON, subject);
        }
        Observation observation = new Observation(indicatorId, period, earlier.size() + 1, figure, finality,
                personOf(actor), today, earlier.isEmpty() ? Optional.empty() : reason);
        AuditEntry entry = entry(actor, registerId, observation.isRevision() ? "FIGURE_REVISED" : "FIGURE_RECORDED",
                subject, earlier.isEmpty() ? null : AuditedAs.observation(earlier.get(earlier.size() - 1)),
                AuditedAs.observation(observation));
        boolean added = requestKey.isPresent()
                ? store.addRequestedObservation(registerId, new ReportingStore.Requested(requestKey.get(), fingerprint,
                        observation), entry)
                : store.addObservation(registerId, observation, entry);
        if (!added) {
            throw changedMeanwhile(subject);
        }
        return observation;
    }

    /** The owner's "what we've achieved" and "what next" for a quarter: written by the owner alone (P7, P10). */
    public Narrative narrate(Actor actor, String registerId, String indicatorId, Period period, String achieved,
                             String next) {
        Register register = readable(actor, registerId);
        Indicator indicator = indicatorOf(register, indicatorId);
        String subject = "indicator " + indicatorId + " " + period;
        if (!isOwner(actor, indicator)) {
            throw new NotYoursException(Refusal.NOT_NARRATIVE_OWNER, subject);
        }
        List<Problem> problems = new ArrayList<>();
        if (achieved == null || achieved.isBlank()) {
            problems.add(new Problem("achieved", "is required"));
        }
        if (next == null || next.isBlank()) {
            problems.add(new Problem("next", "is required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The narrative was refused: " + problems.size() + " problem(s).", problems);
        }
        Narrative narrative = new Narrative(indicatorId, period, achieved, next, personOf(actor), today());
        store.addNarrative(registerId, narrative, entry(actor, registerId, "NARRATIVE_WRITTEN", subject, null,
                AuditedAs.narrative(narrative)));
        return narrative;
    }

    // ---- reading: partners who sign in see every figure ----

    public Register register(Actor actor, String registerId) {
        return readable(actor, registerId);
    }

    /** An indicator owner's own indicators. */
    public List<Indicator> indicatorsOf(Actor actor, String registerId) {
        Register register = readable(actor, registerId);
        return register.indicators().stream().filter(i -> isOwner(actor, i)).toList();
    }

    /** The card of a quarter as its figures stand now. */
    public ReportCard card(Actor actor, String registerId, String indicatorId, Period period) {
        Register register = readable(actor, registerId);
        return cardAsOf(register, indicatorOf(register, indicatorId), period, today());
    }

    /**
     * Each indicator's card of its latest quarter with a figure, as the figures stand now (an indicator
     * with no figure yet has none): what the register's page shows beside each indicator.
     */
    public Map<String, ReportCard> latestCards(Actor actor, String registerId) {
        Register register = readable(actor, registerId);
        Map<String, Period> latest = new HashMap<>();
        store.observations(registerId).forEach(o -> latest.merge(o.indicator(), o.period(),
                (one, other) -> one.isBefore(other) ? other : one));
        Map<String, ReportCard> cards = new HashMap<>();
        register.indicators().stream().filter(i -> latest.containsKey(i.id()))
                .forEach(i -> cards.put(i.id(), cardAsOf(register, i, latest.get(i.id()), today())));
        return cards;
    }

    /** P8: a meeting's pack, as the figures stood at the end of the day before it, whenever it is asked for. */
    public BoardPack boardPack(Actor actor, String registerId, LocalDate meetingDate) {
        Register register = readable(actor, registerId);
        Meeting meeting = register.meeting(meetingDate).orElseThrow(() -> new NotFoundException(
                "Register " + registerId + " has no board meeting on " + meetingDate + "."));
        return pack(register, meeting);
    }

    // ---- reading: the public (P9), no sign-in ----

    public List<PublicFigure> publicFigures(String registerId) {
        return Publication.figures(load(registerId), store.observations(registerId), today());
    }

    /**
     * What open data describes beside the public figures: the register's themes, outcomes, indicators (baselines,
     * targets) and meetings, without its people (their names and addresses are not the public's).
     */
    public Register publicRegister(String registerId) {
        Register register = load(registerId);
        return new Register(register.registerId(), register.note(), register.themes(), register.outcomes(), List.of(),
                register.indicators(), register.meetings(), register.ownerReminderWorkingDays(), register.version());
    }

    /** The card the latest meeting reviewing the quarter saw, whole; not found until a meeting has reviewed it. */
    public ReportCard publicCard(String registerId, String indicatorId, Period period) {
        Register register = load(registerId);
        Indicator indicator = indicatorOf(register, indicatorId);
        Meeting meeting = Publication.latestReview(register, period, today()).orElseThrow(() -> new NotFoundException(
                "No board meeting has reviewed " + period + " yet, so its figures are not public."));
        return cardAsOf(register, indicator, period, meeting.figuresAsOf());
    }

    // ---- helpers ----

    private BoardPack pack(Register register, Meeting meeting) {
        List<ReportCard> cards = register.indicators().stream()
                .map(indicator -> cardAsOf(register, indicator, meeting.reviews(), meeting.figuresAsOf())).toList();
        return BoardPack.of(register, meeting, cards);
    }

    private ReportCard cardAsOf(Register register, Indicator indicator, Period period, LocalDate asOf) {
        List<ContributingAgreement> contributions = indicator.contributions().stream()
                .map(agreements::agreement).flatMap(Optional::stream).toList();
        return ReportCards.card(register, indicator, period, store.observations(register.registerId()),
                store.narratives(register.registerId()), contributions, asOf);
    }

    private Register changeRegister(Actor actor, String registerId, String action, String target,
                                    UnaryOperator<Register> change, Function<Register, String> words) {
        requireManager(actor, registerId);
        Register current = load(registerId);
        Register next = change.apply(current);
        String before = words.apply(current);
        String after = words.apply(next);
        if (after.equals(before)) {
            return current; // saving what is already there records nothing
        }
        if (!store.replace(next, current.version(), entry(actor, registerId, action, target, before, after))) {
            throw changedMeanwhile("register " + registerId);
        }
        return next;
    }

    private Register readable(Actor actor, String registerId) {
        if (actor.roles().isEmpty() || !actor.worksOn(registerId)) {
            throw new ForbiddenException("Only partners bound to register " + registerId + " see all its figures.");
        }
        return load(registerId);
    }

    private Register load(String registerId) {
        return store.register(registerId)
                .orElseThrow(() -> new NotFoundException("No indicator register " + registerId + "."));
    }

    private static Indicator indicatorOf(Register register, String indicatorId) {
        return register.indicator(indicatorId).orElseThrow(() -> new NotFoundException(
                "Register " + register.registerId() + " has no indicator " + indicatorId + "."));
    }

    private static void requireManager(Actor actor, String registerId) {
        if (!isManager(actor, registerId)) {
            throw new NotYoursException(Refusal.NOT_MANAGER, "register " + registerId);
        }
    }

    private static boolean isManager(Actor actor, String registerId) {
        return actor.has(Role.PROGRAMME_MANAGER) && actor.worksOn(registerId);
    }

    /** The indicator's owner: bound as the person the register names as its owner. */
    private static boolean isOwner(Actor actor, Indicator indicator) {
        return actor.is(Role.INDICATOR_OWNER, indicator.owner());
    }

    private static String personOf(Actor actor) {
        return actor.personId().orElse(actor.subject());
    }

    private AuditEntry entry(Actor actor, String registerId, String action, String target, String before,
                             String after) {
        return AuditEntry.by(actor, clock.instant(), registerId, action, target, before, after);
    }

    private static ConflictException changedMeanwhile(String subject) {
        return new ConflictException("CHANGED_MEANWHILE", subject
                + " was changed by someone else meanwhile; nothing was changed. Look again and retry.");
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LONDON);
    }
}
