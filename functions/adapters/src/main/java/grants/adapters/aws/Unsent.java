package grants.adapters.aws;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.util.ArrayList;
import java.util.List;

/**
 * Requests built, marshalled and signed by the SDK as for real, then stopped before they are sent:
 * SnapStart's priming runs a function's writes this way, so the snapshot holds every class and
 * cache of the path (the client, its marshallers, the endpoint rules, the signer) while nothing is
 * written, sent or read. Every client {@link AwsClients} builds carries {@link #INTERCEPTOR}; outside
 * {@link #run} it does nothing.
 */
public final class Unsent {

    /** Stops a request on this thread between signing and sending, while {@link #run} is running. */
    public static final ExecutionInterceptor INTERCEPTOR = new Stop();

    private static final ThreadLocal<List<String>> STOPPED = new ThreadLocal<>();

    private Unsent() {
    }

    /**
     * Runs the action with every SDK request stopped once it is signed, which ends the action there.
     *
     * @return the operations stopped, each as "DynamoDb.BatchWriteItem, signed" (empty if the action
     *         made no request); any other failure of the action is thrown
     */
    public static List<String> run(Runnable action) {
        List<String> stopped = new ArrayList<>();
        List<String> outer = STOPPED.get();
        STOPPED.set(stopped);
        try {
            action.run();
        } catch (RuntimeException e) {
            if (!stoppedHere(e)) {
                throw e;
            }
        } finally {
            if (outer == null) {
                STOPPED.remove();
            } else {
                STOPPED.set(outer);
            }
        }
        return stopped;
    }

    private static boolean stoppedHere(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof NotSent) {
                return true;
            }
        }
        return false;
    }

    /** Thrown in place of sending; not an {@code SdkException}, so the SDK never retries it. */
    static final class NotSent extends RuntimeException {
        NotSent(String operation) {
            super(operation + " was signed and not sent (priming)", null, false, false);
        }
    }

    private static final class Stop implements ExecutionInterceptor {
        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            List<String> stopped = STOPPED.get();
            if (stopped == null) {
                return;
            }
            String request = context.request().getClass().getSimpleName().replaceFirst("Request$", "");
            String service = attributes.getAttribute(software.amazon.awssdk.core.interceptor.SdkExecutionAttribute.SERVICE_NAME);
            String operation = service + "." + request;
            boolean signed = context.httpRequest().firstMatchingHeader("Authorization").isPresent();
            stopped.add(operation + (signed ? ", signed" : ", unsigned"));
            throw new NotSent(operation);
        }
    }
}
