package grants.testing;

import grants.core.audit.AuditEntry;
import grants.core.evaluation.EvaluationStore;
import grants.core.evaluation.Invitation;
import grants.core.evaluation.InterviewNote;
import grants.core.evaluation.Recommendations;
import grants.core.evaluation.Survey;
import grants.core.evaluation.SurveyAnswer;
import grants.core.evaluation.SurveyLink;
import grants.core.evaluation.SurveyState;
import grants.core.evaluation.Wave;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The evaluation's store in memory, with the Dynamo store's refusals: an opened survey is never replaced
 * by a draft, a survey only over the one read, an invitation answered once, a reminder written once;
 * an audit entry only with its change. Links are kept by hash only, as the table keeps them.
 */
public final class InMemoryEvaluationStore implements EvaluationStore {

    private final InMemoryAuditTrail trail;
    private final Map<String, Survey> surveys = new TreeMap<>();
    private final Map<String, Invitation> invitations = new TreeMap<>();
    private final Map<String, SurveyLink> links = new TreeMap<>();
    private final Set<String> reminders = new HashSet<>();
    private final Map<String, SurveyAnswer> answers = new TreeMap<>();
    private final Map<String, InterviewNote> interviews = new TreeMap<>();
    private final Map<String, Recommendations> recommendations = new TreeMap<>();

    public InMemoryEvaluationStore(InMemoryAuditTrail trail) {
        this.trail = trail;
    }

    private static String key(String programmeId, Wave wave) {
        return programmeId + "/" + wave;
    }

    private static String key(Invitation invitation) {
        return key(invitation.programmeId(), invitation.wave()) + "/" + invitation.contactKey();
    }

    @Override
    public synchronized Optional<Survey> survey(String programmeId, Wave wave) {
        return Optional.ofNullable(surveys.get(key(programmeId, wave)));
    }

    @Override
    public synchronized List<Survey> surveys(String programmeId) {
        return surveys.values().stream().filter(s -> s.programmeId().equals(programmeId)).toList();
    }

    @Override
    public synchronized boolean saveDraft(Survey survey, AuditEntry entry) {
        Survey before = surveys.get(key(survey.programmeId(), survey.wave()));
        if (before != null && before.state() != SurveyState.DRAFT) {
            return false;
        }
        surveys.put(key(survey.programmeId(), survey.wave()), survey);
        trail.append(entry);
        return true;
    }

    @Override
    public synchronized boolean replace(Survey before, Survey after, AuditEntry entry) {
        if (!before.equals(surveys.get(key(before.programmeId(), before.wave())))) {
            return false;
        }
        surveys.put(key(after.programmeId(), after.wave()), after);
        trail.append(entry);
        return true;
    }

    @Override
    public synchronized void addInvitation(Invitation invitation) {
        invitations.putIfAbsent(key(invitation), invitation);
    }

    @Override
    public synchronized List<Invitation> invitations(String programmeId, Wave wave) {
        return invitations.values().stream().filter(i -> i.programmeId().equals(programmeId) && i.wave() == wave).toList();
    }

    @Override
    public synchronized void addLink(SurveyLink link) {
        if (links.putIfAbsent(link.tokenHash(), link) != null) {
            throw new IllegalStateException("a link's hash is never drawn twice");
        }
    }

    @Override
    public synchronized Optional<SurveyLink> link(String tokenHash) {
        return Optional.ofNullable(links.get(tokenHash));
    }

    /** Every hash kept: what someone reading the table would find. */
    public synchronized Set<String> linkHashes() {
        return Set.copyOf(links.keySet());
    }

    @Override
    public synchronized void invited(Invitation invitation, AuditEntry entry) {
        Invitation kept = invitations.get(key(invitation));
        invitations.put(key(invitation), new Invitation(kept.programmeId(), kept.wave(), kept.contactKey(),
                kept.partnershipId(), kept.name(), kept.email(), invitation.invitedOn(), kept.answeredOn()));
        trail.append(entry);
    }

    @Override
    public synchronized boolean claimReminder(Invitation invitation, int number, AuditEntry entry) {
        if (!reminders.add(key(invitation) + "/" + number)) {
            return false;
        }
        trail.append(entry);
        return true;
    }

    @Override
    public synchronized boolean answer(SurveyAnswer answer, AuditEntry entry) {
        String key = key(answer.programmeId(), answer.wave()) + "/" + answer.contactKey();
        Invitation invitation = invitations.get(key);
        if (invitation == null || invitation.isAnswered()) {
            return false;
        }
        invitations.put(key, new Invitation(invitation.programmeId(), invitation.wave(), invitation.contactKey(),
                invitation.partnershipId(), invitation.name(), invitation.email(), invitation.invitedOn(),
                Optional.of(answer.on())));
        answers.put(key, answer);
        trail.append(entry);
        return true;
    }

    @Override
    public synchronized List<SurveyAnswer> answers(String programmeId, Wave wave) {
        return answers.values().stream().filter(a -> a.programmeId().equals(programmeId) && a.wave() == wave).toList();
    }

    @Override
    public synchronized void putInterview(InterviewNote note, AuditEntry entry) {
        interviews.put(note.programmeId() + "/" + note.interviewId(), note);
        trail.append(entry);
    }

    @Override
    public synchronized List<InterviewNote> interviews(String programmeId) {
        return new ArrayList<>(interviews.values().stream().filter(n -> n.programmeId().equals(programmeId)).toList());
    }

    @Override
    public synchronized void putRecommendations(Recommendations kept, AuditEntry entry) {
        recommendations.put(kept.programmeId(), kept);
        trail.append(entry);
    }

    @Override
    public synchronized Optional<Recommendations> recommendations(String programmeId) {
        return Optional.ofNullable(recommendations.get(programmeId));
    }
}
