package grants.functions.evaluation;

import grants.core.evaluation.LinkToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static grants.functions.evaluation.EvaluationOnTheEmulators.AUDITOR;
import static grants.functions.evaluation.EvaluationOnTheEmulators.EVALUATOR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * EvaluateProgramme on the emulators: the West Midlands' 76 contacts invited through SES; a contact reads
 * and answers their survey through their link without signing in, once; the link then says it has been
 * used, as a guessed one does, and nothing more is kept; the report and its CSV count the answer.
 */
class EvaluateProgrammeHandlerTest {

    private static final String CHAMPION = "champion@birmingham.lsp.example";
    private static EvaluationOnTheEmulators stack;

    @BeforeAll
    static void theBaselineSurveyIsOpened() {
        stack = new EvaluationOnTheEmulators(EvaluateProgrammeHandlerTest.class);
        EvaluationOnTheEmulators.Answer opened = stack.openBaseline();
        assertThat(opened.status()).as(opened.text()).isEqualTo(200);
        assertThat(opened.json().path("emailed").asInt()).isEqualTo(76);
    }

    @Test
    void aContactAnswersThroughTheirLinkWithoutSigningInOnceAndTheLinkThenOpensNothing() {
        List<String> tokens = stack.tokensSentTo(CHAMPION);
        assertThat(tokens).hasSize(1);
        String token = tokens.get(0);

        EvaluationOnTheEmulators.Answer questions = stack.throughLink(EvaluationRoutes.QUESTIONS, token, null);
        assertThat(questions.status()).isEqualTo(200);
        assertThat(questions.json().path("title").asText()).isEqualTo(stack.title);
        assertThat(questions.json().path("sections").findValuesAsText("title"))
                .contains("Knowledge and understanding", "Perceived capacity", "Support received");
        assertThat(questions.text()).doesNotContain(CHAMPION, "birmingham");

        EvaluationOnTheEmulators.Answer refused = stack.throughLink(EvaluationRoutes.ANSWER, token,
                "{\"answers\": {\"know-plan\": \"7\", \"project-staff\": \"3\"}}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("error").path("details").findValuesAsText("field")).containsExactly("know-plan");

        EvaluationOnTheEmulators.Answer answered = stack.throughLink(EvaluationRoutes.ANSWER, token,
                "{\"answers\": {\"know-plan\": \"4\", \"project-staff\": \"3\", \"support-helped\": \"The adviser's day\"}}");
        assertThat(answered.status()).as(answered.text()).isEqualTo(200);

        EvaluationOnTheEmulators.Answer again = stack.throughLink(EvaluationRoutes.ANSWER, token,
                "{\"answers\": {\"know-plan\": \"1\", \"project-staff\": \"1\"}}");
        EvaluationOnTheEmulators.Answer guessed = stack.throughLink(EvaluationRoutes.ANSWER, LinkToken.generate(),
                "{\"answers\": {\"know-plan\": \"1\", \"project-staff\": \"1\"}}");
        for (EvaluationOnTheEmulators.Answer spent : List.of(again, guessed,
                stack.throughLink(EvaluationRoutes.QUESTIONS, token, null),
                stack.throughLink(EvaluationRoutes.QUESTIONS, LinkToken.hash(token).substring(0, 43), null))) {
            assertThat(spent.status()).isEqualTo(404);
            assertThat(spent.json().path("error").path("message").asText())
                    .isEqualTo("This link has already been used or has expired.");
        }

        EvaluationOnTheEmulators.Answer report = stack.call(AUDITOR, EvaluationRoutes.REPORT, Map.of(), null);
        assertThat(report.json().path("responseRates").path("baseline").path("inWords").asText())
                .isEqualTo("1 of 76 (1.32%)");
        assertThat(report.json().path("partnerships").get(0).path("name").asText()).isEqualTo("Birmingham");
        assertThat(report.json().path("partnerships").get(0).path("baseline").path("inWords").asText())
                .isEqualTo("1 of 2 (50.00%)");
        // Read from the events' own items (under the function's policy): Birmingham went to none.
        assertThat(report.json().path("support").get(0).path("eventsAttendedInWords").asText()).isEqualTo("0");
        EvaluationOnTheEmulators.Answer csv = stack.call(EVALUATOR, EvaluationRoutes.REPORT_CSV, Map.of(), null);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.text()).startsWith(EvaluationCsv.HEADER).contains("response rate,Birmingham,,1 of 2 (50.00%),Nobody invited");
    }
}
