package grants.policycheck;

import grants.adapters.aws.AwsRequestHook;
import grants.adapters.aws.Environment;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The hook {@code AwsClients.local} finds on a test classpath (META-INF/services): the one recorder
 * of the test JVM, checking against the repository's template.yaml.
 */
public final class PolicyCheckHook implements AwsRequestHook {

    private static AwsCallRecorder shared;

    /** The test JVM's recorder, built on first use. */
    public static synchronized AwsCallRecorder shared() {
        if (shared == null) {
            shared = new AwsCallRecorder(PolicyEvaluator.of(TemplatePolicies.repositoryTemplate()));
        }
        return shared;
    }

    @Override
    public ExecutionInterceptor interceptor() {
        return shared().interceptor();
    }

    @Override
    public void wiredWith(Environment environment) {
        shared().wiredWith(environment);
    }

    @Override
    public void objectRequest(String action, String bucket, String key) {
        shared().objectRequest(action, bucket, key);
    }

    @Override
    public void sendEmail(String fromAddress, String configurationSet) {
        shared().sendEmail(fromAddress, configurationSet);
    }
}
