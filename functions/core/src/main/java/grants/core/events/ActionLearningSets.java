package grants.core.events;

import grants.core.access.Actor;
import grants.core.access.ForbiddenException;
import grants.core.audit.AuditEntry;
import grants.core.errors.ConflictException;
import grants.core.errors.InvalidInputException;
import grants.core.errors.NotFoundException;
import grants.core.errors.Problem;
import grants.core.support.SupportStore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Action Learning Sets: the manager forms a set of representatives with a facilitating adviser; the facilitator
 * writes the notes of each meeting; only the set's members and its facilitator read them. The manager sees who
 * is in a set but not its notes: a set speaks freely because its notes stay within it.
 */
public final class ActionLearningSets {

    private final SupportStore support;
    private final EventStore store;
    private final Clock clock;

    public ActionLearningSets(SupportStore support, EventStore store, Clock clock) {
        this.support = support;
        this.store = store;
        this.clock = clock;
    }

    public LearningSet create(Actor actor, String programmeId, LearningSet set) {
        List<Problem> problems = new ArrayList<>();
        if (set.id() == null || !EventChecks.ID.matcher(set.id()).matches()) {
            problems.add(new Problem("setId", "must be lower-case letters, digits and single hyphens"));
        }
        if (set.name() == null || set.name().isBlank()) {
            problems.add(new Problem("name", "must be given"));
        }
        if (set.facilitator() == null || support.adviser(programmeId, set.facilitator()).isEmpty()) {
            problems.add(new Problem("facilitator", "names no adviser of this programme"));
        }
        if (set.members().isEmpty()) {
            problems.add(new Problem("members", "must name at least one representative"));
        }
        for (int i = 0; i < set.members().size(); i++) {
            LearningSet.Member member = set.members().get(i);
            if (member.partnershipId() == null || member.partnershipId().isBlank()) {
                problems.add(new Problem("members[" + i + "].partnershipId", "must name their partnership"));
            }
            if (!EventChecks.isAddress(member.email())) {
                problems.add(new Problem("members[" + i + "].email", "must be an email address, such as name@example.org"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The set has " + problems.size() + " problem(s).", problems);
        }
        AuditEntry entry = AuditEntry.by(actor, clock.instant(), programmeId, "LEARNING_SET_CREATED", "set " + set.id(),
                null, set.name() + ", facilitated by " + set.facilitator() + ", " + set.members().size() + " members");
        if (!store.createSet(programmeId, set, entry)) {
            LearningSet existing = store.set(programmeId, set.id()).orElseThrow();
            if (!existing.equals(set)) {
                throw new ConflictException("SET_EXISTS", "Action Learning Set \"" + set.id() + "\" exists already.");
            }
        }
        return set;
    }

    public LearningSet set(String programmeId, String setId) {
        return store.set(programmeId, setId).orElseThrow(() ->
                new NotFoundException("There is no Action Learning Set \"" + setId + "\"."));
    }

    public List<LearningSet> sets(String programmeId) {
        return store.sets(programmeId);
    }

    /** The notes of the set's meetings, for its members and its facilitator only. */
    public List<SetNote> notes(Actor actor, String programmeId, String setId) {
        LearningSet set = set(programmeId, setId);
        if (!actor.isAdviser(set.facilitator()) && !(actor.has(grants.core.access.Role.PARTNERSHIP_MEMBER)
                && set.hasMember(actor.email()))) {
            throw new ForbiddenException("A set's notes are for its members and its facilitator only.");
        }
        return store.notes(programmeId, setId);
    }

    /** The facilitator writes a meeting's notes; writing the same meeting's again replaces them. */
    public SetNote writeNote(Actor actor, String programmeId, String setId, String meetingId, String text) {
        LearningSet set = set(programmeId, setId);
        if (!actor.isAdviser(set.facilitator())) {
            throw new ForbiddenException("Only the set's facilitator writes its notes.");
        }
        List<Problem> problems = new ArrayList<>();
        if (meetingId == null || store.roll(programmeId, meetingId)
                .filter(roll -> setId.equals(roll.event().setId())).isEmpty()) {
            problems.add(new Problem("meetingId", "must name one of this set's meetings"));
        }
        if (text == null || text.isBlank()) {
            problems.add(new Problem("text", "must be given"));
        } else if (text.length() > 20_000) {
            problems.add(new Problem("text", "must be 20,000 characters or fewer"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The notes have " + problems.size() + " problem(s).", problems);
        }
        SetNote note = new SetNote(setId, meetingId, text.strip(), clock.instant(), actor.subject());
        // The trail says that notes were written, never what they say: they are the set's.
        store.putNote(programmeId, note, AuditEntry.by(actor, clock.instant(), programmeId, "LEARNING_SET_NOTES_WRITTEN",
                "set " + setId, null, "notes of meeting " + meetingId));
        return note;
    }
}
