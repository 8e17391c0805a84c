package grants.testing;

import grants.core.audit.AuditEntry;
import grants.core.governance.ActionRecord;
import grants.core.governance.Body;
import grants.core.governance.Decision;
import grants.core.governance.Escalation;
import grants.core.governance.GovernanceStore;
import grants.core.governance.Meeting;
import grants.core.governance.RecommendationRecord;
import grants.core.governance.ReviewRecord;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * {@link GovernanceStore} in memory, with the real store's refusals: a change is written whole or not
 * at all, a new record only under an id nothing has, a changed one only over the version it was read
 * at, an escalation once per action, and an audit entry only with its change. Open actions are kept
 * indexed by due day, as the daily run reads them.
 */
public final class InMemoryGovernanceStore implements GovernanceStore {

    private final Map<String, Body> bodies = new TreeMap<>();
    private final Map<String, Meeting> meetings = new TreeMap<>();
    private final Map<String, Decision> decisions = new TreeMap<>();
    private final Map<String, ActionRecord> actions = new TreeMap<>();
    private final Map<String, RecommendationRecord> recommendations = new TreeMap<>();
    private final Map<String, ReviewRecord> reviews = new TreeMap<>();
    private final Map<String, Escalation> escalations = new TreeMap<>();
    private final Map<String, Requested> requested = new TreeMap<>();
    private final NavigableMap<LocalDate, Set<String>> openByDue = new TreeMap<>();
    private final List<LocalDate> bankHolidays;
    private final InMemoryAuditTrail trail;

    public InMemoryGovernanceStore(Collection<LocalDate> bankHolidays, InMemoryAuditTrail trail) {
        this.bankHolidays = bankHolidays.stream().sorted().toList();
        this.trail = trail;
    }

    public InMemoryAuditTrail trail() {
        return trail;
    }

    /** The escalation emails, in the order the ledger took them. */
    public synchronized List<Escalation> outbox() {
        return escalations.values().stream().sorted(Comparator.comparing(Escalation::on)
                .thenComparing(Escalation::action)).toList();
    }

    @Override
    public synchronized boolean apply(Change change) {
        if (change.decision().filter(d -> idTaken(d.id())).isPresent()
                || !change.actions().stream().allMatch(a -> fits(a.id(), a.version(), actions, ActionRecord::version))
                || !change.recommendations().stream().allMatch(r -> fits(r.id(), r.version(), recommendations,
                RecommendationRecord::version))
                || !change.reviews().stream().allMatch(r -> fits(r.id(), r.version(), reviews, ReviewRecord::version))
                || change.escalation().filter(e -> escalations.containsKey(e.action())).isPresent()
                || change.requested().filter(r -> requested.containsKey(r.request().key())).isPresent()) {
            return false;
        }
        change.requested().ifPresent(r -> requested.put(r.request().key(), r));
        change.decision().ifPresent(d -> decisions.put(d.id(), d));
        change.actions().forEach(this::putAction);
        change.recommendations().forEach(r -> recommendations.put(r.id(), r));
        change.reviews().forEach(r -> reviews.put(r.id(), r));
        change.escalation().ifPresent(e -> escalations.put(e.action(), e));
        trail.append(change.audit());
        return true;
    }

    /** A new record (version 1) only under an id nothing has yet; a changed one only over the version before it. */
    private <T> boolean fits(String id, long version, Map<String, T> records, Function<T, Long> versionOf) {
        T current = records.get(id);
        if (version == 1) {
            return current == null && !idTaken(id);
        }
        return current != null && versionOf.apply(current) == version - 1;
    }

    private void putAction(ActionRecord action) {
        ActionRecord before = actions.put(action.id(), action);
        if (before != null) {
            Optional.ofNullable(openByDue.get(before.due())).ifPresent(ids -> ids.remove(action.id()));
        }
        if (action.closedOn().isEmpty() && action.escalatedOn().isEmpty()) {
            openByDue.computeIfAbsent(action.due(), day -> new TreeSet<>()).add(action.id());
        }
    }

    @Override
    public synchronized void putBody(Body body, AuditEntry audit) {
        bodies.put(body.id(), body);
        trail.append(audit);
    }

    @Override
    public synchronized void putMeeting(Meeting meeting, AuditEntry audit) {
        meetings.put(meeting.body() + "/" + meeting.date(), meeting);
        trail.append(audit);
    }

    @Override
    public synchronized List<Body> bodies() {
        return List.copyOf(bodies.values());
    }

    @Override
    public synchronized Optional<Body> body(String id) {
        return Optional.ofNullable(bodies.get(id));
    }

    @Override
    public synchronized List<Meeting> meetings() {
        return meetings.values().stream().sorted(Comparator.comparing(Meeting::date).thenComparing(Meeting::body))
                .toList();
    }

    @Override
    public synchronized Optional<Meeting> meeting(String body, LocalDate date) {
        return Optional.ofNullable(meetings.get(body + "/" + date));
    }

    @Override
    public synchronized List<Decision> decisions() {
        return List.copyOf(decisions.values());
    }

    @Override
    public synchronized Optional<Decision> decision(String id) {
        return Optional.ofNullable(decisions.get(id));
    }

    @Override
    public synchronized List<ActionRecord> actions() {
        return List.copyOf(actions.values());
    }

    @Override
    public synchronized Optional<ActionRecord> action(String id) {
        return Optional.ofNullable(actions.get(id));
    }

    @Override
    public synchronized List<RecommendationRecord> recommendations() {
        return List.copyOf(recommendations.values());
    }

    @Override
    public synchronized Optional<RecommendationRecord> recommendation(String id) {
        return Optional.ofNullable(recommendations.get(id));
    }

    @Override
    public synchronized List<ReviewRecord> reviews() {
        return List.copyOf(reviews.values());
    }

    @Override
    public synchronized Optional<ReviewRecord> review(String id) {
        return Optional.ofNullable(reviews.get(id));
    }

    @Override
    public synchronized boolean idTaken(String id) {
        return decisions.containsKey(id) || actions.containsKey(id) || recommendations.containsKey(id)
                || reviews.containsKey(id) || reviews.values().stream().anyMatch(r -> r.hasEvidence(id)
                || r.findings().stream().anyMatch(f -> f.id().equals(id)));
    }

    /** Reads only the due days before {@code day}: its cost grows with what is due, never with every action. */
    @Override
    public synchronized List<ActionRecord> openActionsDueBefore(LocalDate day) {
        List<ActionRecord> due = new ArrayList<>();
        openByDue.headMap(day, false).values().forEach(ids -> ids.forEach(id -> due.add(actions.get(id))));
        return due;
    }

    @Override
    public synchronized Optional<Requested> requested(String key) {
        return Optional.ofNullable(requested.get(key));
    }

    @Override
    public synchronized List<Escalation> escalations() {
        return outbox();
    }

    @Override
    public synchronized List<LocalDate> bankHolidays() {
        return bankHolidays;
    }
}
