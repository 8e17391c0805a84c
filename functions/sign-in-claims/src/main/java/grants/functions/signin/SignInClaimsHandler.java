package grants.functions.signin;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreTokenGenerationEvent;
import grants.adapters.aws.Environment;
import grants.adapters.wiring.Wiring;
import grants.core.access.Binding;
import grants.core.access.BindingService;
import grants.http.BindingClaims;
import org.crac.Core;
import org.crac.Resource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SignInClaims function: Cognito's pre token generation trigger. Each time the user pool
 * makes a person's ID token (sign-in and refresh alike) it reads their bindings from the grants
 * table, by their {@code sub}, and puts them in the token as {@link BindingClaims#CLAIM}; it
 * suppresses the old {@code custom:*} attributes, which people could once rewrite themselves.
 * No bindings makes the claim {@code {}}: signed in, and allowed nothing anywhere.
 */
public class SignInClaimsHandler implements RequestHandler<CognitoUserPoolPreTokenGenerationEvent,
        CognitoUserPoolPreTokenGenerationEvent>, Resource {

    /** Every setting this function reads; template.yaml must set them (checked in the template tests). */
    public static final List<String> SETTINGS = List.of(Environment.TABLE);

    /** User pool attributes that once said what a person owned: kept in the pool's schema, never in a token. */
    static final String[] RETIRED_ATTRIBUTES = {"custom:partnershipId", "custom:adviserId", "custom:programmes",
            "custom:personId", "custom:organisationId"};

    private final BindingService bindings;

    /** Lambda's constructor: one set of SDK clients per container, configured from the environment. */
    public SignInClaimsHandler() {
        this(Wiring.fromEnvironment());
        Core.getGlobalContext().register(this);
    }

    /** Built from what the functions share: how the local runner and the tests make it. */
    public SignInClaimsHandler(Wiring wiring) {
        this(new SignInClaimsComposition(wiring));
    }

    /** Everything it uses comes from its composition; the handler only routes. */
    public SignInClaimsHandler(SignInClaimsComposition composition) {
        this.bindings = composition.bindings();
    }

    @Override
    public CognitoUserPoolPreTokenGenerationEvent handleRequest(CognitoUserPoolPreTokenGenerationEvent event,
                                                                Context context) {
        Map<String, String> attributes = event.getRequest() == null || event.getRequest().getUserAttributes() == null
                ? Map.of() : event.getRequest().getUserAttributes();
        String subject = attributes.get("sub");
        if (subject == null || subject.isBlank()) {
            // Cognito always sends it; refusing the token is safer than issuing one we cannot bind.
            throw new IllegalStateException("The pre token generation event names no sub.");
        }
        List<Binding> theirs = bindings.of(subject);
        Map<String, String> claims = new HashMap<>();
        claims.put(BindingClaims.CLAIM, BindingClaims.encode(theirs));
        event.setResponse(CognitoUserPoolPreTokenGenerationEvent.Response.builder()
                .withClaimsOverrideDetails(CognitoUserPoolPreTokenGenerationEvent.ClaimsOverrideDetails.builder()
                        .withClaimsToAddOrOverride(claims)
                        .withClaimsToSuppress(RETIRED_ATTRIBUTES.clone())
                        .build())
                .build());
        return event;
    }

    /** SnapStart priming: one lookup through the DynamoDB client before the snapshot (Cognito waits 5 s at most). */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        bindings.of("snapstart-priming");
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to refresh: clients re-resolve credentials and connections on use
    }
}
