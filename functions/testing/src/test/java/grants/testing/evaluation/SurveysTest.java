package grants.testing.evaluation;

import grants.core.access.ForbiddenException;
import grants.core.audit.AuditEntry;
import grants.core.errors.ConflictException;
import grants.core.errors.InvalidInputException;
import grants.core.errors.Problem;
import grants.core.evaluation.LinkRefusedException;
import grants.core.evaluation.LinkToken;
import grants.core.evaluation.Survey;
import grants.core.evaluation.SurveyService;
import grants.core.evaluation.SurveyState;
import grants.core.evaluation.Wave;
import grants.testing.RecordingSurveyMail;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static grants.testing.evaluation.EvaluationExample.AUDITOR;
import static grants.testing.evaluation.EvaluationExample.EVALUATOR;
import static grants.testing.evaluation.EvaluationExample.EVALUATOR_ELSEWHERE;
import static grants.testing.evaluation.EvaluationExample.MANAGER;
import static grants.testing.evaluation.EvaluationExample.MEMBER;
import static grants.testing.evaluation.EvaluationExample.PROGRAMME;
import static grants.testing.evaluation.EvaluationExample.answers;
import static grants.testing.evaluation.EvaluationExample.setup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SurveysTest {

    private final EvaluationExample example = new EvaluationExample();

    private List<String> auditActions() {
        return example.trail.page(PROGRAMME, Optional.empty(), 200).entries().stream().map(AuditEntry::action).toList();
    }

    @Test
    void aSurveySetUpAndOpenedInvitesEachContactOnceWithALinkOfTheirOwnThatTheStoreCannotGiveBack() {
        example.surveys.setUp(EVALUATOR, PROGRAMME, Wave.BASELINE, setup("Learning to Deliver baseline survey", "2007-05-31"));

        SurveyService.Sent sent = example.surveys.open(EVALUATOR, PROGRAMME, Wave.BASELINE);

        assertThat(sent).isEqualTo(new SurveyService.Sent(6, 0));
        assertThat(example.mail.sent()).extracting(RecordingSurveyMail.Sent::to).containsExactlyInAnyOrder(
                "a@bham.example", "b@bham.example", "f@cov.example", "d@rugby.example", "e@rugby.example", "c@warks.example");
        RecordingSurveyMail.Sent toAnn = example.mail.lastTo("a@bham.example").orElseThrow();
        assertThat(toAnn.subject()).isEqualTo("Learning to Deliver baseline survey for Birmingham");
        assertThat(toAnn.text()).contains("Dear Ann Ash", "You do not need an account", "Please answer by 31 May 2007");
        List<String> tokens = example.mail.sent().stream().map(RecordingSurveyMail.Sent::token).toList();
        assertThat(tokens).doesNotHaveDuplicates().allMatch(token -> token.length() == 43);
        // The store keeps hashes only: no token it holds opens anything.
        assertThat(example.store.linkHashes()).hasSize(6).doesNotContainAnyElementsOf(tokens)
                .containsExactlyInAnyOrderElementsOf(tokens.stream().map(LinkToken::hash).toList());
        assertThat(example.store.survey(PROGRAMME, Wave.BASELINE).orElseThrow().state()).isEqualTo(SurveyState.OPEN);
        assertThat(auditActions()).containsOnly("SURVEY_SET_UP", "SURVEY_OPENED", "SURVEY_INVITATION_SENT")
                .filteredOn("SURVEY_INVITATION_SENT"::equals).hasSize(6);

        assertThat(example.surveys.open(EVALUATOR, PROGRAMME, Wave.BASELINE)).as("opened again: nobody twice")
                .isEqualTo(new SurveyService.Sent(0, 0));
        assertThat(example.mail.sent()).hasSize(6);
    }

    @Test
    void anAnswerIsKeptOnceAndItsLinkThenOpensNothing() {
        openBaseline();
        String token = example.linkOf("a@bham.example");
        assertThat(example.surveys.questions(token).title()).isEqualTo("Baseline");

        example.surveys.answer(token, Map.of("know-lsp", "2", "staff", "04", "support-words", " Workshops "));

        assertThat(example.store.answers(PROGRAMME, Wave.BASELINE)).singleElement().satisfies(answer -> {
            assertThat(answer.partnershipId()).isEqualTo("bham");
            assertThat(answer.values()).isEqualTo(Map.of("know-lsp", "2", "staff", "4", "support-words", "Workshops"));
        });
        assertThatThrownBy(() -> example.surveys.answer(token, answers(5, 5))).isInstanceOf(LinkRefusedException.class)
                .hasMessage("This link has already been used or has expired.");
        assertThatThrownBy(() -> example.surveys.questions(token)).isInstanceOf(LinkRefusedException.class);
        assertThat(example.store.answers(PROGRAMME, Wave.BASELINE)).singleElement()
                .satisfies(answer -> assertThat(answer.values()).containsEntry("know-lsp", "2"));
        assertThat(auditActions()).filteredOn("SURVEY_ANSWERED"::equals).hasSize(1);
    }

    @Test
    void answersAreCheckedQuestionByQuestionAndARefusedAnswerSpendsNothing() {
        openBaseline();
        String token = example.linkOf("a@bham.example");

        assertThatThrownBy(() -> example.surveys.answer(token, Map.of("know-lsp", "6", "staff", "three", "nosuch", "1")))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> assertThat(refused.details())
                        .extracting(Problem::field).containsExactly("nosuch", "know-lsp", "staff"));

        assertThat(example.store.answers(PROGRAMME, Wave.BASELINE)).isEmpty();
        example.surveys.answer(token, answers(3, 1));
        assertThat(example.store.answers(PROGRAMME, Wave.BASELINE)).hasSize(1);
    }

    @Test
    void aLinkExpiresAfterTheClosingDateAndNothingIsKept() {
        openBaseline();
        String token = example.linkOf("c@warks.example");
        example.clock.set(Instant.parse("2007-05-31T22:59:00Z"));
        assertThat(example.surveys.questions(token).closingDate()).as("open all through its closing day")
                .isEqualTo(LocalDate.parse("2007-05-31"));

        example.clock.set(Instant.parse("2007-06-01T00:00:01Z"));

        assertThatThrownBy(() -> example.surveys.questions(token)).isInstanceOf(LinkRefusedException.class);
        assertThatThrownBy(() -> example.surveys.answer(token, answers(3, 1))).isInstanceOf(LinkRefusedException.class)
                .hasMessage(LinkRefusedException.MESSAGE);
        assertThat(example.store.answers(PROGRAMME, Wave.BASELINE)).isEmpty();
    }

    @Test
    void aGuessedTokenIsRefusedAsAUsedOneIsAndChangesNothing() {
        openBaseline();
        int entries = auditActions().size();

        for (String guess : List.of(LinkToken.generate(), "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "1", "",
                "../../etc/passwd", LinkToken.hash(example.linkOf("a@bham.example")))) {
            assertThatThrownBy(() -> example.surveys.answer(guess, answers(5, 5))).as(guess)
                    .isInstanceOf(LinkRefusedException.class).hasMessage(LinkRefusedException.MESSAGE);
            assertThatThrownBy(() -> example.surveys.questions(guess)).isInstanceOf(LinkRefusedException.class);
        }

        assertThat(example.store.answers(PROGRAMME, Wave.BASELINE)).isEmpty();
        assertThat(example.store.invitations(PROGRAMME, Wave.BASELINE)).noneMatch(invitation -> invitation.isAnswered());
        assertThat(auditActions()).hasSize(entries);
    }

    @Test
    void twoRemindersGoToThoseWhoHaveNotAnsweredEachOnceThenNoneAndNoneAfterClosing() {
        openBaseline();
        String firstLinkOfDan = example.linkOf("d@rugby.example");
        example.surveys.answer(example.linkOf("a@bham.example"), answers(2, 4));

        assertThat(example.surveys.remind(EVALUATOR, PROGRAMME, Wave.BASELINE)).isEqualTo(new SurveyService.Sent(5, 0));
        RecordingSurveyMail.Sent reminder = example.mail.lastTo("d@rugby.example").orElseThrow();
        assertThat(reminder.subject()).isEqualTo("Reminder: Baseline for Rugby");
        assertThat(reminder.text()).contains("This is reminder 1 of 2");
        assertThat(reminder.token()).isNotEqualTo(firstLinkOfDan);
        assertThat(example.mail.sent()).filteredOn(email -> email.to().equals("a@bham.example")).hasSize(1);

        // Dan answers through the reminder's link: the first link of his is spent with it.
        example.surveys.answer(reminder.token(), answers(4, 2));
        assertThatThrownBy(() -> example.surveys.questions(firstLinkOfDan)).isInstanceOf(LinkRefusedException.class);

        assertThat(example.surveys.remind(MANAGER, PROGRAMME, Wave.BASELINE)).isEqualTo(new SurveyService.Sent(4, 0));
        assertThat(example.mail.lastTo("e@rugby.example").orElseThrow().text()).contains("This is reminder 2 of 2");
        assertThatThrownBy(() -> example.surveys.remind(EVALUATOR, PROGRAMME, Wave.BASELINE))
                .isInstanceOfSatisfying(ConflictException.class, refused -> assertThat(refused.code()).isEqualTo("REMINDERS_ALL_SENT"));
        assertThat(example.mail.sent()).hasSize(6 + 5 + 4);
        assertThat(auditActions()).filteredOn("SURVEY_REMINDER_SENT"::equals).hasSize(9);
    }

    @Test
    void noReminderAfterTheClosingDate() {
        openBaseline();
        example.clock.set(Instant.parse("2007-06-01T08:00:00Z"));

        assertThatThrownBy(() -> example.surveys.remind(EVALUATOR, PROGRAMME, Wave.BASELINE))
                .isInstanceOfSatisfying(ConflictException.class, refused -> assertThat(refused.code()).isEqualTo("SURVEY_NOT_OPEN"));
        assertThat(example.mail.sent()).hasSize(6);
    }

    @Test
    void aSuppressedAddressIsSkippedAndCounted() {
        EvaluationExample suppressing = new EvaluationExample(Set.of("f@cov.example"));
        suppressing.surveys.setUp(EVALUATOR, PROGRAMME, Wave.BASELINE, setup("Baseline", "2007-05-31"));

        assertThat(suppressing.surveys.open(EVALUATOR, PROGRAMME, Wave.BASELINE)).isEqualTo(new SurveyService.Sent(5, 1));
    }

    @Test
    void theSetUpNamesEveryBadFieldAndAnOpenedSurveyKeepsItsQuestions() {
        assertThatThrownBy(() -> example.surveys.setUp(EVALUATOR, PROGRAMME, Wave.BASELINE,
                new grants.core.evaluation.SurveySetup(" ", LocalDate.parse("2007-04-30"), List.of(
                        new grants.core.evaluation.Question("Bad Id", null, null, ""),
                        EvaluationExample.QUESTIONS.get(0), EvaluationExample.QUESTIONS.get(0)))))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> assertThat(refused.details())
                        .extracting(Problem::field).containsExactly("title", "closingDate", "questions[0].id",
                                "questions[0].text", "questions[0].section", "questions[0].kind", "questions[2].id"));
        assertThat(example.store.surveys(PROGRAMME)).isEmpty();

        openBaseline();
        assertThatThrownBy(() -> example.surveys.setUp(EVALUATOR, PROGRAMME, Wave.BASELINE, setup("Changed", "2007-05-31")))
                .isInstanceOfSatisfying(ConflictException.class, refused -> assertThat(refused.code()).isEqualTo("SURVEY_ALREADY_OPEN"));
        assertThat(example.store.survey(PROGRAMME, Wave.BASELINE).map(Survey::title)).contains("Baseline");
    }

    @Test
    void onlyTheEvaluatorAndTheManagerOfTheProgrammeRunSurveysAndAuditorsRead() {
        example.surveys.setUp(MANAGER, PROGRAMME, Wave.BASELINE, setup("Baseline", "2007-05-31"));
        assertThat(example.surveys.surveys(AUDITOR, PROGRAMME)).hasSize(1);

        assertThatThrownBy(() -> example.surveys.open(AUDITOR, PROGRAMME, Wave.BASELINE)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> example.surveys.open(MEMBER, PROGRAMME, Wave.BASELINE)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> example.surveys.open(EVALUATOR_ELSEWHERE, PROGRAMME, Wave.BASELINE))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> example.surveys.surveys(MEMBER, PROGRAMME)).isInstanceOf(ForbiddenException.class);
        assertThat(example.mail.sent()).isEmpty();
    }

    private void openBaseline() {
        example.surveys.setUp(EVALUATOR, PROGRAMME, Wave.BASELINE, setup("Baseline", "2007-05-31"));
        example.surveys.open(EVALUATOR, PROGRAMME, Wave.BASELINE);
    }
}
