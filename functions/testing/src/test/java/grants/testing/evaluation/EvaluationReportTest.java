package grants.testing.evaluation;

import grants.core.evaluation.EvaluationReport;
import grants.core.evaluation.EvaluationReport.Comparison;
import grants.core.evaluation.Ratio;
import grants.core.evaluation.Wave;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static grants.testing.evaluation.EvaluationExample.AUDITOR;
import static grants.testing.evaluation.EvaluationExample.EVALUATOR;
import static grants.testing.evaluation.EvaluationExample.PROGRAMME;
import static grants.testing.evaluation.EvaluationExample.answers;
import static grants.testing.evaluation.EvaluationExample.setup;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report on a small example worked by hand. Answers (know-lsp on the 1-5 scale, staff a number):
 *
 * <pre>
 *                 baseline             end
 * Birmingham  Ann 2, 4  Ben 3, 5      Ann 4, 6   (Ben does not answer)
 * Coventry    Fay 5, 9                (Fay does not answer: Coventry is not paired)
 * Rugby       Dan 4, 2                Eve 4, 3   (paired by partnership, whoever answered)
 * Warwickshire Cal 1, 0               Cal 3, 1
 * </pre>
 *
 * Each partnership's own mean first, then the mean of those. know-lsp: Birmingham (2+3)/2 = 5/2 then 4;
 * Rugby 4 then 4; Warwickshire 1 then 3. Over the three paired: baseline (5/2 + 4 + 1)/3 = (15/2)/3 = 5/2,
 * end (4 + 4 + 3)/3 = 11/3, change 11/3 - 5/2 = 22/6 - 15/6 = 7/6 (1.17). Single tier (Birmingham alone):
 * 5/2 to 4, change 3/2. Two tier (Rugby, Warwickshire): (4+1)/2 = 5/2 to (4+3)/2 = 7/2, change 1.
 * staff: Birmingham (4+5)/2 = 9/2 then 6; Rugby 2 then 3; Warwickshire 0 then 1. Baseline (9/2 + 2 + 0)/3 =
 * 13/6 (2.17), end (6 + 3 + 1)/3 = 10/3 (3.33), change 20/6 - 13/6 = 7/6.
 * Response: baseline 5 of 6 contacts (83.33%), end 3 of 6 (50.00%); Birmingham 2 of 2 then 1 of 2.
 */
class EvaluationReportTest {

    private final EvaluationExample example = new EvaluationExample();

    @Test
    void theReportPairsTheWavesByPartnershipAndItsFiguresAreExact() {
        example.surveys.setUp(EVALUATOR, PROGRAMME, Wave.BASELINE, setup("Baseline", "2007-05-31"));
        example.surveys.open(EVALUATOR, PROGRAMME, Wave.BASELINE);
        answer("a@bham.example", 2, 4);
        answer("b@bham.example", 3, 5);
        answer("f@cov.example", 5, 9);
        answer("d@rugby.example", 4, 2);
        answer("c@warks.example", 1, 0);

        example.clock.set(Instant.parse("2008-03-01T09:00:00Z"));
        example.surveys.setUp(EVALUATOR, PROGRAMME, Wave.END, setup("End of programme", "2008-03-31"));
        example.surveys.open(EVALUATOR, PROGRAMME, Wave.END);
        answer("a@bham.example", 4, 6);
        answer("e@rugby.example", 4, 3);
        answer("c@warks.example", 3, 1);
        example.notes.recordInterview(EVALUATOR, PROGRAMME, "rugby-1", "rugby", LocalDate.parse("2008-02-20"),
                "Dan Dogwood, representative", "The Action Learning Set helped most.");
        example.notes.recommend(EVALUATOR, PROGRAMME, "Pool support days earlier in the year.");

        EvaluationReport report = example.reports.report(AUDITOR, PROGRAMME);

        assertThat(report.baselineOverall().words()).isEqualTo("5 of 6 (83.33%)");
        assertThat(report.endOverall().words()).isEqualTo("3 of 6 (50.00%)");
        assertThat(report.responses()).extracting(r -> r.name() + ": " + r.baseline().words() + "; " + r.end().words())
                .containsExactly("Birmingham: 2 of 2 (100.00%); 1 of 2 (50.00%)", "Coventry: 1 of 1 (100.00%); 0 of 1 (0.00%)",
                        "Rugby: 1 of 2 (50.00%); 1 of 2 (50.00%)", "Warwickshire: 1 of 1 (100.00%); 1 of 1 (100.00%)");

        assertThat(report.questions()).extracting(q -> q.question().id()).as("text is read, not averaged")
                .containsExactly("know-lsp", "staff");
        EvaluationReport.PairedQuestion knowledge = report.questions().get(0);
        assertThat(knowledge.overall()).isEqualTo(new Comparison("All partnerships", 3, Ratio.of(5, 2), Ratio.of(11, 3)));
        assertThat(knowledge.overall().change()).isEqualTo(Ratio.of(7, 6));
        assertThat(knowledge.overall().change().decimal()).isEqualTo("1.17");
        assertThat(knowledge.byTier()).containsExactly(
                new Comparison("Single tier", 1, Ratio.of(5, 2), Ratio.of(4, 1)),
                new Comparison("Two tier", 2, Ratio.of(5, 2), Ratio.of(7, 2)));
        assertThat(knowledge.byLocality()).containsExactly(
                new Comparison("Birmingham", 1, Ratio.of(5, 2), Ratio.of(4, 1)),
                new Comparison("Warwickshire", 2, Ratio.of(5, 2), Ratio.of(7, 2)));
        EvaluationReport.PairedQuestion staff = report.questions().get(1);
        assertThat(staff.overall()).isEqualTo(new Comparison("All partnerships", 3, Ratio.of(13, 6), Ratio.of(10, 3)));
        assertThat(staff.overall().change().exact()).isEqualTo("7/6");
        assertThat(staff.overall().baseline().decimal()).isEqualTo("2.17");

        assertThat(report.support()).containsExactly(
                new EvaluationReport.SupportLine("bham", "Birmingham", 4, 0, true),
                new EvaluationReport.SupportLine("cov", "Coventry", 0, 0, false),
                new EvaluationReport.SupportLine("rugby", "Rugby", 0, 0, true),
                new EvaluationReport.SupportLine("warks", "Warwickshire", 0, 0, true));
        assertThat(report.interviews()).singleElement().satisfies(note -> assertThat(note.interviewee())
                .isEqualTo("Dan Dogwood, representative"));
        assertThat(report.recommendations()).hasValueSatisfying(r -> assertThat(r.text())
                .isEqualTo("Pool support days earlier in the year."));
    }

    @Test
    void beforeTheEndSurveyNothingIsPairedAndNoFigureIsMadeUp() {
        example.surveys.setUp(EVALUATOR, PROGRAMME, Wave.BASELINE, setup("Baseline", "2007-05-31"));
        example.surveys.open(EVALUATOR, PROGRAMME, Wave.BASELINE);
        answer("a@bham.example", 2, 4);

        EvaluationReport report = example.reports.report(EVALUATOR, PROGRAMME);

        assertThat(report.questions()).isEmpty();
        assertThat(report.endOverall().words()).isEqualTo("Nobody invited");
        assertThat(report.baselineOverall().words()).isEqualTo("1 of 6 (16.67%)");
        assertThat(List.of(Ratio.of(2, 3).percent(), Ratio.of(-1, 6).exact(), Ratio.of(6, 4).exact()))
                .containsExactly("66.67%", "-1/6", "3/2");
    }

    private void answer(String address, int knowledge, int staff) {
        Map<String, String> typed = answers(knowledge, staff);
        example.surveys.answer(example.linkOf(address), typed);
    }
}
