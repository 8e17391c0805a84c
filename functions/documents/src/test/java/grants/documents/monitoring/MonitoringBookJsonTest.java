package grants.documents.monitoring;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.errors.InvalidInputException;
import grants.core.errors.Problem;
import grants.documents.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The worked example reads; each kind of bad input the spec lists, made in it, is refused naming its field. */
class MonitoringBookJsonTest {

    private static final String COVENTRY = "coventry-monitoring.json";

    @Test
    void theCoventryExampleReadsWithItsSevenContractsAndEveryEvent() {
        MonitoringBook book = MonitoringBookJson.read(Fixtures.document(COVENTRY));

        assertThat(book.bookId()).isEqualTo("coventry-monitoring-2002");
        assertThat(book.agreements()).hasSize(7).allSatisfy(a -> assertThat(a.instalments()).hasSize(12));
        assertThat(book.agreements().stream().mapToLong(a -> a.totalPence()).sum()).isEqualTo(1_155_000_000L);
        assertThat(book.people()).hasSize(18);
        assertThat(book.sweepOutages()).containsExactly(LocalDate.of(2002, 7, 19), LocalDate.of(2002, 10, 28),
                LocalDate.of(2003, 2, 5));
        assertThat(book.paymentRuns().first()).isEqualTo(LocalDate.of(2002, 4, 2));
        assertThat(book.asOf()).isEqualTo(LocalDate.of(2003, 6, 30));
        BookEvent vary = book.events().stream().filter(e -> e.type() == BookEvent.Type.VARY).findFirst().orElseThrow();
        assertThat(vary.returnId()).isEqualTo("contract-skills-network/2002-03 Q3");
        assertThat(vary.to()).isEqualTo(LocalDate.of(2003, 2, 12));
        assertThat(book.settings().reminders()).hasSize(4);
    }

    @Test
    void unknownPeopleOrganisationsAgreementsReturnsMilestonesInstalmentsAndMeasures() {
        InvalidInputException refused = refusedBy(doc -> {
            event(doc, 0).put("by", "nobody");
            agreement(doc, 0).put("organisation", "acme");
            agreement(doc, 1).put("officer", "officer-zed");
            firstOf(doc, "hold").put("agreement", "contract-nowhere");
            firstOf(doc, "accept").put("return", "contract-skills-network/2009-10 Q1");
            firstOf(doc, "milestoneAchieved").put("milestone", "contract-skills-network/m9");
            firstOf(doc, "release").put("instalment", 13);
            ((ObjectNode) firstOf(doc, "submit").get("outputs")).put("Trees planted", 4);
            firstOf(doc, "bounce").put("email", "stranger@example.org");
            person(doc, 9).put("organisation", "acme");
        });
        assertThat(refused.details()).anySatisfy(named("events[0].by", "not a person"))
                .anySatisfy(named("agreements[0].organisation", "not an organisation"))
                .anySatisfy(named("agreements[1].officer", "not a person"))
                .anySatisfy(named(pathOf("hold") + ".agreement", "not an agreement"))
                .anySatisfy(named(pathOf("accept") + ".return", "not a return"))
                .anySatisfy(named(pathOf("milestoneAchieved") + ".milestone", "not a milestone"))
                .anySatisfy(named(pathOf("release") + ".instalment", "does not have"))
                .anySatisfy(named(pathOf("submit") + ".outputs.Trees planted", "not a measure"))
                .anySatisfy(named(pathOf("bounce") + ".email", "not the address of a person"))
                .anySatisfy(named("people[9].organisation", "not an organisation"));
    }

    @Test
    void twoThingsWithOneIdAMilestoneIdUniqueInTheWholeDocument() {
        InvalidInputException refused = refusedBy(doc -> {
            person(doc, 1).put("id", "manager-ruth");
            ((ObjectNode) doc.get("organisations").get(1)).put("id", "homes-together");
            agreement(doc, 1).put("id", "contract-cohesion-northside");
            ((ObjectNode) agreement(doc, 2).get("milestones").get(0)).put("id", "contract-skills-network/m1");
            ((ObjectNode) doc.get("settings").get("reminders").get(1)).put("id", "r-before");
        });
        assertThat(refused.details()).anySatisfy(named("people[1].id", "already the id"))
                .anySatisfy(named("organisations[1].id", "already the id"))
                .anySatisfy(named("agreements[1].id", "already the id"))
                .anySatisfy(named("agreements[3].milestones[0].id", "already the id of agreements[2].milestones[0]"))
                .anySatisfy(named("settings.reminders[1].id", "already the id"));
    }

    @Test
    void aVariationNamingBothAReturnAndAMilestoneOrNeither() {
        InvalidInputException both = refusedBy(doc -> firstOf(doc, "vary").put("milestone", "contract-skills-network/m2"));
        assertThat(both.details()).anySatisfy(named(pathOf("vary"), "both a return and a milestone"));
        InvalidInputException neither = refusedBy(doc -> firstOf(doc, "vary").remove("return"));
        assertThat(neither.details()).anySatisfy(named(pathOf("vary"), "neither a return nor a milestone"));
    }

    @Test
    void aDateThatIsNotARealDate() {
        InvalidInputException refused = refusedBy(doc -> {
            ((ObjectNode) agreement(doc, 0).get("instalments").get(1)).put("due", "2002-02-30");
            ((ArrayNode) doc.get("bankHolidays")).set(0, "2002-13-01");
            doc.put("asOf", "30 June 2003");
        });
        assertThat(refused.details()).anySatisfy(named("agreements[0].instalments[1].due", "not a real date"))
                .anySatisfy(named("bankHolidays[0]", "not a real date"))
                .anySatisfy(named("asOf", "YYYY-MM-DD"));
    }

    @Test
    void instalmentsNotNumberedOneToNAndAMilestoneGatingOneTheAgreementLacks() {
        InvalidInputException refused = refusedBy(doc -> {
            ((ObjectNode) agreement(doc, 0).get("instalments").get(2)).put("n", 14);
            ((ArrayNode) agreement(doc, 1).get("milestones").get(0).get("gates")).add(13);
        });
        assertThat(refused.details()).anySatisfy(named("agreements[0].instalments", "numbered 1 to 12"))
                .anySatisfy(named("agreements[1].milestones[0].gates[1]", "instalment 13"));
    }

    @Test
    void anAgreementEndingBeforeItStarts() {
        assertRefused(doc -> agreement(doc, 4).put("end", "2002-03-31"), "agreements[4].end", "before the agreement starts");
    }

    @Test
    void anEventWithAMissingFieldAnUnknownTypeOrAFieldItsTypeDoesNotHave() {
        InvalidInputException refused = refusedBy(doc -> {
            firstOf(doc, "skip").remove("reason");
            event(doc, 1).put("type", "approve");
            firstOf(doc, "terminate").put("instalment", 6);
        });
        assertThat(refused.details()).anySatisfy(named(pathOf("skip") + ".reason", "is required"))
                .anySatisfy(named("events[1].type", "not an event type"))
                .anySatisfy(named(pathOf("terminate") + ".instalment", "not a field here"));
    }

    @Test
    void eventsOutOfDateOrderAndAsOfBeforeAnEvent() {
        InvalidInputException refused = refusedBy(doc -> {
            event(doc, 3).put("on", "2002-04-01");
            doc.put("asOf", "2003-06-26");
        });
        assertThat(refused.details()).anySatisfy(named("events[3].on", "date order"))
                .anySatisfy(named(lastEventPath(), "after asOf"));
    }

    @Test
    void negativeOrNonWholeOutputsAndSettings() {
        InvalidInputException refused = refusedBy(doc -> {
            ((ObjectNode) firstOf(doc, "submit").get("outputs")).put("Residents taking part", -3);
            ((ObjectNode) agreement(doc, 0).get("outputs").get(0)).put("annualTarget", 12.5);
            ((ObjectNode) doc.get("settings")).put("holdGraceWorkingDays", -1);
            ((ObjectNode) doc.get("settings")).put("returnDueWorkingDays", "20");
        });
        assertThat(refused.details()).anySatisfy(named(pathOf("submit") + ".outputs.Residents taking part", "whole number"))
                .anySatisfy(named("agreements[0].outputs[0].annualTarget", "whole number"))
                .anySatisfy(named("settings.holdGraceWorkingDays", "whole number"))
                .anySatisfy(named("settings.returnDueWorkingDays", "whole number"));
    }

    @Test
    void moneyAsAllocationRulesSay() {
        InvalidInputException refused = refusedBy(doc -> {
            ((ObjectNode) agreement(doc, 0).get("instalments").get(0)).put("amount", "87500.001");
            ((ObjectNode) agreement(doc, 0).get("instalments").get(1)).put("amount", "-1.00");
        });
        assertThat(refused.details()).anySatisfy(named("agreements[0].instalments[0].amount", "two decimals"))
                .anySatisfy(named("agreements[0].instalments[1].amount", "negative"));
    }

    @Test
    void anUnknownFieldIsRefusedNotIgnored() {
        InvalidInputException refused = refusedBy(doc -> {
            doc.put("sweepOutage", "2002-07-19");
            ((ObjectNode) doc.get("settings")).put("holdAcrossAgreement", true);
        });
        assertThat(refused.details()).anySatisfy(named("sweepOutage", "not a field here"))
                .anySatisfy(named("settings.holdAcrossAgreement", "not a field here"));
    }

    @Test
    void everyProblemOfTheDocumentIsNamedAtOnce() {
        InvalidInputException refused = refusedBy(doc -> {
            event(doc, 0).put("by", "nobody");
            agreement(doc, 4).put("end", "2002-03-31");
            doc.put("asOf", "2003-02-30");
        });
        assertThat(refused.getMessage()).startsWith("The monitoring document was refused: 3 problems found; nothing was written.");
    }

    // ---- the document, changed ----

    private static InvalidInputException refusedBy(Consumer<ObjectNode> change) {
        ObjectNode doc = Fixtures.document(COVENTRY);
        change.accept(doc);
        InvalidInputException refused = catchThrowableOfType(() -> MonitoringBookJson.read(doc), InvalidInputException.class);
        assertThat(refused).as("the changed document is refused").isNotNull();
        return refused;
    }

    private static void assertRefused(Consumer<ObjectNode> change, String field, String words) {
        assertThat(refusedBy(change).details()).anySatisfy(named(field, words));
    }

    private static Consumer<Problem> named(String field, String words) {
        return problem -> {
            assertThat(problem.field()).isEqualTo(field);
            assertThat(problem.problem()).contains(words);
        };
    }

    private static ObjectNode agreement(ObjectNode doc, int index) {
        return (ObjectNode) doc.get("agreements").get(index);
    }

    private static ObjectNode person(ObjectNode doc, int index) {
        return (ObjectNode) doc.get("people").get(index);
    }

    private static ObjectNode event(ObjectNode doc, int index) {
        return (ObjectNode) doc.get("events").get(index);
    }

    private static ObjectNode firstOf(ObjectNode doc, String type) {
        return event(doc, indexOf(type));
    }

    private static String pathOf(String type) {
        return "events[" + indexOf(type) + "]";
    }

    private static int indexOf(String type) {
        ArrayNode events = (ArrayNode) Fixtures.document(COVENTRY).get("events");
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).get("type").asText().equals(type)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no " + type + " event in the example");
    }

    private static String lastEventPath() {
        return "events[" + (Fixtures.document(COVENTRY).get("events").size() - 1) + "].on";
    }
}
