package grants.documents;

import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.documents.Fixtures;
import grants.documents.ProgrammeDocument;
import grants.core.errors.InvalidInputException;
import grants.core.errors.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every item of the spec's bad-input list is refused with the field named. */
class ProgrammeValidationTest {

    private static List<Problem> problemsOf(ObjectNode document) {
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                () -> ProgrammeJson.read(document));
        assertThat(refused).as("the document should have been refused").isNotNull();
        return refused.details();
    }

    private static List<Problem> problemsOfWestMidlands(Consumer<ObjectNode> change) {
        ObjectNode document = Fixtures.document(Fixtures.WEST_MIDLANDS);
        change.accept(document);
        return problemsOf(document);
    }

    private static ObjectNode partnership(ObjectNode document, int index) {
        return (ObjectNode) document.get("partnerships").get(index);
    }

    private static ObjectNode submission(ObjectNode document, int index) {
        return (ObjectNode) document.get("submissions").get(index);
    }

    @Test
    void theRealRegionIsValid() {
        assertThat(ProgrammeJson.read(Fixtures.document(Fixtures.WEST_MIDLANDS)).partnerships()).hasSize(38);
    }

    @Test
    void unknownOrMissingType() {
        assertThat(problemsOfWestMidlands(doc -> partnership(doc, 3).put("type", "PARISH")))
                .extracting(Problem::field).containsExactly("partnerships[3].type");
        assertThat(problemsOfWestMidlands(doc -> partnership(doc, 3).remove("type")))
                .containsExactly(new Problem("partnerships[3].type", "is required"));
    }

    @Test
    void duplicatePartnershipId() {
        assertThat(problemsOfWestMidlands(doc -> partnership(doc, 1).put("id", "birmingham")))
                .contains(new Problem("partnerships[1].id", "duplicates the id \"birmingham\" of partnerships[0]"));
    }

    @Test
    void districtWithoutCountyOrWithANonCounty() {
        assertThat(problemsOfWestMidlands(doc -> partnership(doc, 12).remove("county")))
                .extracting(Problem::field).containsExactly("partnerships[12].county");
        assertThat(problemsOfWestMidlands(doc -> partnership(doc, 12).put("county", "birmingham")))
                .singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("partnerships[12].county");
                    assertThat(p.problem()).contains("METROPOLITAN, not a COUNTY");
                });
    }

    @Test
    void singleTierOrCountyWithACounty() {
        assertThat(problemsOfWestMidlands(doc -> {
            partnership(doc, 0).put("county", "shropshire");
            partnership(doc, 16).put("county", "shropshire");
        })).extracting(Problem::field).containsExactly("partnerships[0].county", "partnerships[16].county");
    }

    @Test
    void countyWithNoDistricts() {
        ObjectNode doc = new ProgrammeDocument().partnership("shire", "COUNTY").json();
        assertThat(problemsOf(doc)).extracting(Problem::field).containsExactly("partnerships[0]");
    }

    @Test
    void submissionsForUnknownOrTwiceTheSamePartnership() {
        assertThat(problemsOfWestMidlands(doc -> {
            submission(doc, 0).put("partnership", "atlantis");
            submission(doc, 2).put("partnership", "coventry");
        })).extracting(Problem::field).containsExactly("submissions[0].partnership", "submissions[2].partnership");
    }

    @Test
    void sharedWithUnknownOrItself() {
        assertThat(problemsOfWestMidlands(doc -> {
            submission(doc, 10).withArray("sharedWith").set(1, "atlantis");
            submission(doc, 10).withArray("sharedWith").set(2, "shropshire");
        })).extracting(Problem::field).containsExactly("submissions[10].sharedWith[1]", "submissions[10].sharedWith[2]");
    }

    @Test
    void badMoney() {
        List<Problem> problems = problemsOfWestMidlands(doc -> {
            doc.with("grantRates").put("SINGLE_TIER", "-1.00");
            doc.with("grantRates").put("TWO_TIER", "6300.001");
            doc.put("grantBudget", "lots");
        });
        assertThat(problems).extracting(Problem::field)
                .containsExactly("grantRates.SINGLE_TIER", "grantRates.TWO_TIER", "grantBudget");
        assertThat(problems).extracting(Problem::problem).anySatisfy(p -> assertThat(p).contains("negative"))
                .anySatisfy(p -> assertThat(p).contains("two decimals"))
                .anySatisfy(p -> assertThat(p).contains("decimal number"));
    }

    @Test
    void missingRateForATierInUse() {
        assertThat(problemsOfWestMidlands(doc -> doc.with("grantRates").remove("TWO_TIER")))
                .containsExactly(new Problem("grantRates.TWO_TIER", "is required: 28 partnerships are TWO_TIER"));
    }

    @Test
    void unknownRedistributionPolicyAndSupportDaysOffTheHalfDay() {
        assertThat(problemsOfWestMidlands(doc -> {
            doc.put("redistribution", "LOTTERY");
            doc.put("supportDaysPerPartnership", "1.25");
        })).extracting(Problem::field).containsExactly("supportDaysPerPartnership", "redistribution");
    }

    @Test
    void everyProblemIsListedAtOnce() {
        assertThat(problemsOfWestMidlands(doc -> {
            doc.remove("eurRate");
            partnership(doc, 5).put("type", "?");
            submission(doc, 7).put("basis", "HUNCH");
        })).extracting(Problem::field).containsExactly("eurRate", "partnerships[5].type", "submissions[7].basis");
    }

    @Test
    void notAJsonObjectAtAll() {
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> Json.parse("{\"programmeId\":")).details())
                .singleElement().extracting(Problem::field).isEqualTo("body");
    }
}
