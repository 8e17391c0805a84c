package grants.adapters.dynamodb;

import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.evaluation.EvaluationNotes;
import grants.core.evaluation.LinkRefusedException;
import grants.core.evaluation.LinkToken;
import grants.core.evaluation.Question;
import grants.core.evaluation.QuestionKind;
import grants.core.evaluation.Section;
import grants.core.evaluation.SurveyService;
import grants.core.evaluation.SurveySetup;
import grants.core.evaluation.SurveyedPartnership;
import grants.core.evaluation.Wave;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluation in DynamoDB Local, through its use cases: a survey, its invitations, links, answers,
 * reminders and notes read back as written; the table holds no token; two answers racing through one
 * link: one is kept, the other refused, and nothing of it written.
 */
class DynamoEvaluationStoreTest {

    private static final String L2D = "l2d-2007-08";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2007-05-01T09:00:00Z"), ZoneOffset.UTC);
    private static final Actor EVALUATOR = new Actor("eva", "eva@evaluation.example", Set.of(Role.EVALUATOR),
            Optional.empty(), Optional.empty(), Set.of(L2D));

    private GrantsTable table;
    private AuditTable auditTable;
    private DynamoEvaluationStore store;
    private SurveyService surveys;
    private final List<String> tokens = new ArrayList<>();

    @BeforeEach
    void freshTable() {
        table = StoreTables.fresh(getClass(), CLOCK);
        auditTable = StoreTables.auditBeside(table);
        store = new DynamoEvaluationStore(table, auditTable);
        SurveyedPartnership.Source partnerships = programme -> List.of(new SurveyedPartnership("rugby", "Rugby",
                "Two tier", "Warwickshire", List.of(new SurveyedPartnership.Contact("Dan Dogwood", "d@rugby.example"),
                new SurveyedPartnership.Contact("Eve Elm", "e@rugby.example"))));
        surveys = new SurveyService(store, partnerships, (programme, to, subject, text, html) -> {
            tokens.add(text.replaceAll("(?s).*/surveys/answer/([A-Za-z0-9_-]{43}).*", "$1"));
            return true;
        }, "https://console.example/surveys/answer/", CLOCK);
        surveys.setUp(EVALUATOR, L2D, Wave.BASELINE, new SurveySetup("Baseline", LocalDate.parse("2007-05-31"), List.of(
                new Question("know", Section.KNOWLEDGE_AND_UNDERSTANDING, QuestionKind.SCALE, "How well?"),
                new Question("staff", Section.PERCEIVED_CAPACITY, QuestionKind.NUMBER, "How many staff?"),
                new Question("words", Section.SUPPORT_RECEIVED, QuestionKind.TEXT, "What helped?"))));
        surveys.open(EVALUATOR, L2D, Wave.BASELINE);
    }

    @Test
    void aSurveyItsAnswersRemindersAndNotesReadBackAsWrittenAndTheTableHoldsNoToken() {
        surveys.answer(tokens.get(0), Map.of("know", "4", "staff", "3", "words", "The workshops"));
        surveys.remind(EVALUATOR, L2D, Wave.BASELINE);
        new EvaluationNotes(store, programme -> List.of(new SurveyedPartnership("rugby", "Rugby", "Two tier",
                "Warwickshire", List.of())), CLOCK).recordInterview(EVALUATOR, L2D, "rugby-1", "rugby",
                LocalDate.parse("2007-04-30"), "Dan Dogwood", "Helpful.");

        assertThat(store.survey(L2D, Wave.BASELINE).orElseThrow().remindersSent()).isEqualTo(1);
        assertThat(store.survey(L2D, Wave.BASELINE).orElseThrow().questions()).hasSize(3);
        assertThat(store.invitations(L2D, Wave.BASELINE)).hasSize(2).filteredOn(i -> i.isAnswered()).hasSize(1);
        assertThat(store.answers(L2D, Wave.BASELINE)).singleElement().satisfies(answer -> assertThat(answer.values())
                .isEqualTo(Map.of("know", "4", "staff", "3", "words", "The workshops")));
        assertThat(tokens).as("two invitations, one reminder").hasSize(3);
        assertThat(store.interviews(L2D)).singleElement().satisfies(note -> assertThat(note.notes()).isEqualTo("Helpful."));
        List<String> everything = new ArrayList<>();
        table.client().scanPaginator(ScanRequest.builder().tableName(table.name()).build()).items()
                .forEach(item -> item.values().forEach(value -> everything.add(String.valueOf(value))));
        table.client().scanPaginator(ScanRequest.builder().tableName(table.name()).build()).items()
                .forEach(item -> everything.add(item.get("pk").s()));
        assertThat(everything).noneMatch(value -> tokens.stream().anyMatch(value::contains));
        assertThat(everything).filteredOn(value -> value.startsWith("SURVEYLINK#")).hasSize(3)
                .contains("SURVEYLINK#" + LinkToken.hash(tokens.get(0)));
        assertThat(auditTable.client().scan(ScanRequest.builder().tableName(auditTable.name()).build()).items())
                .extracting(item -> item.get("action")).extracting(AttributeValue::s)
                .contains("SURVEY_SET_UP", "SURVEY_OPENED", "SURVEY_ANSWERED", "SURVEY_REMINDER_SENT", "INTERVIEW_NOTED");
    }

    @Test
    void twoAnswersRacingThroughOneLinkKeepOneAndRefuseTheOther() throws Exception {
        String token = tokens.get(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> racing = new ArrayList<>();
        try {
            for (String knowledge : List.of("1", "5")) {
                Callable<String> answer = () -> {
                    start.await();
                    try {
                        surveys.answer(token, Map.of("know", knowledge, "staff", "2"));
                        return "kept " + knowledge;
                    } catch (LinkRefusedException refused) {
                        return "refused";
                    }
                };
                racing.add(threads.submit(answer));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> outcome : racing) {
                outcomes.add(outcome.get());
            }
            assertThat(outcomes).containsOnlyOnce("refused").anyMatch(outcome -> outcome.startsWith("kept "));
            String kept = outcomes.stream().filter(outcome -> outcome.startsWith("kept ")).findFirst().orElseThrow();
            assertThat(store.answers(L2D, Wave.BASELINE)).singleElement()
                    .satisfies(answer -> assertThat("kept " + answer.values().get("know")).isEqualTo(kept));
            assertThat(auditTable.client().scan(ScanRequest.builder().tableName(auditTable.name()).build()).items())
                    .filteredOn(item -> item.get("action").s().equals("SURVEY_ANSWERED")).hasSize(1);
        } finally {
            threads.shutdownNow();
        }
    }
}
