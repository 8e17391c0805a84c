package grants.documents.reporting;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.errors.InvalidInputException;
import grants.core.errors.Problem;
import grants.core.reporting.Indicator;
import grants.core.reporting.Period;
import grants.documents.Fixtures;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The worked example reads; each kind of bad input performance-rules.md lists, made in it as a person
 * typing a register would make it, is refused naming its field, every one at once.
 */
class RegisterBookJsonTest {

    private static final String COVENTRY = "coventry-indicators.json";
    /** In the example: NI 152 is the first indicator, NI 192 (a RATIO) the eleventh. */
    private static final int NI_152 = 0;
    private static final int NI_192 = 10;

    @Test
    void theCoventryExampleReadsWithItsTwelveIndicatorsAndEveryEntry() {
        RegisterBook book = RegisterBookJson.read(Fixtures.document(COVENTRY));

        assertThat(book.registerId()).isEqualTo("coventry-laa-2008-11");
        assertThat(book.themes()).extracting(theme -> theme.id())
                .containsExactly("prosperity", "children", "safer-healthier", "stronger", "environment");
        assertThat(book.indicators()).hasSize(12);
        Indicator ni192 = book.indicators().get(NI_192);
        assertThat(ni192.reference()).isEqualTo("NI 192");
        assertThat(ni192.accumulation()).isEqualTo(Indicator.Accumulation.RATIO);
        assertThat(book.indicators().get(NI_152).targets()).containsEntry("2009-10", new BigDecimal("14.8"));
        assertThat(book.indicators().get(NI_152).baseline().period()).isEqualTo(Period.parse("2007-08 Q4"));
        assertThat(book.actuals()).hasSize(82);
        assertThat(book.narratives()).hasSize(69);
        assertThat(book.meetings()).hasSize(6);
        assertThat(book.meeting(LocalDate.of(2009, 11, 19)).orElseThrow().reviews()).isEqualTo(Period.parse("2009-10 Q2"));
        assertThat(book.actuals().stream().filter(a -> a.indicator().equals("ni-192")))
                .allSatisfy(actual -> assertThat(actual.figure().isRatio()).isTrue());
    }

    @Test
    void unknownThemesOutcomesPeopleAndIndicatorsAreNamedWhereTheyAreUsed() {
        InvalidInputException refused = refusedBy(doc -> {
            item(doc, "outcomes", 0).put("theme", "prosperty");
            item(doc, "indicators", 1).put("outcome", "in-wrk");
            item(doc, "indicators", 2).put("owner", "owner-nobody");
            item(doc, "actuals", 0).put("indicator", "ni-999");
            item(doc, "actuals", 1).put("recordedBy", "sandra");
            item(doc, "narratives", 0).put("by", "owner-sandy");
        });

        assertThat(refused.details()).hasSize(6)
                .anySatisfy(named("outcomes[0].theme", "is not a theme of the document: \"prosperty\""))
                .anySatisfy(named("indicators[1].outcome", "is not an outcome"))
                .anySatisfy(named("indicators[2].owner", "is not a person"))
                .anySatisfy(named("actuals[0].indicator", "is not an indicator"))
                .anySatisfy(named("actuals[1].recordedBy", "is not a person"))
                .anySatisfy(named("narratives[0].by", "is not a person"));
    }

    @Test
    void twoThingsWithOneIdAndTwoTargetsForOneYear() {
        InvalidInputException refused = refusedBy(doc -> {
            ((ArrayNode) doc.get("people")).addObject().put("id", "owner-sandra").put("name", "Sandra Mills")
                    .put("role", "OWNER");
            ((ArrayNode) doc.get("themes")).addObject().put("id", "children").put("title", "Children and families");
            ((ObjectNode) item(doc, "indicators", NI_152).get("targets").get(1)).put("year", "2008-09");
        });

        assertThat(refused.details()).hasSize(3)
                .anySatisfy(named("people[12].id", "\"owner-sandra\" is already the id of people[0]"))
                .anySatisfy(named("themes[5].id", "is already the id of themes[1]"))
                .anySatisfy(named("indicators[0].targets[1].year", "already has a target at indicators[0].targets[0]"));
    }

    @Test
    void periodsThatAreNotQuartersOfFinancialYearsWhoseYearsFollowOn() {
        InvalidInputException refused = refusedBy(doc -> {
            item(doc, "actuals", 0).put("period", "2008/09 Q1");
            item(doc, "actuals", 1).put("period", "2008-10 Q2");
            item(doc, "actuals", 2).put("period", "2008-09 Q5");
            ((ObjectNode) item(doc, "indicators", 1).get("baseline")).put("period", "Q4 2007-08");
            ((ObjectNode) item(doc, "indicators", 2).get("targets").get(0)).put("year", "2008-9");
            item(doc, "narratives", 0).put("period", "2008-09");
        });

        assertThat(refused.details()).hasSize(6)
                .anySatisfy(named("actuals[0].period", "must be a quarter such as \"2008-09 Q1\""))
                .anySatisfy(named("actuals[1].period", "got \"2008-10 Q2\""))
                .anySatisfy(named("actuals[2].period", "must be a quarter"))
                .anySatisfy(named("indicators[1].baseline.period", "must be a quarter"))
                .anySatisfy(named("indicators[2].targets[0].year", "must be a financial year such as \"2008-09\""))
                .anySatisfy(named("narratives[0].period", "must be a quarter"));
    }

    @Test
    void aRatiosFiguresNeedBothPartsAndANonZeroDenominatorAndOtherIndicatorsAValue() {
        InvalidInputException refused = refusedBy(doc -> {
            int[] ratio = actualsOf(doc, "ni-192");
            item(doc, "actuals", ratio[0]).remove("denominator");
            item(doc, "actuals", ratio[1]).put("denominator", "0");
            item(doc, "actuals", ratio[2]).put("value", "32.7");
            item(doc, "actuals", 0).put("numerator", "137").put("denominator", "1000");
            item(doc, "actuals", 1).remove("value");
        });

        int[] ratio = actualsOf(Fixtures.document(COVENTRY), "ni-192");
        assertThat(refused.details()).hasSize(5)
                .anySatisfy(named("actuals[" + ratio[0] + "].denominator", "is required for a RATIO indicator"))
                .anySatisfy(named("actuals[" + ratio[1] + "].denominator", "must not be zero"))
                .anySatisfy(named("actuals[" + ratio[2] + "].value", "is not given for a RATIO indicator"))
                .anySatisfy(named("actuals[0].numerator", "is only given for a RATIO indicator"))
                .anySatisfy(named("actuals[1].value", "is required"));
    }

    @Test
    void decimalsToleranceAndAMeetingBeforeItsQuarterEnded() {
        InvalidInputException refused = refusedBy(doc -> {
            item(doc, "indicators", 0).put("decimals", 4);
            item(doc, "indicators", 1).put("decimals", "1");
            item(doc, "indicators", 2).put("tolerance", "-2.5");
            item(doc, "indicators", 3).put("tolerance", "ten");
            item(doc, "meetings", 0).put("reviews", "2008-09 Q2");
            item(doc, "meetings", 1).put("date", "2008-09-30").put("reviews", "2008-09 Q2");
        });

        assertThat(refused.details()).hasSize(6)
                .anySatisfy(named("indicators[0].decimals", "must be a whole number from 0 to 3"))
                .anySatisfy(named("indicators[1].decimals", "must be a whole number from 0 to 3"))
                .anySatisfy(named("indicators[2].tolerance", "must not be negative"))
                .anySatisfy(named("indicators[3].tolerance", "must be a decimal number"))
                .anySatisfy(named("meetings[0].reviews", "\"2008-09 Q2\" had not ended by the meeting on 2008-08-21"))
                .anySatisfy(named("meetings[1].reviews", "it ends on 2008-09-30"));
    }

    @Test
    void howManyWorkingDaysBeforeOwnersAreRemindedIsOptionalAndAWholeNumberFrom0To20() {
        assertThat(RegisterBookJson.read(Fixtures.document(COVENTRY)).ownerReminderWorkingDays()).as("not given")
                .isEmpty();
        ObjectNode kept = Fixtures.document(COVENTRY);
        kept.put("ownerReminderWorkingDays", 3);
        assertThat(RegisterBookJson.read(kept).ownerReminderWorkingDays()).hasValue(3);

        for (String bad : List.of("21", "-1", "2.5", "\"five\"")) {
            InvalidInputException refused = refusedBy(doc -> doc.set("ownerReminderWorkingDays",
                    grants.documents.Json.parse(bad)));
            assertThat(refused.details()).as(bad).singleElement().satisfies(named("ownerReminderWorkingDays",
                    "must be a whole number of working days from 0 to 20"));
        }
    }

    @Test
    void misspeltFieldsUnknownRolesAndDaysTheCalendarDoesNotHave() {
        InvalidInputException refused = refusedBy(doc -> {
            item(doc, "indicators", 0).put("colour", "red");
            doc.put("registerID", "coventry");
            item(doc, "people", 9).put("role", "CHAIR");
            item(doc, "actuals", 0).put("recordedOn", "2008-02-30");
            item(doc, "actuals", 1).put("status", "final");
            item(doc, "narratives", 1).remove("next");
        });

        assertThat(refused.details()).hasSize(6)
                .anySatisfy(named("indicators[0].colour", "is not a field here"))
                .anySatisfy(named("registerID", "is not a field here"))
                .anySatisfy(named("people[9].role", "must be one of [OWNER, BOARD, SCRUTINY, MANAGER]"))
                .anySatisfy(named("actuals[0].recordedOn", "must be a date"))
                .anySatisfy(named("actuals[1].status", "must be one of [PROVISIONAL, FINAL]"))
                .anySatisfy(named("narratives[1].next", "is required"));
    }

    @Test
    void aBadIndicatorIsNamedOnceNotAgainWhereverItsFiguresReferToIt() {
        InvalidInputException refused = refusedBy(doc -> item(doc, "indicators", NI_152).put("polarity", "DOWN"));

        assertThat(refused.details()).singleElement().satisfies(named("indicators[0].polarity", "must be one of"));
        assertThat(refused).hasMessage("The register document was refused: 1 problem found; nothing was written.");
    }

    @Test
    void aRegisterWithoutAManagerHasNobodyToSetItUp() {
        InvalidInputException refused = refusedBy(doc -> item(doc, "people", 8).put("role", "BOARD"));

        assertThat(refused.details()).singleElement().satisfies(named("people", "names no MANAGER"));
    }

    private static InvalidInputException refusedBy(Consumer<ObjectNode> mistake) {
        ObjectNode document = Fixtures.document(COVENTRY);
        mistake.accept(document);
        return catchThrowableOfType(() -> RegisterBookJson.read(document), InvalidInputException.class);
    }

    private static ObjectNode item(ObjectNode document, String list, int index) {
        return (ObjectNode) document.get(list).get(index);
    }

    /** The indexes of an indicator's actuals in the document. */
    private static int[] actualsOf(ObjectNode document, String indicatorId) {
        ArrayNode actuals = (ArrayNode) document.get("actuals");
        return java.util.stream.IntStream.range(0, actuals.size())
                .filter(i -> actuals.get(i).get("indicator").asText().equals(indicatorId)).toArray();
    }

    private static Consumer<Problem> named(String field, String problem) {
        return p -> {
            assertThat(p.field()).isEqualTo(field);
            assertThat(p.problem()).contains(problem);
        };
    }
}
