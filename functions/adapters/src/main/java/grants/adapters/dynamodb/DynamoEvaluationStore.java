package grants.adapters.dynamodb;

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
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static grants.adapters.dynamodb.GrantsTable.n;
import static grants.adapters.dynamodb.GrantsTable.s;

/**
 * The evaluation in the grants table ({@link EvaluationItems} has the attributes):
 *
 * <pre>
 * pk                      sk                                  item
 * SURVEY#{programmeId}    WAVE#{wave}                         a survey: questions, closing date, state, reminders sent
 * SURVEY#{programmeId}    INVITE#{wave}#{contactKey}          a contact invited, when, and the day they answered
 * SURVEY#{programmeId}    ANSWER#{wave}#{contactKey}          their answers, by partnership (no name, no address)
 * SURVEY#{programmeId}    REMINDED#{wave}#{contactKey}#{n}    the reminder ledger: reminder n sent to them, once
 * SURVEY#{programmeId}    INTERVIEW#{interviewId}             a telephone interview's notes
 * SURVEY#{programmeId}    RECOMMENDATIONS                     the evaluator's recommendations
 * SURVEYLINK#{sha256}     LINK                                what a link's token opens, kept under its hash only
 * </pre>
 *
 * An answer is one transaction: the invitation marked answered only while it is not, the answer put only where
 * none is, and the audit entry. Two answers racing through one invitation's links: one transaction wins, the
 * other's condition fails and nothing of it is written.
 */
public final class DynamoEvaluationStore implements EvaluationStore {

    private final GrantsTable table;
    private final AuditTable audit;

    public DynamoEvaluationStore(GrantsTable table, AuditTable audit) {
        this.table = table;
        this.audit = audit;
    }

    @Override
    public Optional<Survey> survey(String programmeId, Wave wave) {
        return table.get(Keys.survey(programmeId), Keys.surveyWave(wave.name())).map(EvaluationItems::survey);
    }

    @Override
    public List<Survey> surveys(String programmeId) {
        return table.query(Keys.survey(programmeId), Keys.surveyWavePrefix()).stream().map(EvaluationItems::survey).toList();
    }

    @Override
    public boolean saveDraft(Survey survey, AuditEntry entry) {
        TransactWriteItem put = TransactWriteItem.builder().put(p -> p.tableName(table.name())
                .item(EvaluationItems.survey(survey))
                .conditionExpression("attribute_not_exists(pk) OR #state = :draft")
                .expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(Map.of(":draft", s(SurveyState.DRAFT.name())))).build();
        return write(put, audit.inTransaction(entry));
    }

    @Override
    public boolean replace(Survey before, Survey after, AuditEntry entry) {
        TransactWriteItem put = TransactWriteItem.builder().put(p -> p.tableName(table.name())
                .item(EvaluationItems.survey(after))
                .conditionExpression("#state = :state AND remindersSent = :reminders")
                .expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(Map.of(":state", s(before.state().name()),
                        ":reminders", n(before.remindersSent())))).build();
        return write(put, audit.inTransaction(entry));
    }

    @Override
    public void addInvitation(Invitation invitation) {
        table.putIfAbsent(EvaluationItems.invitation(invitation));
    }

    @Override
    public List<Invitation> invitations(String programmeId, Wave wave) {
        return table.query(Keys.survey(programmeId), Keys.surveyInvitationPrefix(wave.name())).stream()
                .map(EvaluationItems::invitation).toList();
    }

    @Override
    public void addLink(SurveyLink link) {
        if (!table.putIfAbsent(EvaluationItems.link(link))) {
            throw new IllegalStateException("a link's hash is never drawn twice");
        }
    }

    @Override
    public Optional<SurveyLink> link(String tokenHash) {
        return table.get(Keys.surveyLink(tokenHash), Keys.SURVEY_LINK_ITEM).map(item -> EvaluationItems.link(tokenHash, item));
    }

    @Override
    public void invited(Invitation invitation, AuditEntry entry) {
        TransactWriteItem update = TransactWriteItem.builder().update(u -> u.tableName(table.name())
                .key(GrantsTable.key(Keys.survey(invitation.programmeId()),
                        Keys.surveyInvitation(invitation.wave().name(), invitation.contactKey())))
                .updateExpression("SET invitedOn = :on").conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":on", s(invitation.invitedOn().orElseThrow().toString())))).build();
        write(update, audit.inTransaction(entry));
    }

    @Override
    public boolean claimReminder(Invitation invitation, int number, AuditEntry entry) {
        return write(Transactions.putNew(table.name(), EvaluationItems.reminder(invitation, number,
                entry.at().atZone(table.clock().getZone()).toLocalDate())), audit.inTransaction(entry));
    }

    @Override
    public boolean answer(SurveyAnswer answer, AuditEntry entry) {
        TransactWriteItem spend = TransactWriteItem.builder().update(u -> u.tableName(table.name())
                .key(GrantsTable.key(Keys.survey(answer.programmeId()),
                        Keys.surveyInvitation(answer.wave().name(), answer.contactKey())))
                .updateExpression("SET #answered = :on")
                .conditionExpression("attribute_exists(pk) AND attribute_not_exists(#answered)")
                .expressionAttributeNames(Map.of("#answered", EvaluationItems.ANSWERED_ON))
                .expressionAttributeValues(Map.of(":on", s(answer.on().toString())))).build();
        return write(spend, Transactions.putNew(table.name(), EvaluationItems.answer(answer)), audit.inTransaction(entry));
    }

    @Override
    public List<SurveyAnswer> answers(String programmeId, Wave wave) {
        return table.query(Keys.survey(programmeId), Keys.surveyAnswerPrefix(wave.name())).stream()
                .map(EvaluationItems::answer).toList();
    }

    @Override
    public void putInterview(InterviewNote note, AuditEntry entry) {
        write(Transactions.put(table.name(), EvaluationItems.interview(note)), audit.inTransaction(entry));
    }

    @Override
    public List<InterviewNote> interviews(String programmeId) {
        return table.query(Keys.survey(programmeId), Keys.interviewPrefix()).stream().map(EvaluationItems::interview).toList();
    }

    @Override
    public void putRecommendations(Recommendations recommendations, AuditEntry entry) {
        write(Transactions.put(table.name(), EvaluationItems.recommendations(recommendations)), audit.inTransaction(entry));
    }

    @Override
    public Optional<Recommendations> recommendations(String programmeId) {
        return table.get(Keys.survey(programmeId), Keys.RECOMMENDATIONS_ITEM).map(EvaluationItems::recommendations);
    }

    private boolean write(TransactWriteItem... writes) {
        return Transactions.writeUnlessAnyConditionFails(table.client(), Arrays.asList(writes));
    }
}
