package grants.core.evaluation;

import grants.core.audit.AuditEntry;

import java.util.List;
import java.util.Optional;

/**
 * A programme's surveys, invitations, links, answers, interview notes and recommendations (outbound
 * port: conditional writes, each change with its audit entry in one transaction).
 */
public interface EvaluationStore {

    Optional<Survey> survey(String programmeId, Wave wave);

    List<Survey> surveys(String programmeId);

    /** Keeps a draft: only where there is none or a draft (an opened survey is never changed); false if opened. */
    boolean saveDraft(Survey survey, AuditEntry entry);

    /** DRAFT to OPEN, or a reminder counted, only over the survey as read ({@code before}); false if it changed. */
    boolean replace(Survey before, Survey after, AuditEntry entry);

    /** Adds the invitation unless the contact has one already (opening again adds nobody twice). */
    void addInvitation(Invitation invitation);

    List<Invitation> invitations(String programmeId, Wave wave);

    /** Keeps a new link; its hash is new (a token of 256 random bits is never drawn twice). */
    void addLink(SurveyLink link);

    Optional<SurveyLink> link(String tokenHash);

    /** The invitation marked sent on its day, with its audit entry. */
    void invited(Invitation invitation, AuditEntry entry);

    /**
     * The reminder ledger: reminder {@code number} of this invitation, written once with its audit entry.
     * @return false if it was already written (it is sent by whoever wrote it, once)
     */
    boolean claimReminder(Invitation invitation, int number, AuditEntry entry);

    /**
     * Keeps the answer and spends the invitation in one transaction, only while the invitation is not
     * answered: of two answers racing through the same invitation's links, one is kept.
     * @return false if it was already answered (nothing is written)
     */
    boolean answer(SurveyAnswer answer, AuditEntry entry);

    List<SurveyAnswer> answers(String programmeId, Wave wave);

    void putInterview(InterviewNote note, AuditEntry entry);

    List<InterviewNote> interviews(String programmeId);

    void putRecommendations(Recommendations recommendations, AuditEntry entry);

    Optional<Recommendations> recommendations(String programmeId);
}
