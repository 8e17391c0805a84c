package grants.policycheck;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;
import java.util.Map;

/**
 * Fails a test in which a function made a request its deployed policy would deny, even if the code
 * caught the refusal: found by JUnit on every test classpath that has this module
 * ({@code junit.jupiter.extensions.autodetection.enabled}, set in the parent pom).
 */
public final class PolicyCheckExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        PolicyCheckHook.shared().watchThisThread();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        PolicyCheckHook.shared().watchThisThread();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        failOnDenials(context.getDisplayName());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Map<String, Long> allowed = PolicyCheckHook.shared().allowedByStatement();
        if (!allowed.isEmpty() && context.getTestClass().isPresent()) {
            // Shown so that a run proves the check saw the functions' calls: requests so far in this JVM, by statement.
            System.out.println("[policy-check] after " + context.getDisplayName() + ", requests allowed by statement: "
                    + allowed);
        }
        failOnDenials(context.getDisplayName() + " (its set-up, or work still running after a test)");
    }

    private static void failOnDenials(String where) {
        List<String> denials = PolicyCheckHook.shared().takeDenials();
        if (!denials.isEmpty()) {
            throw new AssertionError(denials.size() + " request(s) in " + where
                    + " would be denied on AWS by the function's policy in template.yaml:\n  - "
                    + String.join("\n  - ", denials));
        }
    }
}
