package grants.policycheck;

import grants.adapters.aws.AwsRequestHook;
import grants.adapters.aws.Environment;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every request a function makes, checked as it is made against that function's policy in
 * template.yaml ({@link PolicyEvaluator}). A request AWS would deny is refused here too (an
 * {@link AccessDeniedByPolicy}, as AWS answers AccessDenied) and kept in {@link #takeDenials()}, so that
 * a denial the code catches still fails the test ({@link PolicyCheckExtension}).
 *
 * <p>Local names are told apart by the settings each function is wired with: the table named by
 * {@code GRANTS_TABLE_NAME} is the template's GrantsTable because the template sets that variable
 * to {@code !Ref GrantsTable}. A resource no setting names matches no statement, and is denied.
 */
public final class AwsCallRecorder implements AwsRequestHook {

    /** SesIdentity is, by the template's contract (its description), the verified identity covering SenderEmail. */
    private static final Map<String, String> IDENTITY_COVERING = Map.of("SenderEmail", "SesIdentity");

    private final PolicyEvaluator evaluator;
    private final CallingFunction calling;
    private final SdkCalls sdkCalls;
    private final Map<String, String> templateNames = new ConcurrentHashMap<>();
    private final List<String> denials = new ArrayList<>();
    private final Map<String, AtomicLong> allowedByStatement = new ConcurrentHashMap<>();

    public AwsCallRecorder(PolicyEvaluator evaluator) {
        this.evaluator = evaluator;
        this.calling = new CallingFunction(evaluator.template().handlerPackages());
        this.sdkCalls = new SdkCalls(new SdkCalls.KeyNames() {
            @Override
            public String partitionKey(String localTable) {
                return evaluator.template().partitionKey(templateName(localTable)).orElse("pk");
            }

            @Override
            public Optional<String> sortKey(String localTable) {
                return evaluator.template().sortKey(templateName(localTable));
            }
        });
    }

    @Override
    public ExecutionInterceptor interceptor() {
        return new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                Optional<String> function = calling.current();
                if (function.isEmpty()) {
                    return; // a test's own set-up or check, or the local runner playing Lambda's part
                }
                String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
                String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
                for (SdkCalls.Access access : sdkCalls.of(service, operation, context.request())) {
                    check(function.get(), access);
                }
            }
        };
    }

    @Override
    public void wiredWith(Environment environment) {
        calling.watchThisThread();
        evaluator.template().namedByVariable().forEach((variable, name) -> {
            String local = environment.optional(variable, null);
            if (local != null) {
                templateNames.put(local, name);
            }
        });
    }

    @Override
    public void objectRequest(String action, String bucket, String key) {
        calling.current().ifPresent(function -> check(function,
                new SdkCalls.Access(action, "s3", bucket, key, List.of(), "a presigned " + action + " of " + bucket + "/" + key)));
    }

    @Override
    public void sendEmail(String fromAddress, String configurationSet) {
        calling.current().ifPresent(function -> {
            String identity = IDENTITY_COVERING.getOrDefault(templateName(fromAddress), fromAddress);
            String call = "SES SendEmail from " + fromAddress
                    + (configurationSet == null ? "" : " through configuration set " + configurationSet);
            check(function, new IamRequest(function, "ses:SendEmail", TemplatePolicies.arnOf("ses", identity, "identity"),
                    Map.of(), call));
            if (configurationSet != null) {
                check(function, new IamRequest(function, "ses:SendEmail",
                        TemplatePolicies.arnOf("ses", templateName(configurationSet), "configuration-set"), Map.of(), call));
            }
        });
    }

    private void check(String function, SdkCalls.Access access) {
        String resource = TemplatePolicies.arnOf(access.service(), templateName(access.name()), access.path());
        check(function, new IamRequest(function, access.action(), resource,
                access.service().equals("dynamodb") && !access.leadingKeys().isEmpty()
                        ? Map.of(IamRequest.LEADING_KEYS, access.leadingKeys()) : Map.of(),
                access.call()));
    }

    private void check(String function, IamRequest request) {
        PolicyEvaluator.Decision decision = evaluator.evaluate(request);
        if (decision.allowed()) {
            allowedByStatement.computeIfAbsent(function + "." + decision.allowedBy().get().sid(), k -> new AtomicLong())
                    .incrementAndGet();
            return;
        }
        String denial = "AWS would deny " + function + " (its policy in template.yaml) calling " + request.call()
                + ": " + decision.explanation();
        synchronized (denials) {
            denials.add(denial);
        }
        throw new AccessDeniedByPolicy(denial);
    }

    private String templateName(String local) {
        return templateNames.getOrDefault(local, local);
    }

    /** The denials since the last call, taken: each is reported once. */
    public List<String> takeDenials() {
        synchronized (denials) {
            List<String> taken = List.copyOf(denials);
            denials.clear();
            return taken;
        }
    }

    /** How many requests each statement allowed, as {@code Function.Sid}. */
    public Map<String, Long> allowedByStatement() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        allowedByStatement.forEach((statement, count) -> counts.put(statement, count.get()));
        return counts;
    }

    /** Passes the question "which function started you" on to threads this thread starts. */
    void watchThisThread() {
        calling.watchThisThread();
    }

    /** What AWS answers a request no statement allows. */
    public static final class AccessDeniedByPolicy extends RuntimeException {
        AccessDeniedByPolicy(String message) {
            super(message);
        }
    }
}
