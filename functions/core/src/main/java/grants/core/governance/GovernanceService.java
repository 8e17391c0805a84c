package grants.core.governance;

import grants.core.access.Actor;
import grants.core.access.ForbiddenException;
import grants.core.access.Role;
import grants.core.audit.AuditEntry;
import grants.core.calendar.WorkingDays;
import grants.core.errors.ConflictException;
import grants.core.errors.InvalidInputException;
import grants.core.errors.NotFoundException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Governance's use cases: the clerk sets up bodies and records meetings and decisions; owners update
 * and complete actions and answer recommendations; scrutiny reviews theme groups; the daily run
 * escalates what is late. Each change is checked against G1-G12 and written with its audit entry in
 * one store call; a refusal changes nothing (403 when it is not the caller's to do, 409 otherwise),
 * and names its G12 reason. Days are Europe/London; everything about lateness is computed.
 */
public final class GovernanceService {

    /** Who the daily run acts as in the audit trail. */
    public static final Actor DAILY_RUN = Actor.system("govern-daily");

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final GovernanceStore store;
    private final PackExceptions performance;
    private final GovernanceSettings settings;
    private final String trailId;
    private final Clock clock;
    private final Optional<RequestKey> request;

    /** @param trailId the register (partnership) whose audit trail governance's changes go in */
    public GovernanceService(GovernanceStore store, PackExceptions performance, GovernanceSettings settings,
                             String trailId, Clock clock) {
        this(store, performance, settings, trailId, clock, Optional.empty());
    }

    private GovernanceService(GovernanceStore store, PackExceptions performance, GovernanceSettings settings,
                              String trailId, Clock clock, Optional<RequestKey> request) {
        this.store = store;
        this.performance = performance;
        this.settings = settings;
        this.trailId = trailId;
        this.clock = clock;
        this.request = request;
    }

    /**
     * The use cases for one request sent with a client's key: the change it makes is kept with the key,
     * and the same request sent again is answered with the record it made, changing nothing; the key
     * with another request is refused ({@code IDEMPOTENCY_KEY_REUSED}, 409).
     */
    public GovernanceService forRequest(RequestKey key) {
        return new GovernanceService(store, performance, settings, trailId, clock, Optional.of(key));
    }

    /** A new action a response makes: the responder owns it (G7). */
    public record NewAction(String id, LocalDate due, String criterion) {
    }

    // ---- the clerk: bodies and meetings ----

    public Body setUpBody(Actor actor, Body body) {
        requireClerk(actor, body.id());
        if (body.kind() == Body.Kind.BOARD && store.bodies().stream()
                .anyMatch(b -> b.kind() == Body.Kind.BOARD && !b.id().equals(body.id()))) {
            throw InvalidInputException.of("kind", "a partnership has exactly one BOARD");
        }
        if (body.kind() == Body.Kind.THEME_GROUP && body.theme().isEmpty()) {
            throw InvalidInputException.of("theme", "a theme group names its theme");
        }
        if (body.quorum() < 1) {
            throw InvalidInputException.of("quorum", "must be a whole number of at least 1");
        }
        Optional<Body> before = store.body(body.id());
        store.putBody(body, entry(actor, before.isEmpty() ? "BODY_SET_UP" : "BODY_CHANGED", "body " + body.id(),
                before.map(AuditedAs::body).orElse(null), AuditedAs.body(body)));
        return body;
    }

    public Meeting recordMeeting(Actor actor, Meeting meeting) {
        requireClerk(actor, meeting.body());
        body(meeting.body());
        Optional<Meeting> before = store.meeting(meeting.body(), meeting.date());
        store.putMeeting(meeting, entry(actor, "MEETING_RECORDED", "meeting " + meeting.body() + " " + meeting.date(),
                before.map(AuditedAs::meeting).orElse(null), AuditedAs.meeting(meeting)));
        return meeting;
    }

    /** An item's quorum as it will be counted (G3), shown before the clerk records the decision. */
    public Quorum quorumFor(Actor actor, String bodyId, LocalDate date, List<String> declared, Optional<String> about) {
        requirePartner(actor);
        return Quorum.of(body(bodyId), meeting(bodyId, date), new HashSet<>(declared), about);
    }

    // ---- decisions ----

    /** A decision at today's meeting of its body (G2-G4, G9); refused with G12's first reason that applies. */
    public Decision decide(Actor actor, DecisionRequest request) {
        requirePartner(actor);
        Optional<Decision> again = answeredBefore(store::decision);
        if (again.isPresent()) {
            return again.get();
        }
        // Who records comes first (G12), before anything about the request is looked up.
        requireClerk(actor, request.id());
        Body body = body(request.body());
        LocalDate today = today();
        Meeting meeting = store.meeting(body.id(), today).orElseThrow(() -> InvalidInputException.of("body",
                body.id() + " has no meeting on " + today + "; a decision is recorded on the day of its meeting"));
        requireNewId("id", request.id());
        Optional<ActionRecord> action = namedAction(request.terms()).map(this::action);
        Optional<ReviewRecord> review = request.terms() instanceof Terms.Report report
                ? Optional.of(review(report.review())) : Optional.empty();
        List<String> addressees = review.map(this::addressees).orElse(List.of());
        if (request.terms() instanceof Terms.Report report) {
            for (Terms.ReportRecommendation r : report.recommendations()) {
                requireNewId("recommendations.id", r.id());
            }
        }
        Deciding.Outcome outcome = refusing(() -> new Deciding(settings, calendar())
                .decide(request, person(actor), actor.has(Role.PROGRAMME_MANAGER), body, meeting, action,
                        review, addressees));
        Decision decision = outcome.decision();
        write(GovernanceStore.Change.of(entry(actor, "DECISION_RECORDED", "decision " + decision.id(), null,
                        AuditedAs.decision(decision))).with(decision)
                .with(outcome.actions().toArray(ActionRecord[]::new))
                .with(outcome.recommendations().toArray(RecommendationRecord[]::new))
                .with(outcome.reviews().toArray(ReviewRecord[]::new)));
        return decision;
    }

    private static Optional<String> namedAction(Terms terms) {
        if (terms instanceof Terms.Variation v) {
            return Optional.of(v.action());
        }
        return terms instanceof Terms.Drop d ? Optional.of(d.action()) : Optional.empty();
    }

    // ---- owners ----

    public ActionRecord update(Actor actor, String actionId, String text) {
        requirePartner(actor);
        Optional<ActionRecord> again = answeredBefore(store::action);
        if (again.isPresent()) {
            return again.get();
        }
        requireText("text", text);
        return changeAction(actor, actionId, "ACTION_UPDATED",
                a -> a.update(person(actor), new Act(today(), person(actor), text)));
    }

    public ActionRecord complete(Actor actor, String actionId, String evidence) {
        requirePartner(actor);
        Optional<ActionRecord> again = answeredBefore(store::action);
        if (again.isPresent()) {
            return again.get();
        }
        return changeAction(actor, actionId, "ACTION_COMPLETED",
                a -> a.complete(person(actor), new Act(today(), person(actor), evidence)));
    }

    /** The answer of the person a recommendation is addressed to: once, with SMART actions or a reason (G7). */
    public RecommendationRecord respond(Actor actor, String recommendationId, RecommendationRecord.Answer answer,
                                        String reason, List<NewAction> actions) {
        requirePartner(actor);
        Optional<RecommendationRecord> again = answeredBefore(store::recommendation);
        if (again.isPresent()) {
            return again.get();
        }
        RecommendationRecord current = recommendation(recommendationId);
        if (answer == RecommendationRecord.Answer.REJECTED && !actions.isEmpty()) {
            throw InvalidInputException.of("actions", "a rejection makes no actions");
        }
        List<String> ids = new ArrayList<>();
        for (NewAction action : actions) {
            requireNewId("actions.id", action.id());
            if (ids.contains(action.id())) {
                throw InvalidInputException.of("actions.id", action.id() + " is given twice");
            }
            ids.add(action.id());
        }
        String by = person(actor);
        LocalDate today = today();
        List<ActionRecord> made = actions.stream().map(a -> ActionRecord.made(a.id(), current.id(), current.body(), by,
                today, a.due(), a.criterion() == null ? "" : a.criterion())).toList();
        RecommendationRecord next = refusing(() -> current.respond(
                new RecommendationRecord.Response(today, by, answer, reason == null ? "" : reason, ids), made));
        write(GovernanceStore.Change.of(entry(actor, "RECOMMENDATION_ANSWERED", "recommendation " + current.id(),
                AuditedAs.recommendation(current), AuditedAs.recommendation(next))).with(next)
                .with(made.toArray(ActionRecord[]::new)));
        return next;
    }

    // ---- scrutiny reviews (G9) ----

    public ReviewRecord scope(Actor actor, String reviewId, String groupId, List<String> indicators) {
        requirePartner(actor);
        Optional<ReviewRecord> again = answeredBefore(store::review);
        if (again.isPresent()) {
            return again.get();
        }
        requireReviewer(actor, reviewId);
        Body group = body(groupId);
        if (group.kind() != Body.Kind.THEME_GROUP) {
            throw InvalidInputException.of("body", groupId + " is not a theme group; scrutiny reviews theme groups");
        }
        requireNewId("review", reviewId);
        for (String indicator : indicators) {
            if (performance.ownerOf(indicator).isEmpty()) {
                throw InvalidInputException.of("indicators", indicator + " is not an indicator of the register");
            }
        }
        ReviewRecord review = ReviewRecord.scoped(reviewId, groupId, indicators, new Act(today(), person(actor), ""));
        write(GovernanceStore.Change.of(entry(actor, "REVIEW_SCOPED", "review " + reviewId, null,
                AuditedAs.review(review))).with(review));
        return review;
    }

    public ReviewRecord addEvidence(Actor actor, String reviewId, String evidenceId, ReviewRecord.EvidenceKind kind,
                                    String summary) {
        requirePartner(actor);
        Optional<ReviewRecord> again = answeredBefore(store::review);
        if (again.isPresent()) {
            return again.get();
        }
        ReviewRecord current = review(reviewId);
        requireReviewer(actor, evidenceId);
        requireNewId("id", evidenceId);
        requireText("summary", summary);
        return changeReview(actor, current, "EVIDENCE_RECORDED", r -> r.add(new ReviewRecord.Evidence(evidenceId,
                kind, summary, today(), person(actor))));
    }

    public ReviewRecord addFinding(Actor actor, String reviewId, String findingId, String text, List<String> evidence) {
        requirePartner(actor);
        Optional<ReviewRecord> again = answeredBefore(store::review);
        if (again.isPresent()) {
            return again.get();
        }
        ReviewRecord current = review(reviewId);
        requireReviewer(actor, findingId);
        requireNewId("id", findingId);
        requireText("text", text);
        for (String cited : evidence) {
            if (!store.idTaken(cited)) {
                throw InvalidInputException.of("evidence", "no evidence " + cited + " has been recorded");
            }
        }
        return changeReview(actor, current, "FINDING_RECORDED", r -> r.add(new ReviewRecord.Finding(findingId, text,
                evidence, today(), person(actor))));
    }

    // ---- the daily run (G6) ----

    /**
     * Escalates, once, every action that at the end of yesterday was open and at least
     * {@code escalationWorkingDays} working days overdue ({@link DailyEscalations}), with nobody's address:
     * the daily run's function gives the run the register's addresses, so that its emails are queued.
     */
    public List<Escalation> runEscalations() {
        return new DailyEscalations(store, settings, trailId, clock, EmailAddresses.NONE).run();
    }

    // ---- reading ----

    /** The console's reads (bodies, a meeting, reviews, the standing of everything), in a class of their own. */
    public GovernanceReads reads() {
        return new GovernanceReads(this, store);
    }

    /** Everything as it stands at the end of today, for a partner who has signed in. */
    public Standing standing(Actor actor) {
        requirePartner(actor);
        return new Standing(store.actions(), calendar(), today());
    }

    /** "My actions and recommendations": those the caller owns or is asked to answer, as they stand today. */
    public MyWork myWork(Actor actor) {
        Standing standing = standing(actor);
        String me = person(actor);
        return new MyWork(store.actions().stream().filter(a -> a.owner().equals(me)).map(standing::of).toList(),
                store.recommendations().stream().filter(r -> r.to().equals(me)).map(standing::of).toList());
    }

    public record MyWork(List<Standing.ActionStatus> actions, List<Standing.RecommendationStatus> recommendations) {
    }

    public ReviewState reviewState(Actor actor, String reviewId) {
        return standing(actor).of(review(reviewId), store::recommendation);
    }

    /** A board meeting's exceptions, each with whether the meeting has decided on it yet (G8). */
    public BoardExceptions exceptions(Actor actor, LocalDate boardMeeting) {
        requirePartner(actor);
        Body board = board();
        meeting(board.id(), boardMeeting);
        return BoardExceptions.of(boardMeeting, performance.exceptionsFor(boardMeeting), store.decisions().stream()
                .filter(d -> d.body().equals(board.id()) && d.meeting().equals(boardMeeting)).toList());
    }

    /** The governance section of a board meeting's pack, as it stood at the end of the day before (G10). */
    public GovernanceSection governanceSection(Actor actor, LocalDate boardMeeting) {
        requirePartner(actor);
        Body board = board();
        meeting(board.id(), boardMeeting);
        Optional<LocalDate> previous = store.meetings().stream().filter(m -> m.body().equals(board.id()))
                .map(Meeting::date).filter(d -> d.isBefore(boardMeeting)).max(LocalDate::compareTo);
        return GovernanceSection.of(boardMeeting, previous, store.actions(), store.recommendations(), calendar());
    }

    /**
     * The decisions log: everything for a partner who has signed in; for anyone else (the public, not
     * signed in) only what G11 allows today. By meeting date, body, then id.
     */
    public List<Publication.Shown> decisionsLog(Actor actor) {
        WorkingDays calendar = calendar();
        LocalDate today = today();
        boolean partner = isPartner(actor);
        return store.decisions().stream()
                .sorted(java.util.Comparator.comparing(Decision::meeting).thenComparing(Decision::body)
                        .thenComparing(Decision::id))
                .map(d -> partner ? Optional.of(Publication.toPartner(d, calendar))
                        : Publication.toPublic(d, today, calendar))
                .flatMap(Optional::stream).toList();
    }

    /** Whether each theme group had a report on it agreed in the 365 days ending today (G9). */
    public List<Coverage> coverage(Actor actor) {
        requirePartner(actor);
        LocalDate today = today();
        LocalDate from = today.minusDays(364);
        return store.bodies().stream().filter(b -> b.kind() == Body.Kind.THEME_GROUP).sorted(
                java.util.Comparator.comparing(Body::id)).map(group -> {
                    Optional<LocalDate> last = store.reviews().stream().filter(r -> r.body().equals(group.id()))
                            .flatMap(r -> r.report().stream()).map(ReviewRecord.Reported::on)
                            .filter(on -> !on.isAfter(today)).max(LocalDate::compareTo);
                    return new Coverage(group.id(), last.filter(on -> !on.isBefore(from)).isPresent(), last);
                }).toList();
    }

    public record Coverage(String body, boolean covered, Optional<LocalDate> lastReportOn) {
    }

    // ---- helpers ----

    private ActionRecord changeAction(Actor actor, String actionId, String what,
                                      java.util.function.UnaryOperator<ActionRecord> change) {
        ActionRecord current = action(actionId);
        ActionRecord next = refusing(() -> change.apply(current));
        write(GovernanceStore.Change.of(entry(actor, what, "action " + actionId, AuditedAs.action(current),
                AuditedAs.action(next))).with(next));
        return next;
    }

    private ReviewRecord changeReview(Actor actor, ReviewRecord current, String what,
                                      java.util.function.UnaryOperator<ReviewRecord> change) {
        ReviewRecord next = refusing(() -> change.apply(current));
        write(GovernanceStore.Change.of(entry(actor, what, "review " + current.id(), AuditedAs.review(current),
                AuditedAs.review(next))).with(next));
        return next;
    }

    /** Runs a rule; a refusal about who asked becomes a 403, the rest stay 409s. */
    private static <T> T refusing(Supplier<T> rule) {
        try {
            return rule.get();
        } catch (RefusedException refused) {
            throw refused.refusal().isAboutWho() ? new ForbiddenActionException(refused) : refused;
        }
    }

    /**
     * The record a request sent before under this key made, as it stands now; empty when the key is new
     * (or none was sent). The key with another request is refused, and nothing is done.
     */
    private <T> Optional<T> answeredBefore(java.util.function.Function<String, Optional<T>> read) {
        if (request.isEmpty()) {
            return Optional.empty();
        }
        Optional<GovernanceStore.Requested> before = store.requested(request.get().key());
        if (before.isEmpty()) {
            return Optional.empty();
        }
        if (!before.get().request().fingerprint().equals(request.get().fingerprint())) {
            throw new ConflictException("IDEMPOTENCY_KEY_REUSED", "The Idempotency-Key header was first sent with a"
                    + " different request; nothing was done. Send a new Idempotency-Key for a new request.");
        }
        return read.apply(before.get().subject());
    }

    private void write(GovernanceStore.Change change) {
        GovernanceStore.Change made = request.map(key -> change.with(new GovernanceStore.Requested(key,
                change.subject()))).orElse(change);
        if (!store.apply(made)) {
            throw new ConflictException("CHANGED_MEANWHILE", "Someone else changed this meanwhile; nothing was"
                    + " changed. Look again and retry.");
        }
    }

    private AuditEntry entry(Actor actor, String action, String target, String before, String after) {
        return AuditEntry.by(actor, clock.instant(), trailId, action, target, before, after);
    }

    /** Who a caller is in governance's records: the person their binding names. */
    private static String person(Actor actor) {
        return actor.personId().orElse(actor.subject());
    }

    private boolean isPartner(Actor actor) {
        return actor != Actor.ANONYMOUS && !actor.subject().equals(Actor.ANONYMOUS.subject())
                && actor.worksOn(trailId);
    }

    /** Partners who sign in (bound in this register) see everything and may act; the public reads the log only. */
    private void requirePartner(Actor actor) {
        if (!isPartner(actor)) {
            throw new ForbiddenException("Only partners of " + trailId + " who have signed in may do this.");
        }
    }

    /** The clerk: a manager bound in this register (a manager of another register is not its clerk). */
    private void requireClerk(Actor actor, String subject) {
        if (!actor.has(Role.PROGRAMME_MANAGER) || !isPartner(actor)) {
            throw new ForbiddenActionException(new RefusedException(Refusal.NOT_ALLOWED, subject));
        }
    }

    /** A review step is a manager's or a member (not an observer) of a scrutiny body (G9, G12). */
    private void requireReviewer(Actor actor, String subject) {
        String me = person(actor);
        boolean scrutineer = store.bodies().stream().filter(b -> b.kind() == Body.Kind.SCRUTINY)
                .anyMatch(b -> b.votes(me));
        if (!scrutineer && !actor.has(Role.PROGRAMME_MANAGER)) {
            throw new ForbiddenActionException(new RefusedException(Refusal.NOT_ALLOWED, subject));
        }
    }

    /** A report's recommendations go to an owner of the review's indicators or the reviewed group's chair. */
    private List<String> addressees(ReviewRecord review) {
        List<String> people = new ArrayList<>();
        review.indicators().forEach(i -> performance.ownerOf(i).ifPresent(people::add));
        store.body(review.body()).flatMap(Body::chair).ifPresent(people::add);
        return people;
    }

    private void requireNewId(String field, String id) {
        if (id == null || id.isBlank()) {
            throw InvalidInputException.of(field, "is missing");
        }
        if (store.idTaken(id)) {
            throw InvalidInputException.of(field, id + " is already the id of something in this register (G1)");
        }
    }

    private static void requireText(String field, String text) {
        if (text == null || text.isBlank()) {
            throw InvalidInputException.of(field, "is empty");
        }
    }

    private Body body(String id) {
        return store.body(id).orElseThrow(() -> new NotFoundException("No body " + id + " has been set up."));
    }

    private Body board() {
        return store.bodies().stream().filter(b -> b.kind() == Body.Kind.BOARD).findFirst()
                .orElseThrow(() -> new NotFoundException("No board has been set up."));
    }

    private Meeting meeting(String body, LocalDate date) {
        return store.meeting(body, date).orElseThrow(() -> new NotFoundException("No meeting of " + body + " on "
                + date + " has been recorded."));
    }

    private ActionRecord action(String id) {
        return store.action(id).orElseThrow(() -> new NotFoundException("No action " + id + " has been decided."));
    }

    private RecommendationRecord recommendation(String id) {
        return store.recommendation(id).orElseThrow(() -> new NotFoundException("No recommendation " + id
                + " has been made."));
    }

    private ReviewRecord review(String id) {
        return store.review(id).orElseThrow(() -> new NotFoundException("No review " + id + " has been scoped."));
    }

    private WorkingDays calendar() {
        return new WorkingDays(store.bankHolidays());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LONDON);
    }
}
