package grants.functions.allocate;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import grants.core.access.Actor;
import grants.core.access.Role;
import grants.http.Identity;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Binding people through the API, on the emulators: stored, read back, audited, refused with the field named. */
class BindingRoutesTest {

    private static final String CLERK = "5e1d9a7c-2b3f-4c8e-a1d0-rugby0000001";

    private final ApiOnTheEmulators api = new ApiOnTheEmulators(BindingRoutesTest.class);

    private APIGatewayV2HTTPResponse call(String eventFile, String body, Actor actor) {
        APIGatewayV2HTTPEvent event = Events.load(eventFile);
        if (body != null) {
            event.setBody(body);
        }
        event.setRequestContext(Identity.verified(Identity.claimsOf(actor)));
        return api.call(event);
    }

    @Test
    void aManagerBindsAPartnershipClerkReadsItBackAndTheAuditTrailSaysWhoAndWhat() {
        APIGatewayV2HTTPResponse put = call("put-binding.json", null, ApiOnTheEmulators.MANAGER);
        APIGatewayV2HTTPResponse got = call("get-binding.json", null,
                Actor.system("auditor@westmidlands.example", Role.AUDITOR));

        assertThat(put.getStatusCode()).isEqualTo(200);
        JsonNode binding = ApiOnTheEmulators.body(got);
        assertThat(binding.get("subject").asText()).isEqualTo(CLERK);
        assertThat(binding.get("scope").asText()).isEqualTo("l2d-2007-08");
        assertThat(binding.get("partnershipId").asText()).isEqualTo("rugby");
        APIGatewayV2HTTPEvent audit = Events.load("get-audit.json");
        audit.setRequestContext(Identity.verified(Identity.claimsOf(ApiOnTheEmulators.MANAGER)));
        JsonNode entry = ApiOnTheEmulators.body(api.call(audit)).path("entries").get(0);
        assertThat(entry.toString()).contains("BINDING_ADDED", CLERK, "partnershipId=rugby",
                "manager@westmidlands.example");
    }

    @Test
    void aBodyWithAnUnknownFieldOrABadIdIsRefusedNamingItAndBindsNothing() {
        APIGatewayV2HTTPResponse unknown = call("put-binding.json",
                "{\"name\":\"Clerk\",\"partnershipId\":\"rugby\",\"programmes\":\"*\"}", ApiOnTheEmulators.MANAGER);
        APIGatewayV2HTTPResponse badId = call("put-binding.json", "{\"name\":\"Clerk\",\"partnershipId\":\"rugby town\"}",
                ApiOnTheEmulators.MANAGER);
        APIGatewayV2HTTPResponse noName = call("put-binding.json", "{\"partnershipId\":\"rugby\"}",
                ApiOnTheEmulators.MANAGER);

        assertThat(unknown.getStatusCode()).isEqualTo(400);
        assertThat(ApiOnTheEmulators.refusedField(unknown)).isEqualTo("programmes");
        assertThat(badId.getStatusCode()).isEqualTo(400);
        assertThat(ApiOnTheEmulators.refusedField(badId)).isEqualTo("partnershipId");
        assertThat(ApiOnTheEmulators.refusedField(noName)).isEqualTo("name");
        assertThat(call("get-binding.json", null, ApiOnTheEmulators.MANAGER).getStatusCode()).isEqualTo(404);
    }

    @Test
    void unbindingRemovesItAndAManagerOfAnotherProgrammeCanDoNeither() {
        Actor otherManager = new Actor("sub-cov", "cov@coventry.example", Set.of(Role.PROGRAMME_MANAGER),
                Optional.empty(), Optional.empty(), Set.of("coventry-commissioning-2002"));
        call("put-binding.json", null, ApiOnTheEmulators.MANAGER);

        assertThat(call("delete-binding.json", null, otherManager).getStatusCode()).isEqualTo(403);
        assertThat(call("put-binding.json", null, otherManager).getStatusCode()).isEqualTo(403);
        assertThat(call("delete-binding.json", null, ApiOnTheEmulators.MANAGER).getStatusCode()).isEqualTo(200);
        assertThat(call("get-binding.json", null, ApiOnTheEmulators.MANAGER).getStatusCode()).isEqualTo(404);
    }

    @Test
    void onlyAManagerBoundEverywhereBindsSomeoneEverywhere() {
        Actor wmManager = new Actor("sub-wm", "wm@westmidlands.example", Set.of(Role.PROGRAMME_MANAGER),
                Optional.empty(), Optional.empty(), Set.of("l2d-2007-08"));

        assertThat(call("put-binding-everywhere.json", null, wmManager).getStatusCode()).isEqualTo(403);
        assertThat(call("put-binding-everywhere.json", null, ApiOnTheEmulators.MANAGER).getStatusCode()).isEqualTo(200);
        assertThat(ApiOnTheEmulators.body(call("get-binding-everywhere.json", null, ApiOnTheEmulators.MANAGER))
                .get("scope").asText()).isEqualTo("*");
    }
}
