package grants.documents.commissioning;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.commissioning.Round;
import grants.core.commissioning.RoundSetup;
import grants.core.errors.InvalidInputException;
import grants.core.errors.Problem;
import grants.documents.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** An issue's evidence: statistics with their source and day, read as strictly as every other field of a round. */
class IssueEvidenceTest {

    private static final String STATISTIC = "Unemployment in the priority neighbourhoods is 9.2%, twice the city's rate";
    private static final String SOURCE = "Office for National Statistics, Census 2001";

    @Test
    void anIssueCarriesItsStatisticsWithTheirSourceAndDayBesidesItsSurveyRank() {
        RoundSetup.Issue unemployment = RoundJson.read(withEvidence(STATISTIC, SOURCE, "2001-04-29")).setup()
                .issue("unemployment").orElseThrow();

        assertThat(unemployment.surveyRank()).isEqualTo(1);
        assertThat(unemployment.evidence()).containsExactly(
                new RoundSetup.Evidence(STATISTIC, SOURCE, LocalDate.of(2001, 4, 29)));
        assertThat(RoundJson.read(Fixtures.document(CoventryRoundTest.COVENTRY)).setup().issue("crime").orElseThrow()
                .evidence()).as("evidence is optional").isEmpty();
    }

    @Test
    void theEvidenceIsWrittenOutAndReadBackUnchanged() {
        Round round = RoundJson.read(withEvidence(STATISTIC, SOURCE, "2001-04-29"));
        ObjectNode written = RoundDocuments.setup(round.setup());

        assertThat(written.get("issues").get(0).get("evidence").get(0).get("date").asText()).isEqualTo("2001-04-29");
        assertThat(written.get("issues").get(1).has("evidence")).as("nothing written for an issue without").isFalse();
        ObjectNode document = Fixtures.document(CoventryRoundTest.COVENTRY);
        document.set("issues", written.get("issues"));
        assertThat(RoundJson.read(document).setup()).isEqualTo(round.setup());
    }

    @Test
    void anUnknownFieldInTheEvidenceIsRefusedNamingIt() {
        ObjectNode document = withEvidence(STATISTIC, SOURCE, "2001-04-29");
        evidence(document).put("link", "https://example.org/census");

        assertThat(refusal(document)).singleElement().satisfies(named("issues[0].evidence[0].link", "is not a field here"));
    }

    @Test
    void aStatisticWithoutItsSourceOrDayIsRefusedNamingWhatIsMissing() {
        ObjectNode document = withEvidence(STATISTIC, SOURCE, "2001-04-29");
        evidence(document).remove(List.of("source", "date"));

        assertThat(refusal(document)).extracting(Problem::field)
                .containsExactlyInAnyOrder("issues[0].evidence[0].source", "issues[0].evidence[0].date");
    }

    @ParameterizedTest
    @ValueSource(strings = {"29/04/2001", "2001-02-30", "2001-4-29", "April 2001"})
    void aDayThatIsNotACalendarDayIsRefused(String day) {
        assertThat(refusal(withEvidence(STATISTIC, SOURCE, day))).singleElement()
                .satisfies(problem -> assertThat(problem.field()).isEqualTo("issues[0].evidence[0].date"));
    }

    /** The same checks as every other text of a round: control, bidirectional and invisible characters, formulas, length. */
    @ParameterizedTest
    @ValueSource(strings = {"9.2%\u202Egnp.exe", "9.2%\u0000", "9.2%\u200B of adults", "=HYPERLINK(\"http://x.example\")",
            "Unemployment\u2028Bcc: everyone@elsewhere.example"})
    void aStatisticOrSourceThatOtherTextFieldsWouldRefuseIsRefused(String text) {
        assertThat(refusal(withEvidence(text, SOURCE, "2001-04-29"))).extracting(Problem::field)
                .containsExactly("issues[0].evidence[0].statistic");
        assertThat(refusal(withEvidence(STATISTIC, text, "2001-04-29"))).extracting(Problem::field)
                .containsExactly("issues[0].evidence[0].source");
    }

    @Test
    void tooLongATextOrTooManyStatisticsAreRefused() {
        assertThat(refusal(withEvidence("9".repeat(2_001), SOURCE, "2001-04-29"))).singleElement()
                .satisfies(named("issues[0].evidence[0].statistic", "more than the 2000 allowed"));
        assertThat(refusal(withEvidence(STATISTIC, "S".repeat(201), "2001-04-29"))).singleElement()
                .satisfies(named("issues[0].evidence[0].source", "more than the 200 allowed"));

        ObjectNode document = withEvidence(STATISTIC, SOURCE, "2001-04-29");
        ArrayNode list = (ArrayNode) document.get("issues").get(0).get("evidence");
        for (int i = 0; i < 20; i++) {
            list.add(list.get(0).deepCopy());
        }
        assertThat(refusal(document)).singleElement().satisfies(named("issues[0].evidence", "21 entries"));
    }

    @Test
    void evidenceThatIsNotAListOfObjectsIsRefused() {
        ObjectNode document = Fixtures.document(CoventryRoundTest.COVENTRY);
        ((ObjectNode) document.get("issues").get(0)).put("evidence", STATISTIC);
        assertThat(refusal(document)).extracting(Problem::field).containsExactly("issues[0].evidence");

        ObjectNode strings = Fixtures.document(CoventryRoundTest.COVENTRY);
        ((ObjectNode) strings.get("issues").get(0)).putArray("evidence").add(STATISTIC);
        assertThat(refusal(strings)).extracting(Problem::field).containsExactly("issues[0].evidence[0]");
    }

    private static ObjectNode withEvidence(String statistic, String source, String date) {
        ObjectNode document = Fixtures.document(CoventryRoundTest.COVENTRY);
        ((ObjectNode) document.get("issues").get(0)).putArray("evidence").addObject()
                .put("statistic", statistic).put("source", source).put("date", date);
        return document;
    }

    private static ObjectNode evidence(ObjectNode document) {
        return (ObjectNode) document.get("issues").get(0).get("evidence").get(0);
    }

    private static List<Problem> refusal(ObjectNode document) {
        InvalidInputException refused = catchThrowableOfType(() -> RoundJson.read(document), InvalidInputException.class);
        assertThat(refused).as("the round should be refused").isNotNull();
        return refused.details();
    }

    private static java.util.function.Consumer<Problem> named(String field, String words) {
        return problem -> {
            assertThat(problem.field()).isEqualTo(field);
            assertThat(problem.problem()).contains(words);
        };
    }
}
