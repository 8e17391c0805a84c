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
        if (context.getTestClass().isPresent()) {
            reportAllowed(context.getDisplayName());
        }
        failOnDenials(context.getDisplayName() + " (its set-up, or work still running after a test)");
    }

    /** Shown so that a run proves the check saw the functions' requests: those of this test class, by statement. */
    private static synchronized void reportAllowed(String testClass) {
        Map<String, Long> now = PolicyCheckHook.shared().allowedByStatement();
        Map<String, Long> since = new java.util.TreeMap<>();
        now.forEach((statement, count) -> {
            long more = count - reported.getOrDefault(statement, 0L);
            if (more > 0) {
                since.put(statement, more);
            }
        });
        reported = now;
        if (!since.isEmpty()) {
            System.out.println("[policy-check] " + testClass + ": functions' requests allowed, by statement: " + since);
        }
    }

    private static Map<String, Long> reported = Map.of();

    private static void failOnDenials(String where) {
        List<String> denials = PolicyCheckHook.shared().takeDenials();
        if (!denials.isEmpty()) {
            throw new AssertionError(denials.size() + " request(s) in " + where
                    + " would be denied on AWS by the function's policy in template.yaml:\n  - "
                    + String.join("\n  - ", denials));
        }
    }
}
