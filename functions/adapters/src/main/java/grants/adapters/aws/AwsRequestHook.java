package grants.adapters.aws;

import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Sees every request the functions make to AWS, so that tests can check each against the policy
 * template.yaml gives the function that made it (see the policy-check module). Only clients built
 * for emulators by {@link AwsClients#local} look for one; Lambda's clients never carry one.
 *
 * <p>A hook may refuse a request by throwing, as AWS would answer AccessDenied.
 */
public interface AwsRequestHook {

    /** Added to every SDK client {@link AwsClients} builds: it sees each operation and its request. */
    ExecutionInterceptor interceptor();

    /** The settings a function was wired with: they say which local table, bucket, queue or sender is which. */
    void wiredWith(Environment environment);

    /**
     * An S3 request signed without a client ({@code s3:GetObject} or {@code s3:PutObject}): a presigned link
     * handed out, or one used to read or write an object. S3 checks the signer's permissions when it is used.
     */
    void objectRequest(String action, String bucket, String key);

    /** SES v2 SendEmail, signed without a client: from this address, through this configuration set (or none). */
    void sendEmail(String fromAddress, String configurationSet);
}
