package grants.testing.governance;

import grants.core.calendar.WorkingDays;
import grants.core.governance.Decision;
import grants.core.governance.PublicRecords;
import grants.documents.governance.GovernanceBook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the public's open data holds on a day (G11), over the worked example: a meeting's decisions from the next
 * working day, a scrutiny report's recommendations on the day it is agreed, an answer's actions from the answer.
 */
class PublicRecordsTest {

    private static GovernanceBook book;
    private static GovernanceReplay replay;

    @BeforeAll
    static void replay() {
        book = GovernanceReplay.coventry();
        replay = GovernanceReplay.play(book, GovernanceReplay.packs(book, CoventryGovernanceExampleTest.EXCEPTIONS));
    }

    private static PublicRecords on(String day) {
        return PublicRecords.on(replay.store.decisions(), replay.store.actions(), replay.store.recommendations(),
                new WorkingDays(book.bankHolidays()), LocalDate.parse(day));
    }

    private static List<String> decisions(String day) {
        return on(day).decisions().stream().map(Decision::id).toList();
    }

    private static List<String> recommendations(String day) {
        return on(day).recommendations().stream().map(r -> r.recommendation().id()).toList();
    }

    private static List<String> actions(String day) {
        return on(day).actions().stream().map(a -> a.action().id()).toList();
    }

    @Test
    void aMeetingsDecisionsArePublicFromTheNextWorkingDay() {
        assertThat(decisions("2009-11-19")).noneMatch(id -> id.startsWith("clpsb-2009-11-19-"));
        assertThat(decisions("2009-11-20")).contains("clpsb-2009-11-19-01", "clpsb-2009-11-19-03");
        assertThat(actions("2009-11-20")).contains("clpsb-2009-11-19-01");
        // Thursday 1 April 2010: Good Friday and Easter Monday are not working days.
        assertThat(recommendations("2010-04-05")).doesNotContain("tg-stronger-2010-04-01-01");
        assertThat(recommendations("2010-04-06")).contains("tg-stronger-2010-04-01-01");
    }

    @Test
    void aReportsRecommendationsArePublicOnTheDayItIsAgreedAndAnAnswersActionsFromTheAnswer() {
        assertThat(recommendations("2010-03-09")).doesNotContain("srv-stronger-2010-r1");
        assertThat(recommendations("2010-03-10")).contains("srv-stronger-2010-r1", "srv-stronger-2010-r2");
        assertThat(actions("2010-05-06")).doesNotContain("srv-stronger-2010-r1-a1");
        assertThat(actions("2010-05-07")).contains("srv-stronger-2010-r1-a1");
    }

    @Test
    void anExemptDecisionIsPublicReducedFromTheNextWorkingDay() {
        assertThat(decisions("2010-02-18")).doesNotContain("clpsb-2010-02-18-05");
        assertThat(on("2010-02-19").decisions()).filteredOn(d -> d.id().equals("clpsb-2010-02-18-05"))
                .singleElement().satisfies(d -> assertThat(d.exempt()).contains(Decision.Exempt.LEGAL));
    }
}
