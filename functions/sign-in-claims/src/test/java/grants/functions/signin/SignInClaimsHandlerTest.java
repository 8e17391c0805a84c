package grants.functions.signin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreTokenGenerationEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import grants.adapters.aws.AwsClients;
import grants.adapters.aws.Environment;
import grants.adapters.dynamodb.AuditTable;
import grants.adapters.dynamodb.GrantsTable;
import grants.adapters.wiring.Wiring;
import grants.core.access.Actor;
import grants.core.access.Binding;
import grants.core.access.Role;
import grants.http.BindingClaims;
import grants.http.Identity;
import grants.localaws.AwsStack;
import grants.localaws.LocalLambdaContext;
import grants.localaws.TestAwsStack;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The pre token generation trigger on DynamoDB Local: what a manager bound is what the ID token says. */
class SignInClaimsHandlerTest {

    private static final String RUGBY_CLERK = "5e1d9a7c-2b3f-4c8e-a1d0-rugby0000001";

    private final Wiring wiring = wiring();
    private final SignInClaimsHandler handler = new SignInClaimsHandler(wiring);

    private static Wiring wiring() {
        AwsStack stack = TestAwsStack.shared();
        AwsClients aws = AwsClients.local(new AwsClients.Endpoints(stack::dynamoDbEndpoint, stack::s3Endpoint,
                stack::sesEndpoint, stack::sqsEndpoint), stack.accessKey(), stack.secretKey());
        String table = TestAwsStack.uniqueTableName(SignInClaimsHandlerTest.class);
        GrantsTable.createIfMissing(aws.dynamoDb(), table);
        // The bindings the test writes as a manager are recorded, as AllocateGrants records them.
        AuditTable.createIfMissing(aws.dynamoDb(), table + "-audit");
        return new Wiring(Environment.of(Map.of(Environment.TABLE, table, Environment.AUDIT_TABLE, table + "-audit")), aws,
                Clock.systemUTC());
    }

    private Map<String, String> idTokenClaims() {
        CognitoUserPoolPreTokenGenerationEvent event = EventLoader.loadEvent("token-generation.json",
                CognitoUserPoolPreTokenGenerationEvent.class);
        var answered = handler.handleRequest(event, new LocalLambdaContext("SignInClaimsFunction"));
        var details = answered.getResponse().getClaimsOverrideDetails();
        // What Cognito puts in the ID token: the user's attributes, less those suppressed, plus those added.
        Map<String, String> claims = new HashMap<>(event.getRequest().getUserAttributes());
        for (String suppressed : details.getClaimsToSuppress()) {
            claims.remove(suppressed);
        }
        claims.putAll(details.getClaimsToAddOrOverride());
        claims.put("token_use", "id");
        claims.put("cognito:groups", "[partnership-member]");
        return claims;
    }

    private static APIGatewayV2HTTPEvent requestIn(String programmeId, Map<String, String> claims) {
        return APIGatewayV2HTTPEvent.builder().withPathParameters(Map.of("programmeId", programmeId))
                .withRequestContext(Identity.verified(claims)).build();
    }

    @Test
    void theIdTokenCarriesWhatAManagerBoundAndNotWhatTheUserWroteInTheirAttributes() {
        new SignInClaimsComposition(wiring).bindings().bind(Actor.system("manager@westmidlands.example", Role.PROGRAMME_MANAGER),
                new Binding(RUGBY_CLERK, "l2d-2007-08", "Clerk to Rugby Partnership", Optional.of("rugby"),
                        Optional.empty(), Optional.empty(), Optional.empty()));

        Map<String, String> claims = idTokenClaims();

        assertThat(claims).doesNotContainKeys("custom:partnershipId", "custom:programmes");
        Actor clerk = Identity.of(requestIn("l2d-2007-08", claims));
        assertThat(clerk.isMemberOf("rugby")).isTrue();
        assertThat(clerk.isMemberOf("warwick")).as("the partnership the user wrote into custom:partnershipId").isFalse();
        assertThat(Identity.of(requestIn("l2d-2008-09", claims)).worksOn("l2d-2008-09")).isFalse();
    }

    @Test
    void someoneNobodyBoundGetsAnEmptyClaimAndMayDoNothing() {
        Map<String, String> claims = idTokenClaims();

        assertThat(claims).containsEntry(BindingClaims.CLAIM, "{}");
        Actor unbound = Identity.of(requestIn("l2d-2007-08", claims));
        assertThat(unbound.worksOn("l2d-2007-08")).isFalse();
        assertThat(unbound.partnershipId()).isEmpty();
    }
}
