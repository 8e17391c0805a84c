package grants.functions.assessment;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grants.core.access.Actor;
import grants.documents.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static grants.functions.assessment.AssessmentsOnTheEmulators.COVENTRY_LEAD;
import static grants.functions.assessment.AssessmentsOnTheEmulators.MANAGER;
import static grants.functions.assessment.AssessmentsOnTheEmulators.REVIEWER;
import static grants.functions.assessment.AssessmentsOnTheEmulators.RUGBY_CHAMPION;
import static grants.functions.assessment.AssessmentsOnTheEmulators.RUGBY_LEAD;
import static grants.functions.assessment.AssessmentsOnTheEmulators.STEERING_GROUP;
import static grants.functions.assessment.AssessmentsOnTheEmulators.request;
import static grants.functions.assessment.AssessmentsOnTheEmulators.sample;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * AssessPartnerships on DynamoDB Local with Learning to Deliver loaded: the manager's framework, Rugby's
 * representative submits the sample baseline, its Project Champion (named in the programme document)
 * confirms it; Rugby's profile and the Steering Group's table and CSV show the exact figures; a bad
 * answer is refused by field, a submitted assessment is never changed, and each change is in the audit trail.
 */
class AssessPartnershipsHandlerTest {

    private static AssessmentsOnTheEmulators stack;

    @BeforeAll
    static void learningToDeliverIsLoaded() {
        stack = new AssessmentsOnTheEmulators(AssessPartnershipsHandlerTest.class);
        stack.frameworkIsSet();
    }

    private static Map<String, String> rugby(String assessmentId) {
        return Map.of("partnershipId", "rugby", "assessmentId", assessmentId);
    }

    @Test
    void rugbyAssessesItselfItsChampionConfirmsAndTheProfileAndTableShowExactFigures() {
        AssessmentsOnTheEmulators.Answer submitted = stack.call(sample("put-assessment.json", RUGBY_LEAD, Map.of()));
        AssessmentsOnTheEmulators.Answer unconfirmedProfile = stack.call(request(AssessmentRoutes.GET_PROFILE, RUGBY_LEAD,
                Map.of("partnershipId", "rugby"), null));
        Map<String, Boolean> mayConfirm = Map.of(
                "the champion", mayConfirm(RUGBY_CHAMPION), "another member", mayConfirm(RUGBY_LEAD), "the manager", mayConfirm(MANAGER));
        AssessmentsOnTheEmulators.Answer byTheLead = stack.call(request(AssessmentRoutes.CONFIRM, RUGBY_LEAD,
                rugby("rugby-baseline"), null));
        AssessmentsOnTheEmulators.Answer confirmed = stack.call(request(AssessmentRoutes.CONFIRM, RUGBY_CHAMPION,
                rugby("rugby-baseline"), null));
        AssessmentsOnTheEmulators.Answer profile = stack.call(request(AssessmentRoutes.GET_PROFILE, RUGBY_LEAD,
                Map.of("partnershipId", "rugby"), null));
        AssessmentsOnTheEmulators.Answer table = stack.call(request(AssessmentRoutes.GET_TABLE, STEERING_GROUP, Map.of(), null));
        APIGatewayV2HTTPEvent csvRequest = request(AssessmentRoutes.GET_TABLE, STEERING_GROUP, Map.of(), null);
        csvRequest.setQueryStringParameters(Map.of("format", "csv"));
        AssessmentsOnTheEmulators.Answer csv = stack.call(csvRequest);

        assertThat(submitted.status()).as(submitted.text()).isEqualTo(201);
        assertThat(submitted.json().path("status").asText()).isEqualTo("AWAITING_CHAMPION");
        assertThat(unconfirmedProfile.json().at("/domains/0/baseline").isMissingNode()).as("not counted before confirming")
                .isTrue();
        assertThat(mayConfirm).as("whom the console offers the confirm button")
                .containsExactlyInAnyOrderEntriesOf(Map.of("the champion", true, "another member", false, "the manager", false));
        assertThat(byTheLead.status()).as("the representative is not the Project Champion").isEqualTo(403);
        assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(200);
        assertThat(confirmed.json().path("confirmed").path("by").asText()).isEqualTo("champion@rugby.lsp.example");
        assertThat(profile.json().at("/domains/0/baseline/words").asText()).as("(1 + 2) / 2").isEqualTo("1.5");
        assertThat(profile.json().at("/domains/2/baseline/words").asText()).as("(3 + 2) / 2").isEqualTo("2.5");
        assertThat(profile.json().at("/domains/0/baseline/numerator").asLong()).isEqualTo(3);
        assertThat(profile.json().at("/domains/0/baseline/denominator").asLong()).isEqualTo(2);
        assertThat(table.json().at("/partnerships/0/name").asText()).isEqualTo("Rugby");
        assertThat(table.json().at("/domains/0/regionalMean/chartValue").asText()).isEqualTo("1.50");
        assertThat(csv.text()).startsWith("partnershipId,partnership,domainId,domain,baseline,end\n")
                .contains("rugby,Rugby,governance-and-accountability,Governance and accountability,1.5,\n")
                .contains("rugby,Rugby,economic-development,Economic development,3,\n");
        assertThat(stack.recordedActions()).containsSubsequence("FRAMEWORK_SET", "ASSESSMENT_SUBMITTED",
                "ASSESSMENT_CONFIRMED");
    }

    /** What Rugby's assessments say to this caller: may they confirm them? */
    private static boolean mayConfirm(Actor who) {
        return stack.call(request(AssessmentRoutes.GET_ASSESSMENTS, who, Map.of("partnershipId", "rugby"), null))
                .json().path("mayConfirm").asBoolean();
    }

    @Test
    void aBadAnswerIsRefusedByFieldAndASubmittedAssessmentIsNeverChanged() {
        APIGatewayV2HTTPEvent bad = sample("put-assessment.json", RUGBY_LEAD, rugby("rugby-bad"));
        ObjectNode body = (ObjectNode) Json.parse(bad.getBody());
        ((ObjectNode) body.withArray("answers").get(1)).put("score", 5);
        ((ObjectNode) body.withArray("answers").get(3)).put("evidence", "");
        bad.setBody(Json.write(body));
        AssessmentsOnTheEmulators.Answer refused = stack.call(bad);

        AssessmentsOnTheEmulators.Answer first = stack.call(sample("put-assessment.json", RUGBY_LEAD, rugby("rugby-kept")));
        APIGatewayV2HTTPEvent changed = sample("put-assessment.json", RUGBY_LEAD, rugby("rugby-kept"));
        changed.setBody(changed.getBody().replace("\"score\": 1", "\"score\": 4"));
        AssessmentsOnTheEmulators.Answer edit = stack.call(changed);
        AssessmentsOnTheEmulators.Answer retry = stack.call(sample("put-assessment.json", RUGBY_LEAD, rugby("rugby-kept")));
        APIGatewayV2HTTPEvent joint = sample("put-assessment.json", RUGBY_LEAD, rugby("rugby-joint"));
        joint.setBody(Json.write(((ObjectNode) Json.parse(joint.getBody())).put("kind", "JOINT_REVIEW")));
        AssessmentsOnTheEmulators.Answer jointForADistrict = stack.call(joint);
        AssessmentsOnTheEmulators.Answer otherPartnership = stack.call(sample("put-assessment.json", COVENTRY_LEAD,
                rugby("by-coventry")));
        AssessmentsOnTheEmulators.Answer coSignSelf = stack.call(request(AssessmentRoutes.CO_SIGN, REVIEWER,
                rugby("rugby-kept"), null));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.fields()).containsExactly("answers[1].score", "answers[3].evidence");
        assertThat(stack.call(request(AssessmentRoutes.GET_ASSESSMENTS, MANAGER, Map.of("partnershipId", "rugby"), null))
                .text()).as("nothing was submitted").doesNotContain("rugby-bad");
        assertThat(first.status()).isEqualTo(201);
        assertThat(edit.status()).isEqualTo(409);
        assertThat(edit.json().at("/error/code").asText()).isEqualTo("ASSESSMENT_ALREADY_SUBMITTED");
        assertThat(retry.status()).as("the same request again is answered with what is kept").isEqualTo(201);
        assertThat(retry.json().at("/answers/0/score").asInt()).isEqualTo(1);
        assertThat(jointForADistrict.status()).isEqualTo(400);
        assertThat(jointForADistrict.field()).isEqualTo("kind");
        assertThat(otherPartnership.status()).isEqualTo(403);
        assertThat(coSignSelf.status()).isEqualTo(409);
    }
}
