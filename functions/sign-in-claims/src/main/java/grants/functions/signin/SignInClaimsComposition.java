package grants.functions.signin;

import grants.adapters.dynamodb.DynamoBindingStore;
import grants.adapters.wiring.Wiring;
import grants.core.access.BindingService;

/**
 * Everything the SignInClaims function uses, built once per container from what the functions
 * share ({@link Wiring}): the bindings it puts in each ID token.
 */
public final class SignInClaimsComposition {

    private final BindingService bindings;

    public SignInClaimsComposition(Wiring wiring) {
        this.bindings = new BindingService(new DynamoBindingStore(wiring.table()), wiring.auditLog());
    }

    public BindingService bindings() {
        return bindings;
    }
}
