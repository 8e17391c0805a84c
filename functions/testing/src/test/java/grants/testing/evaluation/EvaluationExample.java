package grants.testing.evaluation;

import grants.core.access.Actor;
import grants.core.access.Role;
import grants.core.evaluation.EvaluationNotes;
import grants.core.evaluation.EvaluationReports;
import grants.core.evaluation.Question;
import grants.core.evaluation.QuestionKind;
import grants.core.evaluation.Section;
import grants.core.evaluation.SupportReceived;
import grants.core.evaluation.SurveyService;
import grants.core.evaluation.SurveySetup;
import grants.core.evaluation.SurveyedPartnership;
import grants.testing.InMemoryAuditTrail;
import grants.testing.InMemoryEvaluationStore;
import grants.testing.RecordingSurveyMail;
import grants.testing.SettableClock;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A small programme of four partnerships and six contacts, evaluated on the fakes: Birmingham (single tier,
 * two contacts), Coventry (single tier, one), Warwickshire (the county, one) and Rugby (a district of
 * Warwickshire, two). Birmingham had two days of adviser support; workshops are not recorded.
 */
final class EvaluationExample {

    static final String PROGRAMME = "l2d-2007-08";
    static final Actor EVALUATOR = new Actor("eva", "eva@evaluation.example", Set.of(Role.EVALUATOR), Optional.empty(),
            Optional.empty(), Set.of(PROGRAMME));
    static final Actor MANAGER = new Actor("pm", "pm@l2d.example", Set.of(Role.PROGRAMME_MANAGER), Optional.empty(),
            Optional.empty(), Set.of(PROGRAMME));
    static final Actor AUDITOR = new Actor("aud", "aud@l2d.example", Set.of(Role.AUDITOR), Optional.empty(),
            Optional.empty(), Set.of(PROGRAMME));
    static final Actor MEMBER = new Actor("mem", "mem@bham.example", Set.of(Role.PARTNERSHIP_MEMBER), Optional.of("bham"),
            Optional.empty(), Set.of(PROGRAMME));
    static final Actor EVALUATOR_ELSEWHERE = new Actor("eva2", "eva2@evaluation.example", Set.of(Role.EVALUATOR),
            Optional.empty(), Optional.empty(), Set.of("another-programme"));

    static final List<SurveyedPartnership> PARTNERSHIPS = List.of(
            new SurveyedPartnership("bham", "Birmingham", "Single tier", "Birmingham", List.of(
                    new SurveyedPartnership.Contact("Ann Ash", "a@bham.example"),
                    new SurveyedPartnership.Contact("Ben Birch", "b@bham.example"))),
            new SurveyedPartnership("cov", "Coventry", "Single tier", "Coventry", List.of(
                    new SurveyedPartnership.Contact("Fay Fir", "f@cov.example"))),
            new SurveyedPartnership("rugby", "Rugby", "Two tier", "Warwickshire", List.of(
                    new SurveyedPartnership.Contact("Dan Dogwood", "d@rugby.example"),
                    new SurveyedPartnership.Contact("Eve Elm", "e@rugby.example"))),
            new SurveyedPartnership("warks", "Warwickshire", "Two tier", "Warwickshire", List.of(
                    new SurveyedPartnership.Contact("Cal Cedar", "c@warks.example"))));

    static final List<Question> QUESTIONS = List.of(
            new Question("know-lsp", Section.KNOWLEDGE_AND_UNDERSTANDING, QuestionKind.SCALE,
                    "How well do you understand your partnership's delivery plan?"),
            new Question("staff", Section.PERCEIVED_CAPACITY, QuestionKind.NUMBER,
                    "How many staff work on the improvement project?"),
            new Question("support-words", Section.SUPPORT_RECEIVED, QuestionKind.TEXT,
                    "What support helped most?"));

    final SettableClock clock = new SettableClock(Instant.parse("2007-05-01T09:00:00Z"));
    final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    final InMemoryEvaluationStore store = new InMemoryEvaluationStore(trail);
    final RecordingSurveyMail mail;
    final SurveyService surveys;
    final EvaluationNotes notes;
    final EvaluationReports reports;

    EvaluationExample() {
        this(Set.of());
    }

    EvaluationExample(Set<String> suppressed) {
        mail = new RecordingSurveyMail(suppressed);
        SurveyedPartnership.Source source = programmeId -> programmeId.equals(PROGRAMME) ? PARTNERSHIPS : List.of();
        surveys = new SurveyService(store, source, mail, "https://console.example/surveys/answer/", clock);
        notes = new EvaluationNotes(store, source, clock);
        reports = new EvaluationReports(store, source, new SupportReceived() {
            @Override
            public int halfDaysDelivered(String programmeId, String partnershipId) {
                return partnershipId.equals("bham") ? 4 : 0;
            }

            @Override
            public int eventsAttended(String programmeId, String partnershipId) {
                return 0;
            }
        });
    }

    static SurveySetup setup(String title, String closing) {
        return new SurveySetup(title, LocalDate.parse(closing), QUESTIONS);
    }

    /** The token of the last email this contact was sent. */
    String linkOf(String address) {
        return mail.lastTo(address).orElseThrow().token();
    }

    static Map<String, String> answers(int knowledge, int staff) {
        return Map.of("know-lsp", Integer.toString(knowledge), "staff", Integer.toString(staff));
    }
}
